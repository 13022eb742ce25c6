/// Markdown that planc keeps but does not interpret: a table, a paragraph of
/// prose, a whole unknown section. The text is dedented to the column of the
/// container it sat in (mojibake repaired) and indented again when rendered.
public struct RawMarkdown: Sendable, Hashable {
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A `**Key:** value` line with a key planc does not know. Kept in order and
/// rendered back as written, with the list it owns, if any.
public struct ExtraField: Sendable, Hashable {
    public var key: String
    public var value: String
    /// Further lines of the value (a paragraph's later lines that are not keys).
    public var continuation: [String]
    /// The list that follows a key without a value.
    public var list: RawMarkdown?
    public var range: SourceRange

    public init(key: String, value: String, continuation: [String] = [], list: RawMarkdown? = nil,
                range: SourceRange) {
        self.key = key
        self.value = value
        self.continuation = continuation
        self.list = list
        self.range = range
    }
}

/// A heading as written: its text (markers included), level and range.
public struct Heading: Sendable, Hashable {
    public var text: String
    public var level: Int
    /// A status marker or words at the end (`## Infrastructure Setup ✅`).
    public var status: StatusValue?
    public var range: SourceRange

    public init(text: String, level: Int, status: StatusValue? = nil, range: SourceRange) {
        self.text = text
        self.level = level
        self.status = status
        self.range = range
    }
}
