/// The list a key owns: a whole list after a `**Key:**` line, or, in a list
/// of keys, the items without a key that follow a key without a value.
struct OwnedList {
    var list: Int
    /// The owned items, or nil for all of the list's items.
    var items: [Int]?
    /// Columns of indentation to take off when the list is kept as written.
    var dedent: Int
}

/// The key lines of a container (an agent, a phase, the footer) and the
/// blocks between them, in order.
enum FieldPart {
    /// A key line, from a paragraph line or a list item, with the lines that
    /// continue it and the list it owns.
    case key(KeyLine, continuation: [LineSlice], list: OwnedList?, range: SourceRange)
    /// A block that holds no keys.
    case block(Int)
    /// Markdown next to keys; for an item of a list of keys that holds no
    /// key, the item's node.
    case raw(RawMarkdown, item: Int? = nil)
    /// Markdown nested in a key's list item, after the key.
    case nested(RawMarkdown)
}

extension PlanParser {
    /// Reads a container's blocks into key lines and other blocks.
    ///
    /// The lines of a paragraph, or of a list item's first paragraph, that
    /// start with a key hold one key each; the other lines continue the key
    /// above them. A paragraph that does not start with a key, and a list
    /// whose first item does not, hold no keys. A key without a value owns
    /// the list that follows it: the next list after its paragraph, the list
    /// nested in its item, or the items without keys after its item.
    ///
    /// Keys in `plainKeys` are read without bold too (`Status: RUNNING`), and
    /// as headings inside the container (`#### Tasks` before a list).
    func fieldParts(_ items: [TopItem], plainKeys: Set<String> = []) -> [FieldPart] {
        func keyLine(_ slice: LineSlice) -> KeyLine? { source.keyLine(slice, plain: plainKeys) }
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
                guard let first = lines.first, keyLine(first) != nil else {
                    parts.append(.block(block))
                    continue
                }
                var keys = keyGroups(lines, plainKeys: plainKeys)
                if let last = keys.last, last.key.value.isEmpty, last.continuation.isEmpty, let list = nextList() {
                    keys[keys.count - 1].list = OwnedList(list: list, items: nil, dedent: 0)
                    index += 1
                }
                for group in keys {
                    parts.append(.key(group.key, continuation: group.continuation, list: group.list,
                                      range: keyRange(group.key, group.continuation)))
                }
            case .heading where !plainKeys.isEmpty:
                guard let key = source.headingKey(headingSlice(block), plain: plainKeys) else {
                    parts.append(.block(block))
                    continue
                }
                var list: OwnedList?
                if key.value.isEmpty, let next = nextList() {
                    list = OwnedList(list: next, items: nil, dedent: 0)
                    index += 1
                }
                parts.append(.key(key, continuation: [], list: list, range: blockRange(block)))
            case .list:
                var listParts = keyListParts(block, plainKeys: plainKeys)
                // A key without a value that ends the list owns the next
                // list, as it would at the end of a paragraph.
                if case .key(let key, let continuation, nil, let range)? = listParts.last,
                   key.value.isEmpty, continuation.isEmpty, let list = nextList() {
                    listParts[listParts.count - 1] = .key(key, continuation: continuation,
                                                          list: OwnedList(list: list, items: nil, dedent: 0),
                                                          range: range)
                    index += 1
                }
                parts += listParts
            default:
                parts.append(.block(block))
            }
        }
        return parts
    }

    /// Key lines among the lines that continue a list item's first line
    /// (`- Phase 1: Rollout` then `  Owner: Deploy Bot`).
    func continuationKeys(_ lines: [LineSlice], plainKeys: Set<String>) -> [FieldPart] {
        keyGroups(lines, plainKeys: plainKeys).map { group in
            .key(group.key, continuation: group.continuation, list: nil, range: source.range(group.key.whole))
        }
    }

    /// Key lines with the lines that continue each.
    private func keyGroups(_ lines: [LineSlice], plainKeys: Set<String>)
    -> [(key: KeyLine, continuation: [LineSlice], list: OwnedList?)] {
        var groups: [(key: KeyLine, continuation: [LineSlice], list: OwnedList?)] = []
        for line in lines {
            if let key = source.keyLine(line, plain: plainKeys) {
                groups.append((key, [], nil))
            } else if !groups.isEmpty {
                groups[groups.count - 1].continuation.append(line)
            }
        }
        return groups
    }

    private func keyRange(_ key: KeyLine, _ continuation: [LineSlice]) -> SourceRange {
        let end = continuation.last ?? key.whole
        return source.range(ByteSpan(line: key.whole.line, start: key.whole.start, endLine: end.line, end: end.end))
    }

    /// A list of `- **Key:** value` items.
    private func keyListParts(_ list: Int, plainKeys: Set<String>) -> [FieldPart] {
        func keyLine(_ slice: LineSlice) -> KeyLine? { source.keyLine(slice, plain: plainKeys) }
        let entries = listEntries(list)
        guard let first = entries.first?.headline, keyLine(first) != nil else { return [.block(list)] }
        var parts: [FieldPart] = []
        var position = 0
        while position < entries.count {
            let entry = entries[position]
            position += 1
            let itemDedent = Int(tree[entry.node].startColumn) - 1
            guard let headline = entry.headline, keyLine(headline) != nil else {
                parts.append(.raw(raw([entry.node], dedent: itemDedent), item: entry.node))
                continue
            }
            var keys = keyGroups([headline] + entry.continuation, plainKeys: plainKeys)
            var children = entry.children
            if let last = keys.last, last.key.value.isEmpty, last.continuation.isEmpty {
                if let child = children.first, tree[child].kind == .list {
                    keys[keys.count - 1].list = OwnedList(list: child, items: nil, dedent: entry.contentIndent)
                    children.removeFirst()
                } else if children.isEmpty {
                    // The items without keys that follow belong to this key.
                    var owned: [Int] = []
                    while position < entries.count,
                          entries[position].headline.map({ keyLine($0) == nil }) ?? true {
                        owned.append(entries[position].node)
                        position += 1
                    }
                    if !owned.isEmpty {
                        keys[keys.count - 1].list = OwnedList(list: list, items: owned, dedent: itemDedent)
                    }
                }
            }
            for (index, group) in keys.enumerated() {
                let range = index == 0 && keys.count == 1 ? entry.range : keyRange(group.key, group.continuation)
                parts.append(.key(group.key, continuation: group.continuation, list: group.list, range: range))
            }
            if !children.isEmpty {
                parts.append(.nested(raw(children, dedent: entry.contentIndent)))
            }
        }
        return parts
    }

    /// The entries of an owned list.
    func entries(_ owned: OwnedList) -> [ListEntry] {
        let all = listEntries(owned.list)
        guard let items = owned.items else { return all }
        let wanted = Set(items)
        return all.filter { wanted.contains($0.node) }
    }

    /// An unknown key, kept as written.
    func extraField(_ key: KeyLine, continuation: [LineSlice], list: OwnedList?, range: SourceRange) -> ExtraField {
        ExtraField(key: key.key, value: source.text(key.value), continuation: texts(continuation),
                   list: list.map { raw($0.items ?? [$0.list], dedent: $0.dedent) }, range: range)
    }
}

