/// The block structure of a markdown document, as cmark-gfm parsed it.
///
/// Nodes live in one flat array and point at each other by index, which
/// keeps a 17 MB report's tree small and lets any depth of nesting be walked
/// and freed without recursion. Inline content is not kept: the parser reads
/// it from the source lines, whose positions are exact, while cmark's inline
/// positions are not.
public struct BlockTree: Sendable {
    public enum Kind: UInt8, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph,
             heading, thematicBreak, table, footnoteDefinition, other
    }

    public enum TaskState: UInt8, Sendable {
        case none, unchecked, checked
    }

    public struct Node: Sendable {
        public var kind: Kind
        /// Heading level, or for lists 1 when ordered.
        public var level: UInt8 = 0
        public var taskState: TaskState = .none
        public var tight: Bool = false
        /// An ordered list's first number.
        public var start: Int32 = 0
        /// 1-based line and byte column, as cmark reports them.
        public var startLine: Int32
        public var startColumn: Int32
        public var endLine: Int32
        public var endColumn: Int32
        public var firstChild: Int32 = -1
        public var nextSibling: Int32 = -1
        public var parent: Int32 = -1

        public init(kind: Kind, startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32) {
            self.kind = kind
            self.startLine = startLine
            self.startColumn = startColumn
            self.endLine = endLine
            self.endColumn = endColumn
        }

        public var isOrderedList: Bool { kind == .list && level == 1 }
    }

    public private(set) var nodes: [Node] = []

    public init() {}

    public static let root = 0

    public subscript(index: Int) -> Node { nodes[index] }

    /// Appends a node and returns its index.
    @discardableResult
    public mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    mutating func link(child: Int, to parent: Int, after previous: Int?) {
        nodes[child].parent = Int32(parent)
        if let previous {
            nodes[previous].nextSibling = Int32(child)
        } else {
            nodes[parent].firstChild = Int32(child)
        }
    }

    /// The children of a node, in order.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = Int(nodes[index].firstChild)
        while child >= 0 {
            result.append(child)
            child = Int(nodes[child].nextSibling)
        }
        return result
    }

    /// The last line that holds the block's own text.
    public func lastLine(of index: Int) -> Int { Int(nodes[index].endLine) }

    /// Mends the positions cmark gets wrong, so that every block covers
    /// its own lines and no sibling's:
    /// - the last item of a list "ends at column 0 of the next line";
    /// - an HTML block can end before it starts, a setext heading after the
    ///   block that follows it;
    /// - a table that takes the last line of a paragraph as its header starts
    ///   at the paragraph's first line, and the paragraph has no position.
    /// A block without a trustworthy end ends where its next sibling (or its
    /// parent) does, without the blank lines between. Parents are stored
    /// before their children, so a parent is mended before its children.
    public mutating func mendPositions(_ source: SourceText) {
        guard !nodes.isEmpty else { return }
        nodes[0].startLine = 1
        nodes[0].endLine = Int32(max(source.lineCount, 1))
        for parent in 0..<nodes.count where nodes[parent].firstChild >= 0 {
            let children = self.children(of: parent)
            for (position, child) in children.enumerated() {
                let previous = position > 0 ? children[position - 1] : nil
                let next = position + 1 < children.count ? children[position + 1] : nil
                if nodes[child].kind == .table { mendTable(child, previous: previous, source) }
                if nodes[child].startLine <= 0 {
                    var start = previous.map { Int(nodes[$0].endLine) + 1 } ?? Int(nodes[parent].startLine)
                    while start < source.lineCount && source.isBlank(start) { start += 1 }
                    nodes[child].startLine = Int32(start)
                    nodes[child].startColumn = Int32(source.firstNonBlank(line: start) + 1)
                }
                let node = nodes[child]
                let overlapsNext = next.map { node.endLine >= nodes[$0].startLine && nodes[$0].startLine > 0 } ?? false
                let outlivesParent = node.endLine > nodes[parent].endLine
                guard node.endColumn == 0 || node.endLine < node.startLine || overlapsNext || outlivesParent
                else { continue }
                var end = next.map { Int(nodes[$0].startLine) - 1 } ?? Int(nodes[parent].endLine)
                end = min(end, Int(nodes[parent].endLine))
                if !overlapsNext && !outlivesParent { end = min(end, max(Int(node.endLine), Int(node.startLine))) }
                while end > Int(node.startLine) && source.isBlank(end) { end -= 1 }
                nodes[child].endLine = Int32(max(end, Int(node.startLine)))
                nodes[child].endColumn = Int32.max
            }
        }
    }

    /// A table starts at the line above its delimiter row (`| --- |`).
    private mutating func mendTable(_ table: Int, previous: Int?, _ source: SourceText) {
        let start = Int(nodes[table].startLine)
        let end = max(Int(nodes[table].endLine), start)
        guard start > 0, let delimiter = (start...end).first(where: { isDelimiterRow($0, source) }),
              delimiter - 1 > start else { return }
        let header = delimiter - 1
        if let previous, nodes[previous].startLine <= 0 || nodes[previous].endLine >= Int32(header) {
            if nodes[previous].startLine <= 0 {
                nodes[previous].startLine = Int32(start)
                nodes[previous].startColumn = Int32(source.firstNonBlank(line: start) + 1)
            }
            nodes[previous].endLine = Int32(header - 1)
            nodes[previous].endColumn = Int32.max
        }
        nodes[table].startLine = Int32(header)
        nodes[table].startColumn = Int32(source.firstNonBlank(line: header) + 1)
    }

    /// `| --- | :-: |`: pipes, dashes, colons and spaces, with a dash.
    private func isDelimiterRow(_ line: Int, _ source: SourceText) -> Bool {
        let range = source.lineRange(line)
        var sawDash = false
        for index in range {
            switch source.bytes[index] {
            case UInt8(ascii: "-"): sawDash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            default: return false
            }
        }
        return sawDash
    }
}
