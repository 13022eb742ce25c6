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
    /// A hard line break after the value (`  ` or `\\`), as written.
    public var hardBreak: String = ""
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

/// How a node was written, for rendering it back the same way while its
/// values are those that were read.
///
/// A node in a shape planc does not write itself (a numbered heading, plain
/// keys, a table row) is rendered as written as long as its values are
/// unchanged: `fingerprint` is the node's hash when it was read, and a node
/// whose hash differs (a status that `sync` changed) is rendered in planc's
/// own layout. It takes no part in the node's equality or hash.
public struct WrittenForm: Sendable, Hashable {
    /// The node's markdown as written.
    public var verbatim: RawMarkdown?
    /// The node's hash when it was read.
    public var fingerprint: Int = 0
    /// Known keys written without bold, by field name: the key as written.
    public var plainKeys: [String: String] = [:]
    /// Known keys by field name, as written (`Depends on` for
    /// `dependencies`), so that a synonym comes back as the author wrote it.
    public var keyNames: [String: String] = [:]
    /// Hard line breaks after known keys' values (`  ` or `\\`), by field.
    public var hardBreaks: [String: String] = [:]

    public init() {}

    /// A known field's key line in the way it was written: plain or bold,
    /// with its own name; `canonical` for a field that was not written.
    public func keyLine(_ field: String, canonical: String, _ value: String) -> String {
        let line: String
        if let plain = plainKeys[field] {
            line = value.isEmpty ? plain + ":" : plain + ": " + value
        } else {
            line = MarkdownBlocks.keyLine(keyNames[field] ?? canonical, value)
        }
        return line + (hardBreaks[field] ?? "")
    }

    public static func == (lhs: WrittenForm, rhs: WrittenForm) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    /// The verbatim text, if the node still hashes as it did when read.
    public func verbatim<Node: Hashable>(for node: Node) -> RawMarkdown? {
        guard let verbatim, node.hashValue == fingerprint else { return nil }
        return verbatim
    }
}

/// The marker of a list item as written: a bullet (`-`, `*`, `+`) or an
/// ordered item's delimiter (`.`, `)`), so that a list comes back as the
/// kind of list it was.
public struct ListMarker: Sendable, Hashable {
    /// The bullet, or nil for an ordered item.
    public var bullet: Character?
    public var delimiter: Character

    public static let ordered = ListMarker(bullet: nil, delimiter: ".")
    public static let dash = ListMarker(bullet: "-", delimiter: ".")

    public init(bullet: Character?, delimiter: Character) {
        self.bullet = bullet
        self.delimiter = delimiter
    }

    /// `- `, or `3. ` for item number 3.
    public func text(number: Int) -> String {
        if let bullet { return String(bullet) + " " }
        return "\(number)\(delimiter) "
    }
}
