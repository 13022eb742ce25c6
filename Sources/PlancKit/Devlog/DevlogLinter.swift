#if canImport(Glibc)
import Glibc
#endif

/// A check of devlog entries against a plan. Like `Rule`, each one carries
/// its description and examples; a failing example may hold several files,
/// each introduced by a line `<!-- file: <name> -->`.
public protocol DevlogRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: DevlogContext) -> [DevlogFinding]
}

public struct DevlogFinding: Sendable {
    public var file: String
    public var finding: Finding

    public init(file: String, finding: Finding) {
        self.file = file
        self.finding = finding
    }
}

/// What an entry's file name stands for, read against the plan.
public enum DevlogResolution: Sendable {
    /// The name does not fit the pattern at all.
    case noMatch
    case resolved(date: String, agent: Agent, task: String)
    /// Several agent/task readings resolve: the candidates, `agent/task`.
    case ambiguous(date: String, candidates: [String])
    case unknownAgent(date: String, agent: String)
    case unknownTask(date: String, agent: Agent, task: String)

    public var date: String? {
        switch self {
        case .noMatch: return nil
        case .resolved(let date, _, _), .ambiguous(let date, _), .unknownAgent(let date, _),
             .unknownTask(let date, _, _): return date
        }
    }
}

/// What an entry is about, read against a plan: from its file name when the
/// name follows the pattern, else from its keys (front matter, or
/// `**Agent:**`-style lines at the top of the body).
public struct DevlogReading: Sendable {
    public enum Source: Sendable, Hashable {
        case name, keys
    }

    /// What the entry names that the plan does not settle.
    public enum Issue: Sendable {
        case unknownAgent(String, range: SourceRange)
        /// A task that is not the agent's (nil: that no agent of the plan has).
        case unknownTask(agent: Agent?, task: String, range: SourceRange)
        /// Several agent/task readings of the name resolve: `agent/task`.
        case ambiguous([String])
    }

    /// The day the entry is about: the file name's date when the name fits
    /// the pattern, else the `date` key (with its line).
    public var date: Located<String>?
    /// Whether `date` is the file name's.
    public var dateFromName = false
    /// The agent and task the entry is about, when the plan has them.
    public var agent: Agent?
    public var task: String?
    public var issue: Issue?
    /// Where the agent and task were read; nil when nothing names them.
    public var source: Source?
    /// Whether the name fits the pattern names are read with.
    public var nameFits = false
    /// Whether a declared pattern holds this entry's name to it.
    public var heldToPattern = false

    /// Reads an entry. `declared` is the pattern declared for it (nil: names
    /// are read with `<date>-<agent>-<task>.md` but not held to it); without
    /// a plan only its date is read.
    public init(_ entry: DevlogEntry, plan: Plan?, declared: DevlogPattern?) {
        let pattern = declared ?? .standard
        let matches = pattern.matches(entry.name)
        nameFits = !matches.isEmpty
        if let first = matches.first {
            date = Located(first.date, range: .startOfFile)
            dateFromName = true
        } else if let key = entry.dateKey {
            date = key.value
        }
        heldToPattern = declared.map { $0.holds(date: date?.value) } ?? false
        guard let plan else { return }
        if nameFits {
            let resolution = DevlogContext.resolve(entry.name, pattern: pattern, plan: plan)
            switch resolution {
            case .resolved(_, let agent, let task):
                self.agent = agent
                self.task = task
                source = .name
                return
            case .ambiguous(_, let candidates):
                source = .name
                // Keys naming the agent or task settle it.
                let keyAgent = entry.key("agent").flatMap { Self.agent(named: $0.value.value, in: plan) }
                let keyTask = entry.key("task")?.value.value
                let settled = candidates.filter { candidate in
                    let parts = candidate.split(separator: "/", maxSplits: 1).map(String.init)
                    if let keyAgent, parts[0] != keyAgent.slug { return false }
                    if let keyTask, Self.task(named: keyTask, among: [parts[1]]) == nil { return false }
                    return keyAgent != nil || keyTask != nil
                }
                if settled.count == 1, let agent = plan.agents.first(where: { settled[0].hasPrefix($0.slug + "/") }) {
                    self.agent = agent
                    task = String(settled[0].dropFirst(agent.slug.count + 1))
                } else {
                    issue = .ambiguous(candidates)
                }
                return
            case .unknownTask(_, let agent, let task) where heldToPattern:
                self.agent = agent
                issue = .unknownTask(agent: agent, task: task, range: .startOfFile)
                source = .name
                return
            case .unknownAgent(_, let agent) where heldToPattern:
                issue = .unknownAgent(agent, range: .startOfFile)
                source = .name
                return
            default:
                // A name not held to a pattern says nothing unless it resolves.
                break
            }
        }
        readKeys(entry, plan: plan)
    }

