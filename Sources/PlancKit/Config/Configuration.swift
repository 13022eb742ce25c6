/// Settings from `.planc.yml` (or `--config`), with defaults for what the
/// file does not say.
public struct Configuration: Sendable, Hashable {
    /// A rule's severity as configured: a severity, or off.
    public enum RuleSetting: Sendable, Hashable {
        case off
        case severity(Severity)
    }

    /// Per rule, by code (`PLAN012`); the loader turns aliases into codes.
    public var rules: [String: RuleSetting] = [:]
    /// Hours in a day of effort (`2d`).
    public var hoursPerDay: Double = 8
    /// The team's own words for statuses and priorities.
    public var vocabulary = Vocabulary()
    /// A running agent whose heartbeat is older than this is stale (seconds).
    public var staleHeartbeatSeconds: Double = 600
    /// Live endpoints for the commands that read live state.
    public var natsURLs: [String] = []
    public var redisURL: String?
    public var timeoutSeconds: Double = 2
    /// A snapshot file to read live state from when no server is named.
    public var snapshot: String?
    /// The names of the live-state contract (docs/live-state.md).
    public var streamName = "AGENT_EVENTS"
    public var streamSubjects = ["agent.>"]
    public var tasksBucket = "AGENT_TASKS"
    public var statusBucket = "AGENT_STATUS"
    public var redisPrefix = "planc"
    public var replicas = 1
    /// Devlog entries: the sections each must have (none unless declared).
    public var devlogSections: [String] = []
    /// Devlog entries: the file-name pattern they are held to, when declared.
    public var devlogPattern: DevlogPattern?
    /// The sections `planc devlog new` writes when none are required.
    public static let devlogTemplateSections = ["Summary", "Changes", "Verification", "Next"]
    /// Drift that `diff` does not report (`task:<id>`, `agent:<slug>:status`...).
    public var diffIgnore: [String] = []
    /// The file the settings came from, if any.
    public var file: String?

    public init() {}

    public var parseOptions: ParseOptions { ParseOptions(hoursPerDay: hoursPerDay, vocabulary: vocabulary) }

    /// A rule's severity as configured, or nil when it is switched off.
    public func severity(of rule: RuleDescription) -> Severity? {
        switch rules[rule.code] {
        case .off?: return nil
        case .severity(let configured)?: return configured
        case nil: return rule.enabledByDefault ? rule.severity : nil
        }
    }
}