extension PlanParser {
    /// Sorts a container's parts into its layout: `accept` takes a key it
    /// knows and returns the name it files it under, or nil to keep the key
    /// as an extra field. A known key seen twice is kept as an extra.
    func collectFields(
        _ parts: [FieldPart],
        accept: (KeyLine, [LineSlice], OwnedList?) -> String?
    ) -> (layout: [FieldSlot], extras: [ExtraField]) {
        var written = WrittenForm()
        return collectFields(parts, written: &written, accept: accept)
    }

    /// The same, noting how the known keys were written (plain or bold, and
    /// their names). A second key for a field already read (a synonym:
    /// `Requires` after `Waiting for`) is kept as an unknown key.
    func collectFields(
        _ parts: [FieldPart],
        written: inout WrittenForm,
        accept: (KeyLine, [LineSlice], OwnedList?) -> String?
    ) -> (layout: [FieldSlot], extras: [ExtraField]) {
        var layout: [FieldSlot] = []
        var extras: [ExtraField] = []
        var seen = Set<String>()
        for part in parts {
            switch part {
            case .key(let key, let continuation, let list, let range):
                // A hard break counts only where a line follows in the paragraph.
                let hardBreak = continuation.isEmpty && list == nil ? source.hardBreak(after: key.whole) : ""
                if !seen.contains(key.normalisedKey), let name = accept(key, continuation, list) {
                    seen.insert(key.normalisedKey)
                    if key.plain { written.plainKeys[name] = key.key }
                    written.keyNames[name] = key.key
                    if !hardBreak.isEmpty { written.hardBreaks[name] = hardBreak }
                    layout.append(.known(name))
                } else {
                    var field = extraField(key, continuation: continuation, list: list, range: range)
                    field.hardBreak = hardBreak
                    extras.append(field)
                    layout.append(.extra(extras.count - 1))
                }
            case .block(let node):
                layout.append(.raw(raw([node], dedent: 0)))
            case .raw(let markdown, _):
                layout.append(.raw(markdown))
            case .nested(let markdown):
                layout.append(.nested(markdown))
            }
        }
        return (layout, extras)
    }
}
