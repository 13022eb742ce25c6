import Testing
import PlanGen
@testable import PlancKit

/// fmt's guarantees: idempotent, the model survives it apart from ranges,
/// and no content is dropped.
@Suite struct RoundTripTests {
    static let generated: [ReportGenerator.Options] = (1...40).map { seed in
        ReportGenerator.Options(agents: seed % 7, tasksPerAgent: seed % 5, phases: seed % 6,
                                seed: UInt64(seed), variety: seed % 2 == 0)
    } + [ReportGenerator.Options(agents: 60, tasksPerAgent: 12, phases: 30, seed: 99, variety: true)]

    @Test(arguments: generated)
    func generatedReports(options: ReportGenerator.Options) throws {
        let text = ReportGenerator.generate(options)
        try assertRoundTrip(text, exactWords: true)
        // Generated reports are written in the canonical layout: fmt only
        // repairs their mojibake.
        let repaired = Mojibake.repair(Array(text.utf8)).text
        #expect(MarkdownRenderer.render(try parse(text)) == repaired)
        // They are valid too: the only findings are the mojibake they carry.
        let source = try SourceLoader.decode(name: "generated.md", bytes: Array(text.utf8))
        let findings = Checker().check(PlanParser.parse(source), source: source).filter { $0.code != "PLAN030" }
        #expect(findings.isEmpty, "\(findings.prefix(3).map { "\($0.code) \($0.range.line): \($0.message)" })")
    }

    @Test func samplePlans() throws {
        let plans = Repository.plans
        #expect(plans.count >= 3)
        for path in plans {
            let source = try SourceLoader.load(path: path)
            try assertRoundTrip(String(decoding: source.bytes, as: UTF8.self), exactWords: true)
        }
    }

    @Test func everythingPlancDoesNotInterpretComesBack() throws {
        try assertRoundTrip(Self.kitchenSink, exactWords: false)
        let rendered = MarkdownRenderer.render(try parse(Self.kitchenSink))
        for kept in ["| Area | Owner |", "[runbook]: https://example.com/runbook", "<!-- planc-disable PLAN001 -->",
                     "```sh", "> Quoted advice", "**Owner:** team-a", "- **Risk:** medium", "🦄 Maybe",
                     "Setext Extra", "Trailing prose in the agent.", "[the dashboard](http://localhost:8222)",
                     "   - [x] Ticked step", "     - deeper step", "**Notes:**\n- a note"] {
            #expect(rendered.contains(kept), "lost: \(kept)")
        }
    }

    static let kitchenSink = """
        Text before the title.

        # Kitchen Sink Status — 2025-12-11

        An intro paragraph with [the dashboard](http://localhost:8222).

        ## Infrastructure ✅

        **NATS:** Running on `nats://127.0.0.1:4222`
        - JetStream enabled
        - Channels: `agent.>`

        A paragraph about infrastructure.

        ## Active Agents

        <!-- planc-disable PLAN001 -->

        ### Alpha Agent (Agent ID: a1)
        **Status:** 🟢 RUNNING
        **Owner:** team-a
        **Progress:**
        - ✅ Task 1: First (DONE)
        - 🦄 Maybe something

        **Tasks:**
        1. **First** (2h) - HIGH
           - [x] Ticked step
             - deeper step
           - [ ] Open step

           A paragraph inside the task.

        2. Second (30m) - LOW extra words

        **Notes:**
        - a note

        Trailing prose in the agent.

        | Area | Owner |
        | --- | --- |
        | api | a |

        ## Phase Plan

        ### Phase 1: Start (1-2 days) - ✅ DONE
        - **Agent:** Alpha
        - **Effort:** 2.5 hours
        - **Risk:** medium
        - plain item in the key list

        ### Not A Phase
        Some text.

        ## Coordination Protocol

        ### Communication Channels
        - **Claims:** `agent.tasks.claim`
        - plain channel line

        ### Extra Protocol Notes
        > Quoted advice

        ## Notes

        Setext Extra
        ------------

        ```sh
        planc check plans/
        ```

        [runbook]: https://example.com/runbook

        ## Next Steps

        1. [ ] **Do it** now
        2. Plain step

        ## Questions for User

        1. Why?

        ---

        **Last Updated:** 2025-12-11 16:37 UTC
        **Next Check:** soon
        **Reviewer:** someone

        Closing words.
        """
}

/// Checks fmt's guarantees on one report.
func assertRoundTrip(_ text: String, exactWords: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let first = try parse(text)
    let once = MarkdownRenderer.render(first)
    let second = try parse(once)
    let twice = MarkdownRenderer.render(second)
    #expect(once == twice, "fmt is not idempotent", sourceLocation: sourceLocation)
    #expect(try modelWithoutRanges(first) == modelWithoutRanges(second),
            "the model changed through fmt", sourceLocation: sourceLocation)
    let repaired = Mojibake.repair(Array(text.utf8)).text
    if exactWords {
        #expect(words(repaired) == words(once), "fmt changed the words", sourceLocation: sourceLocation)
    } else {
        #expect(words(repaired).sorted() == words(once).sorted(), "fmt lost or added words",
                sourceLocation: sourceLocation)
    }
}

extension ReportGenerator.Options: CustomTestStringConvertible {
    public var testDescription: String {
        "agents \(agents), tasks \(tasksPerAgent), phases \(phases), seed \(seed)\(variety ? ", variety" : "")"
    }
}
