/// How much a finding matters. Errors fail `planc check`; warnings fail it
/// with `--strict`; notes never do.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: return 2
        case .warning: return 1
        case .note: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One replacement in a file, by byte offsets (exact whatever the
/// characters), with the display range for people.
public struct TextEdit: Sendable, Hashable {
    /// Byte offset into the file and byte count replaced.
    public var offset: Int
    public var length: Int
    public var replacement: String
    public var range: SourceRange

    public init(offset: Int, length: Int, replacement: String, range: SourceRange) {
        self.offset = offset
        self.length = length
        self.replacement = replacement
        self.range = range
    }
}

/// A change that resolves a finding without changing what the report says.
public struct Fix: Sendable, Hashable {
    public var description: String
    public var edits: [TextEdit]

    public init(description: String, edits: [TextEdit]) {
        self.description = description
        self.edits = edits
    }
}

/// What a rule found: where, what, how to mend it.
public struct Finding: Sendable, Hashable {
    public var range: SourceRange
    public var message: String
    public var help: String?
    public var fix: Fix?
    /// Other places that explain the finding (`first defined here`).
    public var related: [RelatedLocation]

    public init(range: SourceRange, message: String, help: String? = nil, fix: Fix? = nil,
                related: [RelatedLocation] = []) {
        self.range = range
        self.message = message
        self.help = help
        self.fix = fix
        self.related = related
    }
}

public struct RelatedLocation: Sendable, Hashable {
    public var range: SourceRange
    public var message: String
    /// The file, when not the diagnostic's own (a plan, for a devlog entry).
    public var file: String?

    public init(range: SourceRange, message: String, file: String? = nil) {
        self.range = range
        self.message = message
        self.file = file
    }
}

/// A finding as reported: with its rule, severity and file.
public struct Diagnostic: Sendable, Hashable {
    public var code: String
    public var rule: String
    public var severity: Severity
    public var message: String
    public var file: String
    public var range: SourceRange
    public var help: String?
    public var fix: Fix?
    public var related: [RelatedLocation]

    public init(code: String, rule: String, severity: Severity, file: String, finding: Finding) {
        self.code = code
        self.rule = rule
        self.severity = severity
        self.message = finding.message
        self.file = file
        self.range = finding.range
        self.help = finding.help
        self.fix = finding.fix
        self.related = finding.related
    }
}

/// The range at the very start of a file, for findings about something
/// that is missing.
extension SourceRange {
    public static let startOfFile = SourceRange(line: 1, column: 1, endLine: 1, endColumn: 1)
}
