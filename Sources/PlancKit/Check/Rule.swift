/// A check of a report. Each rule is one type: its description says what it
/// is (code, alias, default severity, documentation) and carries its own
/// examples, which a generic test runs, so no rule exists without proof.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: CheckContext) -> [Finding]
}

public enum RuleFamily: String, Sendable, CaseIterable {
    case structure, references, arithmetic, consistency, infrastructure, dates, encoding, devlog
}

public struct RuleDescription: Sendable {
    /// `PLAN012`.
    public var code: String
    /// `effort-mismatch`.
    public var alias: String
    public var family: RuleFamily
    public var severity: Severity
    /// One line.
    public var summary: String
    /// What it checks, why it matters, how to fix a finding.
    public var what: String
    public var why: String
    public var fix: String
    /// Whether findings come with a fix that `--fix` applies.
    public var fixable: Bool
    /// Whether the rule runs without configuration. Rules of convention
    /// (sections a team may not keep) run only where `.planc.yml` names them.
    public var enabledByDefault: Bool
    /// Reports that must not trigger the rule.
    public var passing: [String]
    /// Reports that must trigger it: `↓` marks where each finding starts.
    public var failing: [String]

    public init(code: String, alias: String, family: RuleFamily, severity: Severity, summary: String,
                what: String, why: String, fix: String, fixable: Bool = false, enabledByDefault: Bool = true,
                passing: [String], failing: [String]) {
        self.code = code
        self.alias = alias
        self.family = family
        self.severity = severity
        self.summary = summary
        self.what = what
        self.why = why
        self.fix = fix
        self.fixable = fixable
        self.enabledByDefault = enabledByDefault
        self.passing = passing
        self.failing = failing
    }

    /// The marker for expected finding positions in failing examples.
    public static let marker: Character = "↓"
}
