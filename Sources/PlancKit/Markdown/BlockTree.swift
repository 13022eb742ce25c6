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

    /// Mends the end positions cmark gets wrong: the last item of a list
    /// ends at "column 0 of the next line", an HTML block can end before it
    /// starts. Such a block ends where the next block (or its parent) begins,
    /// without the blank lines in between. Nodes are stored parents first,
    /// so a parent's end is mended before its children need it.
    public mutating func mendEnds(lineCount: Int, isBlank: (Int) -> Bool) {
        guard !nodes.isEmpty else { return }
        nodes[0].endLine = Int32(max(lineCount, 1))
        for index in 1..<nodes.count {
            let node = nodes[index]
            guard node.endColumn == 0 || node.endLine < node.startLine else { continue }
            var end: Int
            if node.nextSibling >= 0 {
                end = Int(nodes[Int(node.nextSibling)].startLine) - 1
            } else {
                end = Int(nodes[max(Int(node.parent), 0)].endLine)
            }
            end = min(end, max(Int(node.endLine), Int(node.startLine)))
            while end > Int(node.startLine) && isBlank(end) { end -= 1 }
            nodes[index].endLine = Int32(max(end, Int(node.startLine)))
            nodes[index].endColumn = Int32.max
        }
    }
}
