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

/// The entries, the plan they are read against, and what each name means.
public struct DevlogContext: Sendable {
    public let entries: [DevlogEntry]
    public let plan: Plan
    public let configuration: Configuration
    public let today: CalendarDate
    public let pattern: DevlogPattern
    public let resolutions: [String: DevlogResolution]

    public init(entries: [DevlogEntry], plan: Plan, configuration: Configuration = Configuration(),
                today: CalendarDate = DevlogContext.currentDate()) {
        self.entries = entries
        self.plan = plan
        self.configuration = configuration
        self.today = today
        let pattern = plan.protocolSpec?.devlogPattern.flatMap { DevlogPattern(text: $0.value) } ?? .standard
        self.pattern = pattern
        var resolutions: [String: DevlogResolution] = [:]
        for entry in entries { resolutions[entry.path] = Self.resolve(entry.name, pattern: pattern, plan: plan) }
        self.resolutions = resolutions
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
