import PlancKit

/// Generates large, valid status reports, deterministically: the same
/// options give the same bytes. The shape follows the reference report:
/// infrastructure, agents with progress and tasks, a phase plan, the
/// protocol, next steps, questions and the footer.
///
/// With `variety`, reports also carry what real ones do: blocked agents,
/// GFM task items, unknown keys, agents without IDs, extra sections with
/// tables and links, prose, and emoji saved as mojibake.
public struct ReportGenerator {
    public struct Options: Sendable {
        public var agents: Int
        public var tasksPerAgent: Int
        public var phases: Int
        public var seed: UInt64
        public var variety: Bool

        public init(agents: Int = 2, tasksPerAgent: Int = 3, phases: Int = 4, seed: UInt64 = 1, variety: Bool = false) {
            self.agents = agents
            self.tasksPerAgent = tasksPerAgent
            self.phases = phases
            self.seed = seed
            self.variety = variety
        }
    }

    static let priorities = ["CRITICAL", "HIGH", "MEDIUM", "LOW"]
    static let words = ("rate limiting database indexes cors restriction health check redis caching "
        + "query logging rbac documentation migration retry backoff metrics tracing "
        + "pagination validation auth tokens sessions uploads exports webhooks").split(separator: " ").map(String.init)

    private var random: SplitMix64
    private let options: Options
    private var lines: [String] = []
    /// Hours of the tasks of the agents working on each phase, so that each
    /// phase's effort adds up.
    private var phaseHours: [Int: Int] = [:]
    /// Makes every task title, and so every task ID, unique.
    private var taskCounter = 0

    private mutating func uniqueTitle() -> String {
        taskCounter += 1
        return title() + " \(taskCounter)"
    }

    public static func generate(_ options: Options) -> String {
        var generator = ReportGenerator(options: options)
        generator.build()
        return generator.lines.joined(separator: "\n") + "\n"
    }

    private init(options: Options) {
        self.options = options
        self.random = SplitMix64(seed: options.seed)
    }

    private mutating func w(_ line: String) { lines.append(line) }

