import Foundation
import Testing
@testable import PlancKit

/// The rules on reports they were not written against: the sample plans,
/// and broken variants of the reference report.
@Suite struct CheckerTests {
    static let reference = try! String(contentsOfFile: Repository.path("plans/coordination-status.md"), encoding: .utf8)

    func diagnostics(_ text: String, configuration: Configuration = Configuration()) throws -> [Diagnostic] {
        let source = try SourceLoader.decode(name: "plan.md", bytes: Array(text.utf8))
        return Checker(configuration: configuration).check(PlanParser.parse(source), source: source)
    }

    /// The reference report with one piece of text replaced.
    func variant(_ target: String, _ replacement: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(Self.reference.contains(target), "the reference does not contain \(target)", sourceLocation: sourceLocation)
        return Self.reference.replacingOccurrences(of: target, with: replacement)
    }

    func found(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.code != "PLAN030" }.map { "\($0.code) \($0.range.line):\($0.range.column)" }
    }

    @Test func referenceReportHasOnlyTheEncodingWarnings() throws {
        let result = try diagnostics(Self.reference)
        #expect(result.count == 13)
        #expect(result.allSatisfy { $0.code == "PLAN030" && $0.severity == .warning && $0.fix != nil })
    }

    @Test func otherSamplePlansAreClean() throws {
        for path in Repository.plans where !path.hasSuffix("coordination-status.md") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let result = try diagnostics(text)
            #expect(result.isEmpty, "\(path): \(result.map { "\($0.code) \($0.range.line): \($0.message)" })")
        }
    }

    @Test func structure() throws {
        #expect(found(try diagnostics(variant("# Agent Coordination Status - 2025-12-11\n", ""))) == ["PLAN001 1:1"])
        #expect(found(try diagnostics(variant(" - 2025-12-11\n\n## Infra", "\n\n## Infra"))) == ["PLAN002 1:1"])
        #expect(found(try diagnostics(variant("### General-Purpose Agent", "### Backend Node Optimizer"))) == ["PLAN005 49:1", "PLAN009 68:14", "PLAN009 73:39"])
        #expect(found(try diagnostics(variant("**CORS Restriction**", "**Rate limiting**"))) == ["PLAN006 44:6"])
        #expect(found(try diagnostics(variant("### Phase 3: Code Quality", "### Phase 5: Code Quality"))) == ["PLAN007 67:1", "PLAN007 72:1"])
        #expect(found(try diagnostics(variant("Task 3: CORS restriction", "Task 7: CORS restriction"))) == ["PLAN008 31:1"])
    }

    @Test func references() throws {
        #expect(found(try diagnostics(variant("- **Agent:** General-Purpose\n", "- **Agent:** Docs-Writer\n"))) == ["PLAN009 68:14"])
        #expect(found(try diagnostics(variant("Redis (‚úÖ ready)", "Phase 7 (‚úÖ ready)"))) == ["PLAN010 65:21"])
        #expect(found(try diagnostics(variant("Phase 1 - Production Blockers (8 hours)", "Phase 9 - Production Blockers (8 hours)")))
                == ["PLAN011 26:19"])
        let cycle = variant("- **Effort:** 20 hours\n", "- **Effort:** 20 hours\n- **Dependencies:** Phase 4\n")
            .replacingOccurrences(of: "- **Effort:** 23 hours\n", with: "- **Effort:** 23 hours\n- **Dependencies:** Phase 3\n")
        let cycleDiagnostics = try diagnostics(cycle)
        #expect(found(cycleDiagnostics) == ["PLAN015 70:21"])
        #expect(cycleDiagnostics.first { $0.code == "PLAN015" }?.message == "dependency cycle: Phase 3 → Phase 4 → Phase 3")
    }

    @Test func arithmetic() throws {
        #expect(found(try diagnostics(variant("**Rate Limiting** (4h)", "**Rate Limiting** (5h)"))) == ["PLAN012 26:50", "PLAN013 57:15"])
        #expect(found(try diagnostics(variant("- **Effort:** 8 hours", "- **Effort:** 10 hours"))) == ["PLAN013 57:15"])
        #expect(found(try diagnostics(variant("(1-2 days)", "(2 fortnights)"))) == ["PLAN014 55:35"])
    }

    @Test func consistency() throws {
        #expect(found(try diagnostics(variant("**Status:** \u{F8FF}üü¢ RUNNING", "**Status:** \u{F8FF}üü¢ BLOCKED"))) == ["PLAN016 24:13"])
        // Phase 1 marked done while Backend-Node-Optimizer's three tasks are not.
        #expect(found(try diagnostics(variant("### Phase 1: Production Blockers (1-2 days) - IN PROGRESS",
                                              "### Phase 1: Production Blockers (1-2 days) - ✅ DONE")))
                == ["PLAN017 55:47", "PLAN017 55:47", "PLAN017 55:47"])
        #expect(found(try diagnostics(variant("\u{F8FF}üü° Task 1: Implementing rate limiting (IN PROGRESS)",
                                              "‚úÖ Task 1: Implementing rate limiting (DONE)"))) == ["PLAN018 24:13", "PLAN019 58:15"])
        #expect(found(try diagnostics(variant("(1h) - CRITICAL", "(1h) - ASAP"))) == ["PLAN020 44:32"])
        #expect(found(try diagnostics(variant("**Status:** ‚ö™ NOT STARTED", "**Status:** thinking it over"))) == ["PLAN021 50:13"])
    }

    @Test func infrastructure() throws {
        #expect(found(try diagnostics(variant("`agent.status.*`, `agent.progress.*`", "`agent.status.*`, `agent.progress.>.x`")))
                == ["PLAN022 8:49", "PLAN023 81:38", "PLAN023 89:26"])
        #expect(found(try diagnostics(variant("`localhost:6379`", "`localhost:99999`"))) == ["PLAN024 10:42"])
        #expect(found(try diagnostics(variant("http://localhost:8222/healthz", "http:/localhost:8222/healthz"))) == ["PLAN025 7:17"])
        #expect(found(try diagnostics(variant("Max memory: 256MB", "Max memory: lots"))) == ["PLAN026 11:15"])
        #expect(found(try diagnostics(variant("Policy: allkeys-lru", "Policy: allkeys-lru-ish"))) == ["PLAN027 12:11"])
    }

    @Test func dates() throws {
        #expect(found(try diagnostics(variant("**Started:** 2025-12-11 16:37", "**Started:** 2025-12-32 16:37"))) == ["PLAN028 25:14"])
        #expect(found(try diagnostics(variant("**Last Updated:** 2025-12-11 16:37 UTC", "**Last Updated:** 2025-12-11 16:30 UTC")))
                == ["PLAN029 114:19"])
    }

    @Test func encodingFindingsCarryTheirFix() throws {
        let result = try diagnostics(Self.reference)
        let (fixed, applied) = Fixer.apply(result, to: Array(Self.reference.utf8))
        #expect(applied == 13)
        #expect(String(decoding: fixed, as: UTF8.self) == Mojibake.repair(Array(Self.reference.utf8)).text)
        #expect(try diagnostics(String(decoding: fixed, as: UTF8.self)).isEmpty)
    }

    @Test func devlogPattern() throws {
        #expect(found(try diagnostics(variant("<agent>-<task>.md", "<agent>-<ticket>.md"))) == ["PLAN031 95:43"])
    }

    @Test func configurationChangesSeverityAndSwitchesRulesOff() throws {
        var configuration = Configuration()
        configuration.rules["PLAN030"] = .off
        #expect(try diagnostics(Self.reference, configuration: configuration).isEmpty)
        configuration.rules["PLAN030"] = .severity(.error)
        #expect(try diagnostics(Self.reference, configuration: configuration).allSatisfy { $0.severity == .error })
    }

    @Test func inlineSwitches() throws {
        let next = variant("**Status:** \u{F8FF}üü¢ RUNNING", "<!-- planc-disable-next-line PLAN030 mojibake -->\n**Status:** \u{F8FF}üü¢ RUNNING")
        #expect(try diagnostics(next).count == 12)
        // The next line with text: blank lines between (as fmt writes them)
        // do not undo the switch, and the line after that is checked again.
        let spaced = variant("**Status:** \u{F8FF}üü¢ RUNNING",
                             "<!-- planc-disable-next-line PLAN030 -->\n\n**Status:** \u{F8FF}üü¢ RUNNING")
        #expect(try diagnostics(spaced).count == 12)
        let region = variant("## Active Agents", "## Active Agents\n\n<!-- planc-disable mojibake -->")
            .replacingOccurrences(of: "## Phase Plan", with: "## Phase Plan\n\n<!-- planc-enable mojibake -->")
        #expect(try diagnostics(region).count == 7)
        let all = "<!-- planc-disable -->\n" + Self.reference
        #expect(try diagnostics(all).isEmpty)
    }
}
