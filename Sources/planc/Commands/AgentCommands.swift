import ArgumentParser
import PlancKit
import PlancLive

/// What every protocol command shares: live endpoints from flags,
/// environment or configuration, and the agent acting.
struct ProtocolOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The agent acting, by slug (backend-node-optimizer).", valueName: "agent"))
    var agent: String

    @OptionGroup var live: LiveOptions

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
    var config: String?

    func validate() throws {
        if live.snapshot != nil { throw ValidationError("protocol commands write live state: --snapshot does not apply") }
        guard !agent.isEmpty, agent.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ValidationError("--agent takes a slug: letters, digits, - and _")
        }
    }

    /// Runs an action against live state; refusals exit 1, failures 2.
    func perform(_ action: (AgentProtocol) throws(LiveError) -> AgentProtocol.Outcome,
                 success: (TaskEntry) -> String) throws {
        try reportingFailure {
            let session = try live.agentSession(config: config)
            let outcome = try action(session)
            session.warnings.forEach { Console.error("planc: warning: " + $0) }
            switch outcome {
            case .done(let entry):
                Console.out(success(entry) + "\n")
            case .refused(let reason):
                Console.error("planc: " + reason)
                throw Exit.found
            }
        }
    }
}

/// `30s`, `10m`, `1h`.
struct LeaseDuration: ExpressibleByArgument {
    let seconds: Double
    init?(argument: String) {
        guard let seconds = ConfigLoader.seconds(argument), seconds > 0 else { return nil }
        self.seconds = seconds
    }
}

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Claim a task for an agent, exclusively.",
        discussion: """
            A create in the task bucket where the task has no entry, else a compare-and-set \
            on the revision read, allowed only when nobody holds the task, its holder \
            released it, or its lease has passed: of any number of agents claiming at once, \
            exactly one wins. With --next, the first ready task (see `planc ready`; the \
            agent's own before unassigned ones), moving on when another agent wins a race. \
            The plan's assignment is advisory: any agent may claim a task nobody holds.

            Prints the claimed task's ID. Exit codes: 0 claimed (or already held by this \
            agent); 1 held by another agent ("held by <agent> since <time>"), done, or with \
            --next nothing ready; 2 live state could not be used; 64 usage error.
            """)

    @Argument(help: ArgumentHelp("The task's ID (its slug).", valueName: "task"))
    var task: String?

    @Flag(name: .long, help: "Claim the first ready task instead of a named one.")
    var next = false

    @Option(name: .long, help: ArgumentHelp("With --next: the report whose order and dependencies decide what is ready.",
                                             valueName: "plan"))
    var plan: String?

    @Option(name: .long, help: ArgumentHelp("Hold the task this long (30s, 10m, 1h); after it, others may take it over.",
                                             valueName: "duration"))
    var lease: LeaseDuration?

    @OptionGroup var options: ProtocolOptions

    func validate() throws {
        if next == (task != nil) { throw ValidationError("name a task, or use --next") }
        if plan != nil && !next { throw ValidationError("--plan goes with --next") }
    }

    func run() throws {
        if let task {
            try options.perform({ session throws(LiveError) in
                try session.claim(task, agent: options.agent, leaseSeconds: lease?.seconds)
            }, success: { $0.task })
            return
        }
        var model: Plan?
        if let plan {
            do { model = PlanParser.parse(try SourceLoader.load(path: plan)) } catch {
                Console.fail(error.description)
                throw Exit.failed
            }
        }
        try options.perform({ session throws(LiveError) in
            guard let entry = try session.claimNext(agent: options.agent, plan: model, leaseSeconds: lease?.seconds) else {
                return .refused("no task is ready for \(options.agent)")
            }
            return .done(entry)
        }, success: { $0.task })
    }
}

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Give up a task the agent holds; it becomes pending and claimable.",
        discussion: "Exit codes: 0 released; 1 the agent does not hold the task; 2 live state could not be used.")

    @Argument(help: ArgumentHelp("The task's ID.", valueName: "task")) var task: String
    @OptionGroup var options: ProtocolOptions

    func run() throws {
        try options.perform({ session throws(LiveError) in try session.release(task, agent: options.agent) },
                            success: { "released \($0.task)" })
    }
}

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Report progress on a task the agent holds.",
        discussion: "Exit codes: 0 recorded; 1 the agent does not hold the task; 2 live state could not be used.")

    @Argument(help: ArgumentHelp("The task's ID.", valueName: "task")) var task: String
    @Option(name: .long, help: "How far the task is, 0 to 100.") var percent: Int
    @Option(name: .long, help: "What was done.") var note: String = ""
    @OptionGroup var options: ProtocolOptions

    func validate() throws {
        guard (0...100).contains(percent) else { throw ValidationError("--percent goes from 0 to 100") }
    }

    func run() throws {
        try options.perform({ session throws(LiveError) in
            try session.progress(task, agent: options.agent, percent: percent, note: note)
        }, success: { "\($0.task) at \($0.percent)%" })
    }
}

struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Report a task the agent holds as blocked, with what it needs.",
        discussion: "Exit codes: 0 recorded; 1 the agent does not hold the task; 2 live state could not be used.")

    @Argument(help: ArgumentHelp("The task's ID.", valueName: "task")) var task: String
    @Option(name: .long, help: "Why the task cannot go on.") var reason: String
    @Option(name: .long, help: "A question that would unblock it (repeatable).") var clarification: [String] = []
    @OptionGroup var options: ProtocolOptions

    func run() throws {
        try options.perform({ session throws(LiveError) in
            try session.block(task, agent: options.agent, reason: reason, clarifications: clarification)
        }, success: { "\($0.task) blocked" })
    }
}

struct CompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Report a task the agent holds as done.",
        discussion: "Exit codes: 0 recorded; 1 the agent does not hold the task; 2 live state could not be used.")

    @Argument(help: ArgumentHelp("The task's ID.", valueName: "task")) var task: String
    @Option(name: .long, help: "What came out of it.") var result: String
    @OptionGroup var options: ProtocolOptions

    func run() throws {
        try options.perform({ session throws(LiveError) in
            try session.complete(task, agent: options.agent, result: result)
        }, success: { "\($0.task) done" })
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Write an agent's status and heartbeat.",
        discussion: """
            STATUS is a status word or marker (running, RUNNING, 🟢, blocked, waiting...). \
            Publishes the agent.status.<agent> event. Exit codes: 0 written; 2 live state \
            could not be used; 64 an unknown status.
            """)

    @Argument(help: ArgumentHelp("The agent's slug.", valueName: "agent")) var agent: String
    @Argument(help: ArgumentHelp("The status.", valueName: "status")) var status: String
    @Option(name: .long, help: ArgumentHelp("The task the agent works on (empty to clear).", valueName: "task"))
    var currentTask: String?
    @OptionGroup var live: LiveOptions
    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
    var config: String?

    func validate() throws {
        if Self.parse(status) == nil {
            throw ValidationError("`\(status)` is not a status: use running, inProgress, pending, blocked, waiting, failed, done")
        }
    }

    static func parse(_ text: String) -> Status? {
        Status(rawValue: text) ?? StatusWords.status(ofMarker: text) ?? StatusWords.status(ofWords: text.uppercased())
    }

    func run() throws {
        try reportingFailure {
            let session = try live.agentSession(config: config)
            let entry = try session.status(agent: agent, status: Self.parse(status), currentTask: currentTask)
            session.warnings.forEach { Console.error("planc: warning: " + $0) }
            Console.out("\(entry.agent) \(entry.status) at \(entry.heartbeat)\n")
        }
    }
}

struct HeartbeatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heartbeat",
        abstract: "Refresh an agent's heartbeat (for a cron job or a loop).",
        discussion: "Exit codes: 0 refreshed; 2 live state could not be used or the agent has no status yet.")

    @Argument(help: ArgumentHelp("The agent's slug.", valueName: "agent")) var agent: String
    @OptionGroup var live: LiveOptions
    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
    var config: String?

    func run() throws {
        try reportingFailure {
            let entry = try live.agentSession(config: config).status(agent: agent, status: nil, currentTask: nil,
                                                                     heartbeatOnly: true)
            Console.out("\(entry.agent) \(entry.heartbeat)\n")
        }
    }
}

struct ReadyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ready",
        abstract: "List the tasks that can be claimed now, in plan order.",
        discussion: """
            Ready: pending and held by nobody (or by a holder whose lease has passed), and \
            every dependency of its phase done. A task whose dependency is not done, or that \
            is claimed, is never listed. Exit codes: 0 listed (even none); 2 live state or \
            the report could not be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The report.", valueName: "plan")) var plan: String
    @OptionGroup var live: LiveOptions
    @Option(name: .long, help: ArgumentHelp("Only tasks this agent may claim (its own and unassigned ones).", valueName: "agent"))
    var agent: String?
    @Option(name: .long, help: "Output format: text or json.") var format: Format = .text
    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
    var config: String?
    @OptionGroup var input: InputOptions

    func run() throws {
        let (_, model, snapshot) = try loadPlanAndLiveState(plan, live: live, config: config, input: input)
        let candidates = ReadyTasks.candidates(plan: model, live: snapshot.tasks.mapValues(\.value), agent: agent,
                                               now: Clock.now())
        switch format {
        case .text:
            Console.out(candidates.map { $0.id + ($0.assignee.map { "  (\($0))" } ?? "") + "\n" }.joined())
        case .json:
            var json = JSONWriter(pretty: true)
            json.beginObject()
            json.member("version", 1)
            json.key("ready")
            json.beginArray()
            for candidate in candidates {
                json.element()
                json.beginInlineObject()
                json.member("task", candidate.id)
                json.member("assignee", candidate.assignee)
                json.endInlineObject()
            }
            json.endArray()
            json.endObject()
            Console.out(json.string + "\n")
        }
    }
}