    private mutating func readKeys(_ entry: DevlogEntry, plan: Plan) {
        let agentKey = entry.key("agent")?.value
        let taskKey = entry.key("task")?.value
        guard agentKey != nil || taskKey != nil else { return }
        source = .keys
        if let agentKey {
            guard let found = Self.agent(named: agentKey.value, in: plan) else {
                issue = .unknownAgent(agentKey.value, range: agentKey.range)
                return
            }
            agent = found
            guard let taskKey else { return }
            if let id = Self.task(named: taskKey.value, among: plan.taskIDs(for: found)) {
                task = id
            } else {
                issue = .unknownTask(agent: found, task: taskKey.value, range: taskKey.range)
            }
        } else if let taskKey {
            guard let id = Self.task(named: taskKey.value, among: Set(plan.allTaskIDs)) else {
                issue = .unknownTask(agent: nil, task: taskKey.value, range: taskKey.range)
                return
            }
            task = id
            let owners = plan.agents.filter { plan.taskIDs(for: $0).contains(id) }
            if owners.count == 1 { agent = owners[0] }
        }
    }

    /// An agent as an entry key names it: slug, Agent ID or name, or
    /// `Name (Agent ID: id)`.
    public static func agent(named text: String, in plan: Plan) -> Agent? {
        var candidates = [text]
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            candidates.append(String(text[..<open]))
            var inner = String(text[text.index(after: open)..<close]).trimmingSpaces()
            for prefix in ["agent id:", "id:"] where inner.lowercased().hasPrefix(prefix) {
                inner = String(inner.dropFirst(prefix.count))
            }
            candidates.append(inner)
        }
        for candidate in candidates.map({ $0.trimmingSpaces() }) where !candidate.isEmpty {
            if let agent = plan.agent(named: candidate) { return agent }
        }
        return nil
    }

    /// A task among `ids` as an entry key names it: its ID, its title, or
    /// `Task 2: Title`.
    public static func task(named text: String, among ids: Set<String>) -> String? {
        var candidates = [text.lowercased().trimmingSpaces(), Slug.make(text)]
        if let colon = text.firstIndex(of: ":") { candidates.append(Slug.make(String(text[text.index(after: colon)...]))) }
        return candidates.first { ids.contains($0) }
    }
}

/// The entries, the plan they are read against, and what each one is about.
public struct DevlogContext: Sendable {
    public let entries: [DevlogEntry]
    /// The plan the entries are read against; nil when the run has none
    /// (then only what needs no plan is checked).
    public let plan: Plan?
    public let configuration: Configuration
    public let today: CalendarDate
    /// The pattern entry names are held to, when one is declared.
    public let declaredPattern: DevlogPattern?
    /// The pattern names are read with: the declared one, else
    /// `<date>-<agent>-<task>.md`.
    public let pattern: DevlogPattern
    public let readings: [String: DevlogReading]

    public init(entries: [DevlogEntry], plan: Plan?, configuration: Configuration = Configuration(),
                today: CalendarDate = DevlogContext.currentDate()) {
        self.entries = entries
        self.plan = plan
        self.configuration = configuration
        self.today = today
        let declared = Self.declaredPattern(plan: plan, configuration: configuration)
        declaredPattern = declared
        pattern = declared ?? .standard
        var readings: [String: DevlogReading] = [:]
        for entry in entries { readings[entry.path] = DevlogReading(entry, plan: plan, declared: declared) }
        self.readings = readings
    }

    /// The pattern declared for entries: `devlog: pattern:` in `.planc.yml`,
    /// else the plan's Monitoring section's; nil when neither says one.
    public static func declaredPattern(plan: Plan?, configuration: Configuration) -> DevlogPattern? {
        configuration.devlogPattern ?? plan?.protocolSpec?.devlogPattern.flatMap { DevlogPattern(text: $0.value) }
    }

    /// Where the pattern in force was declared, for messages.
    public var patternOrigin: String {
        if configuration.devlogPattern != nil { return "`devlog: pattern:` in \(configuration.file ?? ".planc.yml")" }
        return "the Monitoring section of \(plan?.file ?? "the plan")"
    }

