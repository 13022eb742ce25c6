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

    /// The last line that holds the block's own text. cmark reports some
    /// blocks (the last item of a list) as ending at column 0 of the line
    /// after them; that line is not theirs.
    public func lastLine(of index: Int) -> Int {
        let node = nodes[index]
        let end = Int(node.endLine)
        return node.endColumn == 0 && end > Int(node.startLine) ? end - 1 : end
    }
}