    private mutating func title(_ count: Int = 2) -> String {
        var pool = Self.words
        var picked: [String] = []
        for _ in 0..<count {
            let index = random.int(pool.count)
            picked.append(pool.remove(at: index))
        }
        return picked.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// A marker, now and then saved as mojibake when reports vary.
    private mutating func mark(_ marker: String) -> String {
        options.variety && random.int(5) == 0 ? Mojibake.garble(marker) : marker
    }

    private mutating func build() {
        w("# Agent Coordination Status - 2025-12-11\n")
        w("## Infrastructure Setup \(mark("✅"))\n")
        w("**NATS Messaging:** Running on `nats://localhost:4222`")
        w("- JetStream enabled for persistence")
        w("- Health check: http://localhost:8222/healthz")
        w("- Channels: `agent.tasks.*`, `agent.status.*`, `agent.progress.*`\n")
        w("**Redis Caching:** Running on `localhost:6379`")
        w("- Max memory: 256MB")
        w("- Policy: allkeys-lru")
        w("- Persistence: AOF enabled\n")
        if options.variety {
            w("**Coordination Module:** `/backend/app/core/agent_coordinator.py`")
            w("- Task claim/release protocol")
            w("- Progress broadcasting\n")
        }
        w("## Active Agents\n")
        if options.variety {
            w("Agents report here every ten minutes; see [the runbook](https://example.com/runbook).\n")
        }
        var agents: [String] = []
        for index in 0..<options.agents {
            agents.append(agent(index))
        }
        phasePlan(agents)
        protocolSection()
        if options.variety { notesSection() }
        w("## Next Steps\n")
        w("1. \(mark("⏳")) **Monitor progress** on the active phase")
        if options.variety {
            w("2. \(mark("🤔")) **Decide on parallel work**")
            w("   - Option A: Wait for Phase 1 completion")
            w("   - Option B: Start documentation now")
        }
        w("")
        w("## Questions for User\n")
        w("1. Should the next phase start in parallel?\n")
        w("---\n")
        w("**Last Updated:** 2025-12-11 16:37 UTC")
        w("**Next Check:** Monitor in 10-15 minutes")
    }

    private mutating func agent(_ index: Int) -> String {
        let name = String(format5: index)
        let tasks = options.tasksPerAgent
        let efforts = (0..<tasks).map { _ in random.int(8) + 1 }
        let active = tasks > 0 ? random.int(tasks) : 0
        let blocked = options.variety && random.int(6) == 0
        let withoutID = options.variety && random.int(7) == 0
        w(withoutID ? "### \(name)" : "### \(name) (Agent ID: a\(String(index, radix: 16).leftPadded(6)))")
        // An agent without tasks has not started; one with tasks runs one.
        if tasks == 0 {
            w("**Status:** \(mark("⚪")) NOT STARTED")
        } else {
            w(blocked ? "**Status:** \(mark("🔴")) BLOCKED" : "**Status:** \(mark("🟢")) RUNNING")
        }
        // Started before the report's last update (16:37).
        w("**Started:** 2025-12-11 \(String(random.int(16)).leftPadded(2)):\(String(random.int(60)).leftPadded(2))")
        let phase = index % max(options.phases, 1) + 1
        let currentName = title()
        if tasks > 0 && options.phases > 0 {
            w("**Current Task:** Phase \(phase) - \(currentName) (\(efforts.reduce(0, +)) hours)")
            phaseHours[phase, default: 0] += efforts.reduce(0, +)
        }
        if options.variety && random.int(4) == 0 { w("**Owner:** team-\(random.int(9))") }
        let names = (0..<tasks).map { _ in uniqueTitle() }
        if tasks > 0 {
            w("**Progress:**")
            w("- \(mark("✅")) Created task tracking")
            for task in 0..<tasks {
                let (marker, label): (String, String)
                if task < active { (marker, label) = ("✅", "DONE") }
                else if task == active { (marker, label) = blocked ? ("🔴", "BLOCKED") : ("🟡", "IN PROGRESS") }
                else { (marker, label) = ("⚪", "PENDING") }
                w("- \(mark(marker)) Task \(task + 1): \(names[task]) (\(label))")
            }
            w("\n**Tasks:**")
            for task in 0..<tasks {
                w("\(task + 1). **\(names[task])** (\(efforts[task])h) - \(Self.priorities[random.int(4)])")
                let boxes = options.variety && random.int(3) == 0
                // Steps nest under the task's text: as deep as "10. " is wide.
                let indent = String(repeating: " ", count: "\(task + 1). ".count)
                for step in 0..<3 {
                    let text = title(3)
                    w(boxes ? "\(indent)- [\(step < 1 ? "x" : " ")] \(text)" : "\(indent)- \(text)")
                }
                w("")
            }
        } else {
            w("**Available for:** Documentation, test fixes, maintenance tasks\n")
        }
        return name
    }

    private mutating func phasePlan(_ agents: [String]) {
        w("## Phase Plan\n")
        for phase in 0..<options.phases {
            let status = phase == 0 ? "IN PROGRESS" : "PENDING"
            w("### Phase \(phase + 1): \(title()) (\(random.int(3) + 1)-\(random.int(6) + 4) days) - \(status)")
            if !agents.isEmpty { w("- **Agent:** \(agents[phase % agents.count])") }
            let spare = random.int(37) + 4
            w("- **Effort:** \(phaseHours[phase + 1] ?? spare) hours")
            w("- **Status:** \(mark(phase == 0 ? "🟡" : "⚪")) \(phase == 0 ? "In Progress" : "Pending")")
            w("- **Tasks:** \(uniqueTitle()), \(uniqueTitle()), \(uniqueTitle())")
            if phase > 0 { w("- **Dependencies:** Phase \(phase)") }
            if options.variety && random.int(3) == 0 { w("- **Risk:** medium, see the notes") }
            w("")
        }
    }

    private mutating func protocolSection() {
        w("## Coordination Protocol\n")
        if options.variety {
            w("### Task Lifecycle")
            w("1. **Claim:** Agent publishes to `agent.tasks.claim`")
            w("2. **Progress:** Regular updates to `agent.progress.<task_id>`")
            w("3. **Blocked:** Report to `agent.tasks.blocked` with clarifications needed")
            w("4. **Complete:** Publish to `agent.tasks.complete` with results\n")
        }
        w("### Communication Channels")
        w("- **Task Claims:** `agent.tasks.claim`")
        w("- **Task Completion:** `agent.tasks.complete`")
        w("- **Task Blocked:** `agent.tasks.blocked`")
        w("- **Progress Updates:** `agent.progress.<task_id>`")
        w("- **Agent Status:** `agent.status.<agent_type>`\n")
        if options.variety {
            w("### Monitoring")
            w("- **NATS Dashboard:** http://localhost:8222")
            w("- **Devlog:** `/devlog/2025-12-11-<agent>-<task>.md`\n")
        }
    }

    private mutating func notesSection() {
        w("## Notes\n")
        w("| Area | Owner | State |")
        w("| --- | --- | --- |")
        for _ in 0..<3 { w("| \(title()) | team-\(random.int(9)) | ~~old~~ new |") }
        w("")
        w("> Keep the [dashboard][dash] open during launch.\n")
        w("[dash]: http://localhost:8222\n")
        w("```sh\nplanc check plans/\n```\n")
    }
}

/// A small, fast, seedable random source (SplitMix64): the same seed gives
/// the same report on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func int(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }
}

extension String {
    init(format5 index: Int) {
        self = "Agent-" + String(index).leftPadded(5)
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