    /// Reads a file name against the plan: agent by slug or ID, task among
    /// the agent's own or its phases'. Hyphenated names are not split by
    /// guesswork: every split is tried, and only those that resolve count.
    public static func resolve(_ name: String, pattern: DevlogPattern, plan: Plan) -> DevlogResolution {
        let matches = pattern.matches(name)
        guard let first = matches.first else { return .noMatch }
        var resolved: [(date: String, agent: Agent, task: String)] = []
        var agentOnly: (date: String, agent: Agent, task: String)?
        for match in matches {
            guard let agent = plan.agents.first(where: {
                $0.slug == match.agent.lowercased() || $0.id?.lowercased() == match.agent.lowercased()
            }) else { continue }
            if plan.taskIDs(for: agent).contains(match.task.lowercased()) {
                resolved.append((match.date, agent, match.task.lowercased()))
            } else if agentOnly == nil || match.agent.count > agentOnly!.agent.slug.count {
                agentOnly = (match.date, agent, match.task)
            }
        }
        if resolved.count == 1 { return .resolved(date: resolved[0].date, agent: resolved[0].agent, task: resolved[0].task) }
        if resolved.count > 1 {
            return .ambiguous(date: first.date, candidates: resolved.map { "\($0.agent.slug)/\($0.task)" })
        }
        if let agentOnly { return .unknownTask(date: agentOnly.date, agent: agentOnly.agent, task: agentOnly.task) }
        // Name the agent as the first reading of the name has it.
        return .unknownAgent(date: first.date, agent: first.agent)
    }

    /// Today in UTC (`PLANC_NOW` fixes it, as for live state).
    public static func currentDate() -> CalendarDate {
        if let fixed = getenv("PLANC_NOW").map({ String(cString: $0) }), let time = QuantityParsing.dateTime(fixed) {
            return time.date
        }
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }
}

/// Runs the devlog rules and turns their findings into diagnostics, as the
/// plan checker does: configured severities, rules switched off, source order.
public struct DevlogLinter: Sendable {
    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    /// Lints entries against the plans of a run, each against the plan it
    /// belongs to (`owner`); without plans, what needs none.
    public func lint(_ entries: [DevlogEntry], plans: [Plan],
                     today: CalendarDate = DevlogContext.currentDate()) -> [String: [Diagnostic]] {
        var groups: [Int: [DevlogEntry]] = [:]
        for entry in entries { groups[Self.owner(of: entry, among: plans, configuration: configuration) ?? -1, default: []].append(entry) }
        var result: [String: [Diagnostic]] = [:]
        for (index, group) in groups.sorted(by: { $0.key < $1.key }) {
            let context = DevlogContext(entries: group, plan: index >= 0 ? plans[index] : nil,
                                        configuration: configuration, today: today)
            result.merge(lint(context)) { $1 }
        }
        return result
    }

    /// The plan an entry belongs to: the first where its agent and task
    /// resolve, else where its name is ambiguous, else where its agent is
    /// known, else where its task is; failing all, the first plan with
    /// agents. Nil without plans.
    public static func owner(of entry: DevlogEntry, among plans: [Plan], configuration: Configuration) -> Int? {
        guard !plans.isEmpty else { return nil }
        var best: (rank: Int, index: Int)?
        for (index, plan) in plans.enumerated() {
            let reading = DevlogReading(entry, plan: plan,
                                        declared: DevlogContext.declaredPattern(plan: plan, configuration: configuration))
            let rank: Int
            if case .ambiguous? = reading.issue {
                rank = 1
            } else if reading.agent != nil && reading.task != nil && reading.issue == nil {
                rank = 0
            } else if reading.agent != nil {
                rank = 2
            } else if reading.task != nil {
                rank = 3
            } else {
                continue
            }
            if best == nil || rank < best!.rank { best = (rank, index) }
        }
        return best?.index ?? plans.firstIndex { !$0.agents.isEmpty } ?? 0
    }

    public func lint(_ context: DevlogContext) -> [String: [Diagnostic]] {
        var result: [String: [Diagnostic]] = [:]
        for entry in context.entries { result[entry.path] = [] }
        let suppressions = Dictionary(uniqueKeysWithValues: context.entries.map {
            ($0.path, Suppressions(source: $0.source, resolve: { RuleRegistry.rule(named: $0)?.code }))
        })
        for rule in RuleRegistry.devlog {
            let description = rule.description
            guard let severity = configuration.severity(of: description) else { continue }
            for found in rule.init().check(context)
            where !(suppressions[found.file]?.isSuppressed(code: description.code, line: found.finding.range.line) ?? false) {
                result[found.file, default: []].append(Diagnostic(code: description.code, rule: description.alias,
                                                                 severity: severity, file: found.file, finding: found.finding))
            }
        }
        return result.mapValues {
            $0.sorted { ($0.range.line, $0.range.column, $0.code) < ($1.range.line, $1.range.column, $1.code) }
        }
    }
}
