/// A GFM table read from its source lines: the header's names and, for each
/// row, its cells as slices of the line.
struct TableRows {
    /// Header cells, lower case, markers and emphasis taken off.
    var header: [String]
    var rows: [(line: Int, cells: [LineSlice])]

    /// The column whose header is one of `names` (first match wins by the
    /// order of `names`).
    func column(_ names: [String]) -> Int? {
        for name in names {
            if let index = header.firstIndex(of: name) { return index }
        }
        return nil
    }
}

extension PlanParser {
    /// The rows of a table block: the line above the delimiter row is the
    /// header, the lines after it the rows.
    func tableRows(_ node: Int) -> TableRows? {
        let first = Int(tree[node].startLine)
        let last = tree.lastLine(of: node)
        guard first < last else { return nil }
        let header = cells(source.slice(line: first)).map { cell in
            source.text(cell).lowercased().split { !($0.isLetter || $0.isNumber || $0 == "%") }.joined(separator: " ")
        }
        var rows: [(Int, [LineSlice])] = []
        if first + 2 <= last {
            for line in (first + 2)...last where !source.isBlank(line) {
                rows.append((line, cells(source.slice(line: line))))
            }
        }
        return TableRows(header: header, rows: rows)
    }

    /// The cells of a table line, trimmed: split at `|` outside code spans
    /// and escapes, without the outer pipes.
    func cells(_ whole: LineSlice) -> [LineSlice] {
        let slice = source.trimmed(whole)
        let code = source.codeSpans(in: slice).map(\.outer)
        var cells: [LineSlice] = []
        var start = slice.start
        var offset = slice.start
        if source.at(slice, offset) == 0x7C {
            offset += 1
            start = offset
        }
        while offset < slice.end {
            if let span = code.first(where: { $0.start == offset }) {
                offset = span.end
                continue
            }
            let byte = source.at(slice, offset)
            if byte == 0x5C {
                offset += 2
                continue
            }
            if byte == 0x7C {
                cells.append(source.trimmed(LineSlice(line: slice.line, start: start, end: offset)))
                start = offset + 1
            }
            offset += 1
        }
        if start < slice.end { cells.append(source.trimmed(LineSlice(line: slice.line, start: start, end: slice.end))) }
        return cells
    }

    /// A cell's content without surrounding bold: `**Search**` is `Search`.
    func unbolded(_ cell: LineSlice) -> LineSlice {
        guard source.find("**", in: cell) == cell.start, cell.end - cell.start > 4,
              source.at(cell, cell.end - 1) == 0x2A, source.at(cell, cell.end - 2) == 0x2A else { return cell }
        return source.trimmed(LineSlice(line: cell.line, start: cell.start + 2, end: cell.end - 2))
    }
}
