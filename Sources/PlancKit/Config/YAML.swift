import CYAML

/// A YAML node, as `.planc.yml` and devlog front matter need it: scalars
/// keep their text, mappings their order, every node its line (1-based).
public indirect enum YAMLNode: Sendable {
    case scalar(String, plain: Bool, line: Int)
    case sequence([YAMLNode], line: Int)
    case mapping([(key: YAMLNode, value: YAMLNode)], line: Int)

    public var line: Int {
        switch self {
        case .scalar(_, _, let line), .sequence(_, let line), .mapping(_, let line): return line
        }
    }

    /// A scalar's text, whatever it looks like (`90`, `off`, `2s`).
    public var string: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    public var int: Int? { string.flatMap { Int($0.trimmingSpaces()) } }

    public var float: Double? { string.flatMap { Double($0.trimmingSpaces()) } }

    /// YAML 1.1 booleans, for unquoted scalars only.
    public var bool: Bool? {
        guard case .scalar(let text, true, _) = self else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on", "y": return true
        case "false", "no", "off", "n": return false
        default: return nil
        }
    }
}

/// Why text is not YAML, with the line libyaml points at (1-based).
public struct YAMLError: Error, Sendable {
    public let line: Int
    public let problem: String
}

/// Builds nodes from libyaml's parser events. The only file that calls
/// libyaml. Only the first document is read; aliases are resolved; nesting
/// deeper than `maxDepth` is refused rather than risking the stack when the
/// nodes are freed.
public enum YAML {
    public static let maxDepth = 256

    public static func compose(_ text: String) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLError(line: 1, problem: "out of memory") }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(YAMLError) -> YAMLNode? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return try compose(with: &parser)
        }
    }

    /// Collections being built, innermost last.
    private enum Open {
        case sequence([YAMLNode], line: Int, anchor: String?)
        case mapping([(key: YAMLNode, value: YAMLNode)], pendingKey: YAMLNode?, line: Int, anchor: String?)
    }

    private static func compose(with parser: inout yaml_parser_t) throws(YAMLError) -> YAMLNode? {
        var stack: [Open] = []
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?

        func add(_ node: YAMLNode) {
            guard let last = stack.popLast() else { root = node; return }
            switch last {
            case .sequence(var items, let line, let anchor):
                items.append(node)
                stack.append(.sequence(items, line: line, anchor: anchor))
            case .mapping(var pairs, let key, let line, let anchor):
                if let key {
                    pairs.append((key, node))
                    stack.append(.mapping(pairs, pendingKey: nil, line: line, anchor: anchor))
                } else {
                    stack.append(.mapping(pairs, pendingKey: node, line: line, anchor: anchor))
                }
            }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
                throw YAMLError(line: Int(parser.problem_mark.line) + 1, problem: problem)
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
                let node = YAMLNode.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, line: line)
                if let anchor = scalar.anchor { anchors[String(cString: anchor)] = node }
                add(node)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < maxDepth else {
                    throw YAMLError(line: line, problem: "nested more than \(maxDepth) levels deep")
                }
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let anchorPointer = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                let anchor = anchorPointer.map { String(cString: $0) }
                stack.append(isSequence ? .sequence([], line: line, anchor: anchor)
                                        : .mapping([], pendingKey: nil, line: line, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let last = stack.popLast() else { break }
                let node: YAMLNode
                let anchor: String?
                switch last {
                case .sequence(let items, let start, let name):
                    node = .sequence(items, line: start)
                    anchor = name
                case .mapping(let pairs, _, let start, let name):
                    node = .mapping(pairs, line: start)
                    anchor = name
                }
                if let anchor { anchors[anchor] = node }
                add(node)
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let node = anchors[name] else {
                    throw YAMLError(line: line, problem: "`*\(name)` names no anchor")
                }
                add(node)
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                return root
            default:
                break
            }
        }
    }
}
