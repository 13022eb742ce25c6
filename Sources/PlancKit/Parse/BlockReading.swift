/// One item of a list, read generically: its number, its box, the first
/// line of its first paragraph (the headline), the paragraph's later lines
/// and the blocks after it.
struct ListEntry {
    var node: Int
    var number: Int
    /// The marker as written.
    var marker: ListMarker = .ordered
    var taskState: BlockTree.TaskState
    var headline: LineSlice?
    var continuation: [LineSlice]
    var children: [Int]
    /// Columns of indentation that the item's content has.
    var contentIndent: Int
    var range: SourceRange
}

extension PlanParser {
    /// The lines of a paragraph, trimmed: the first from where cmark says
    /// the paragraph starts, the others from their first non-blank byte.
    func paragraphLines(_ index: Int) -> [LineSlice] {
        let node = tree[index]
        let first = Int(node.startLine)
        let last = tree.lastLine(of: index)
        guard first <= last else { return [] }
        var lines: [LineSlice] = []
        lines.reserveCapacity(last - first + 1)
        for line in first...last {
            let start = line == first ? Int(node.startColumn) - 1 : source.firstNonBlank(line: line)
            var slice = source.trimmed(LineSlice(line: line, start: max(start, 0), end: source.lineLength(line)))
            // A trailing backslash is a hard line break, not text.
            if line < last, source.at(slice, slice.end - 1) == 0x5C {
                slice = source.trimmed(slice.upTo(slice.end - 1))
            }
            lines.append(slice)
        }
        return lines
    }

    /// The text of a heading: after the `#`s and without a closing run of
    /// them; for a setext heading, its first line.
    func headingSlice(_ index: Int) -> LineSlice {
        let node = tree[index]
        let line = Int(node.startLine)
        var slice = source.trimmed(LineSlice(line: line, start: Int(node.startColumn) - 1,
                                             end: source.lineLength(line)))
        guard source.at(slice, slice.start) == 0x23 else { return slice }  // setext
        var start = slice.start
        while source.at(slice, start) == 0x23 { start += 1 }
        slice = source.trimmed(slice.from(start))
        var end = slice.end
        while end > slice.start, source.at(slice, end - 1) == 0x23 { end -= 1 }
        if end == slice.start || source.at(slice, end - 1) == 0x20 || source.at(slice, end - 1) == 0x09 {
            slice = source.trimmed(slice.upTo(end))
        }
        return slice
    }

    func level(_ index: Int) -> Int { Int(tree[index].level) }

    /// The range of a block's own lines.
    func blockRange(_ index: Int) -> SourceRange {
        let node = tree[index]
        let last = tree.lastLine(of: index)
        return source.range(ByteSpan(line: Int(node.startLine), start: max(Int(node.startColumn) - 1, 0),
                                     endLine: last, end: source.lineLength(last)))
    }

    /// Blocks kept as written. At the top level (`dedent` 0) whole lines are
    /// copied; inside a list item the item's indentation is taken off.
    func raw(_ nodes: [Int], dedent: Int) -> RawMarkdown {
        guard let firstNode = nodes.first, let lastNode = nodes.last else {
            return RawMarkdown(text: "", range: plan.range)
        }
        let first = Int(tree[firstNode].startLine)
        // The first line is cut where the block starts when it shares the
        // line with an item's marker; otherwise it is dedented like the rest.
        let blockStart = max(Int(tree[firstNode].startColumn) - 1, 0)
        let firstColumn = dedent == 0 ? 0
            : source.firstNonBlank(line: first) >= blockStart ? dedentOffset(line: first, columns: dedent) : blockStart
        var last = max(tree.lastLine(of: lastNode), first)
        while last > first && source.isBlank(last) { last -= 1 }
        var lines: [String] = []
        for line in first...last {
            if line == first {
                lines.append(source.text(line: line, from: firstColumn))
            } else {
                lines.append(source.text(line: line, from: dedentOffset(line: line, columns: dedent)))
            }
        }
        let range = source.range(ByteSpan(line: first, start: firstColumn, endLine: last,
                                          end: source.lineLength(last)))
        return RawMarkdown(text: lines.joined(separator: "\n"), range: range)
    }

