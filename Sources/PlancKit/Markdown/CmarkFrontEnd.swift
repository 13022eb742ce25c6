import CCmarkGFM

#if canImport(Glibc)
import Glibc
#endif

/// The one place that talks to libcmark-gfm. It parses bytes with the GFM
/// extensions planc relies on, copies the block structure into a `BlockTree`
/// and frees every cmark object before returning; no C pointer leaves here.
public enum CmarkFrontEnd {
    /// Registers the core extensions exactly once per process;
    /// `cmark_find_syntax_extension` finds nothing before that.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// The block extensions: planc reads no inline from cmark, so the
    /// inline ones (strikethrough, autolink) would only slow it down.
    private static let extensionNames = ["table", "tasklist"]

    public static func parse(_ bytes: [UInt8]) -> BlockTree {
        precondition(extensionsRegistered)
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            fatalError("cmark_parser_new failed: out of memory")
        }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let document = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let document else { fatalError("cmark_parser_finish failed: out of memory") }

        var tree = BlockTree()
        tree.append(node(document, kind: .document))
        // Convert the document one top-level block at a time and free each
        // block as soon as it is copied, so cmark's tree (about 30 times the
        // input) shrinks while ours grows.
        var previous: Int? = nil
        while let child = cmark_node_first_child(document) {
            let index = convert(child, into: &tree)
            tree.link(child: index, to: BlockTree.root, after: previous)
            previous = index
            cmark_node_free(child)
        }
        cmark_node_free(document)
        return tree
    }

    /// Copies a block and its block descendants, iteratively (nesting depth
    /// is unbounded in markdown). Returns the index of the copy.
    private static func convert(_ top: OpaquePointer, into tree: inout BlockTree) -> Int {
        let topIndex = tree.append(node(top, kind: kind(of: top)))
        // Each stack entry: a cmark node whose children are still to copy,
        // its index in the tree, and the index of the last child copied.
        var stack: [(cmark: OpaquePointer, index: Int, lastChild: Int?, next: OpaquePointer?)] = []
        if descends(into: tree[topIndex].kind) {
            stack.append((top, topIndex, nil, cmark_node_first_child(top)))
        }
        while !stack.isEmpty {
            guard let child = stack[stack.count - 1].next else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next = cmark_node_next(child)
            let childKind = kind(of: child)
            let childIndex = tree.append(node(child, kind: childKind))
            tree.link(child: childIndex, to: stack[stack.count - 1].index,
                      after: stack[stack.count - 1].lastChild)
            stack[stack.count - 1].lastChild = childIndex
            if descends(into: childKind) {
                stack.append((child, childIndex, nil, cmark_node_first_child(child)))
            }
        }
        return topIndex
    }

    /// Blocks whose children are blocks. Paragraphs and headings hold
    /// inlines, tables hold rows: the parser reads those from the source.
    private static func descends(into kind: BlockTree.Kind) -> Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .footnoteDefinition: return true
        default: return false
        }
    }

    private static func node(_ cmark: OpaquePointer, kind: BlockTree.Kind) -> BlockTree.Node {
        var node = BlockTree.Node(
            kind: kind,
            startLine: cmark_node_get_start_line(cmark),
            startColumn: cmark_node_get_start_column(cmark),
            endLine: cmark_node_get_end_line(cmark),
            endColumn: cmark_node_get_end_column(cmark))
        switch kind {
        case .heading:
            node.level = UInt8(clamping: cmark_node_get_heading_level(cmark))
        case .list:
            node.level = cmark_node_get_list_type(cmark) == CMARK_ORDERED_LIST ? 1 : 0
            node.start = cmark_node_get_list_start(cmark)
            node.tight = cmark_node_get_list_tight(cmark) != 0
        case .item:
            // Compared in C: this runs for every list item of the report.
            if let name = cmark_node_get_type_string(cmark), strcmp(name, "tasklist") == 0 {
                node.taskState = cmark_gfm_extensions_get_tasklist_item_checked(cmark) ? .checked : .unchecked
            }
        default:
            break
        }
        return node
    }

    private static func typeName(_ cmark: OpaquePointer) -> String {
        guard let name = cmark_node_get_type_string(cmark) else { return "" }
        return String(cString: name)
    }

    private static func kind(of cmark: OpaquePointer) -> BlockTree.Kind {
        switch cmark_node_get_type(cmark) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        default:
            // Extension blocks are told apart by name: their type values
            // are mutable C globals, which Swift 6 will not read.
            switch typeName(cmark) {
            case "table": return .table
            case "tasklist": return .item
            default: return .other
            }
        }
    }
}
