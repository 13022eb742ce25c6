/// A span of the source file as a reader sees it: 1-based lines, and columns
/// counted in display cells (a wide emoji takes two), so that carets printed
/// under a line land on the right characters. `endColumn` is exclusive.
public struct SourceRange: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// A range that covers both ranges and everything between them.
    public func union(_ other: SourceRange) -> SourceRange {
        let start = self < other ? self : other
        let endsLater = (other.endLine, other.endColumn) > (endLine, endColumn)
        let end = endsLater ? other : self
        return SourceRange(line: start.line, column: start.column,
                           endLine: end.endLine, endColumn: end.endColumn)
    }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.line, lhs.column, lhs.endLine, lhs.endColumn)
            < (rhs.line, rhs.column, rhs.endLine, rhs.endColumn)
    }
}

/// A position in the source as byte offsets: the currency of the parser,
/// turned into a `SourceRange` (display columns) only at the edges.
public struct ByteSpan: Hashable, Sendable {
    /// 1-based line numbers; the columns are 0-based byte offsets within the
    /// line, `end` exclusive.
    public var line: Int
    public var start: Int
    public var endLine: Int
    public var end: Int

    public init(line: Int, start: Int, endLine: Int, end: Int) {
        self.line = line
        self.start = start
        self.endLine = endLine
        self.end = end
    }

    public init(line: Int, start: Int, end: Int) {
        self.init(line: line, start: start, endLine: line, end: end)
    }
}
