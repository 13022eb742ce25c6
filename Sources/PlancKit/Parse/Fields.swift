/// The key lines of a container (an agent, a phase, the footer) and the
/// blocks between them, in order.
enum FieldPart {
    /// A key line: from a paragraph line or a list item. `list` is the list
    /// that a key without a value owns.
    case key(KeyLine, continuation: [LineSlice], list: Int?, listDedent: Int, range: SourceRange)
    /// A block that holds no keys.
    case block(Int)
    /// Markdown that sat inside a key's list item or next to keys.
    case raw(RawMarkdown)
}

extension PlanParser {
    /// Reads a container's blocks into key lines and other blocks.
    ///
    /// A paragraph whose first line is a key holds one key per key line;
    /// its other lines continue the key above them. A list whose first item
    /// is a key holds one key per item. A key without a value that ends a
    /// paragraph owns the list after it (`**Progress:**` and its items).
    func fieldParts(_ items: [TopItem]) -> [FieldPart] {
        var parts: [FieldPart] = []
        var index = 0
        func nextList() -> Int? {
            guard index < items.count, case .node(let node) = items[index], tree[node].kind == .list
            else { return nil }
            return node
        }
        while index < items.count {
            let item = items[index]
            index += 1
            guard case .node(let block) = item else {
                parts.append(.raw(rawItem(item)))
                continue
            }
            switch tree[block].kind {
            case .paragraph:
                let lines = paragraphLines(block)
                guard let first = lines.first, source.keyLine(first) != nil else {
                    parts.append(.block(block))
                    continue
                }
                var keys: [(KeyLine, [LineSlice])] = []
                for line in lines {
                    if let key = source.keyLine(line) {
                        keys.append((key, []))
                    } else {
                        keys[keys.count - 1].1.append(line)
                    }
                }
                for (position, (key, continuation)) in keys.enumerated() {
                    var owned: Int?
                    let isLast = position == keys.count - 1
                    if isLast, key.value.isEmpty, continuation.isEmpty, let list = nextList() {
                        owned = list
                        index += 1
                    }
                    let end = continuation.last ?? key.whole
                    let range = source.range(ByteSpan(line: key.whole.line, start: key.whole.start,
                                                      endLine: end.line, end: end.end))
                    parts.append(.key(key, continuation: continuation, list: owned, listDedent: 0, range: range))
                }
            case .list:
                let entries = listEntries(block)
                guard let first = entries.first?.headline, source.keyLine(first) != nil else {
                    parts.append(.block(block))
                    continue
                }
                for entry in entries {
                    guard let headline = entry.headline, let key = source.keyLine(headline) else {
                        parts.append(.raw(raw([entry.node], dedent: Int(tree[entry.node].startColumn) - 1)))
                        continue
                    }
                    var children = entry.children
                    var owned: Int?
                    if key.value.isEmpty, entry.continuation.isEmpty, let child = children.first,
                       tree[child].kind == .list {
                        owned = child
                        children.removeFirst()
                    }
                    parts.append(.key(key, continuation: entry.continuation, list: owned,
                                      listDedent: entry.contentIndent, range: entry.range))
                    if !children.isEmpty {
                        parts.append(.raw(raw(children, dedent: entry.contentIndent)))
                    }
                }
            default:
                parts.append(.block(block))
            }
        }
        return parts
    }

    /// An unknown key, kept as written.
    func extraField(_ key: KeyLine, continuation: [LineSlice], list: Int?, listDedent: Int,
                    range: SourceRange) -> ExtraField {
        ExtraField(key: key.key, value: source.text(key.value), continuation: texts(continuation),
                   list: list.map { raw([$0], dedent: listDedent) }, range: range)
    }
}

extension PlanParser {
    /// Sorts a container's parts into its layout: `accept` takes a key it
    /// knows and returns the name it files it under, or nil to keep the key
    /// as an extra field. A known key seen twice is kept as an extra.
    func collectFields(
        _ parts: [FieldPart],
        accept: (KeyLine, [LineSlice], Int?, Int, SourceRange) -> String?
    ) -> (layout: [FieldSlot], extras: [ExtraField]) {
        var layout: [FieldSlot] = []
        var extras: [ExtraField] = []
        var seen = Set<String>()
        for part in parts {
            switch part {
            case .key(let key, let continuation, let list, let dedent, let range):
                if !seen.contains(key.normalisedKey),
                   let name = accept(key, continuation, list, dedent, range) {
                    seen.insert(key.normalisedKey)
                    layout.append(.known(name))
                } else {
                    extras.append(extraField(key, continuation: continuation, list: list,
                                             listDedent: dedent, range: range))
                    layout.append(.extra(extras.count - 1))
                }
            case .block(let node):
                layout.append(.raw(raw([node], dedent: 0)))
            case .raw(let markdown):
                layout.append(.raw(markdown))
            }
        }
        return (layout, extras)
    }
}