    /// Whole lines kept as written (text no block covers, such as link
    /// reference definitions).
    func rawLines(_ first: Int, _ last: Int) -> RawMarkdown {
        let lines = (first...last).map { source.text(line: $0) }
        return RawMarkdown(text: lines.joined(separator: "\n"), range: source.range(lines: first, through: last))
    }

    /// The byte offset after up to `columns` columns of leading whitespace.
    func dedentOffset(line: Int, columns: Int) -> Int {
        var offset = 0
        var column = 0
        while column < columns, let byte = source.byte(line: line, at: offset) {
            if byte == 0x20 { column += 1 } else if byte == 0x09 {
                let next = column + DisplayWidth.tabStop - column % DisplayWidth.tabStop
                if next > columns { break }
                column = next
            } else { break }
            offset += 1
        }
        return offset
    }

    /// The items of a list, read generically.
    func listEntries(_ list: Int) -> [ListEntry] {
        let listNode = tree[list]
        let ordered = listNode.isOrderedList
        var number = ordered ? Int(listNode.start) : 1
        var entries: [ListEntry] = []
        for item in tree.children(of: list) {
            var children = tree.children(of: item)
            var headline: LineSlice?
            var continuation: [LineSlice] = []
            if let first = children.first, tree[first].kind == .paragraph,
               tree[first].startLine == tree[item].startLine {
                let lines = paragraphLines(first)
                headline = lines.first
                continuation = Array(lines.dropFirst())
                children.removeFirst()
            }
            entries.append(ListEntry(node: item, number: number, marker: marker(of: item), taskState: tree[item].taskState,
                                     headline: headline, continuation: continuation, children: children,
                                     contentIndent: contentIndent(of: item), range: blockRange(item)))
            number += 1
        }
        return entries
    }

    /// An item's marker, read at its first byte.
    func marker(of item: Int) -> ListMarker {
        let line = Int(tree[item].startLine)
        var offset = Int(tree[item].startColumn) - 1
        guard let first = source.byte(line: line, at: offset) else { return .ordered }
        if first == 0x2D || first == 0x2A || first == 0x2B { return ListMarker(bullet: Character(Unicode.Scalar(first)), delimiter: ".") }
        while let byte = source.byte(line: line, at: offset), byte >= 0x30 && byte <= 0x39 { offset += 1 }
        return source.byte(line: line, at: offset) == 0x29 ? ListMarker(bullet: nil, delimiter: ")") : .ordered
    }

    /// The column where an item's content starts: after the marker and the
    /// one to four spaces that follow it (CommonMark's rule).
    func contentIndent(of item: Int) -> Int {
        let node = tree[item]
        let line = Int(node.startLine)
        var offset = Int(node.startColumn) - 1
        var column = source.displayColumn(line: line, byteOffset: offset) - 1
        guard let marker = source.byte(line: line, at: offset) else { return column + 2 }
        if marker == 0x2D || marker == 0x2A || marker == 0x2B {
            offset += 1
            column += 1
        } else {
            while let byte = source.byte(line: line, at: offset), byte >= 0x30 && byte <= 0x39 {
                offset += 1
                column += 1
            }
            offset += 1  // `.` or `)`
            column += 1
        }
        var spaces = 0
        while let byte = source.byte(line: line, at: offset + spaces), byte == 0x20, spaces < 5 { spaces += 1 }
        let blankAfterMarker = offset + spaces >= source.lineLength(line)
        if spaces == 0 || spaces == 5 || blankAfterMarker { spaces = 1 }
        return column + spaces
    }

    /// The text of several line slices (continuation lines).
    func texts(_ slices: [LineSlice]) -> [String] { slices.map { source.text($0) } }

    /// The blocks nested in an item, kept as one piece of markdown.
    func rawChildren(_ entry: ListEntry) -> RawMarkdown? {
        entry.children.isEmpty ? nil : raw(entry.children, dedent: entry.contentIndent)
    }

    /// The range of a key line from its key to the end of its value.
    func keyRange(_ key: KeyLine) -> SourceRange { source.range(key.whole) }
}
