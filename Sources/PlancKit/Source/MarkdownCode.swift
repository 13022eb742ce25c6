/// Finds the code in a markdown file from its bytes, before cmark parses it:
/// mojibake inside code is left as written, so the line index needs to know
/// which lines are code and where a line's code spans are.
///
/// `CodeBlockScanner` follows the CommonMark block rules as cmark-gfm
/// applies them, as far as code needs: block quotes and list items (the
/// containers a code block can sit in, with lazy continuation lines);
/// fenced code blocks (up to three spaces of indentation, three or more
/// backticks or tildes, closed by a fence of the same character at least as
/// long, or else by the end of the file or of their container); indented
/// code blocks (four columns past their container, where no paragraph goes
/// on); and what decides whether a paragraph goes on: headings, thematic
/// breaks, setext underlines (not under link reference definitions), HTML
/// blocks and GFM tables, in cmark-gfm 0.29's reading (`<textarea>` is
/// not yet a raw HTML tag, `<!` takes an upper-case letter). Each line
/// costs a look at its first bytes. The tests compare the scanner with
/// cmark-gfm on generated documents.
struct CodeBlockScanner {
    private enum Container {
        case quote
        /// A list item: how far its content is indented past the container
        /// it sits in, and whether it holds nothing yet (an item that starts
        /// with a blank line ends at a second one).
        case item(indent: Int, empty: Bool)
    }

    private struct Fence {
        var marker: UInt8
        var length: Int
    }

    /// A position on a line: byte offset and column, tabs advancing to the
    /// next multiple of four.
    private struct Cursor {
        var offset: Int
        var column: Int
    }

    /// The open containers, outermost first: the first `depth` entries.
    private var containers: [Container] = []
    private var depth = 0
    private var fence: Fence?
    private var indentedCode = false
    /// Whether the last line began or continued a paragraph, which an
    /// indented line continues instead of starting code.
    private var paragraph = false
    /// The paragraph's last line and where its text starts: a table's
    /// header row when the next line is a delimiter row with as many cells.
    private var paragraphLine: (line: UnsafeBufferPointer<UInt8>, start: Int)?
    /// Whether every line of the paragraph is a link reference definition:
    /// such a paragraph does not become a setext heading, the underline
    /// is more of its text.
    private var references = false
    /// Whether the last line was `[label]:` alone, its destination to come.
    private var destinationPending = false
    /// Whether the last line was a table row; indented lines after a table
    /// are code.
    private var table = false
    /// An open HTML block: up to a line holding one of the end markers, or
    /// up to a blank line when there are none.
    private var html: [[UInt8]]?

    init() {}

    /// Whether the next line of the file is code: a line of a fenced code
    /// block (its fences included) or of an indented code block. The lines
    /// given must stay valid while the scanner is used (slices of one
    /// file's bytes).
    mutating func isCode(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = Cursor(offset: 0, column: 0)
        // The column indentation is measured from: a tab can stand partly
        // for a container's indentation and partly for the content's.
        var base = 0
        var matched = 0
        matching: while matched < depth {
            let next = Self.nonBlank(line, from: cursor)
            let blank = next.offset == line.count
            switch containers[matched] {
            case .quote:
                guard !blank, next.column - base <= 3, line[next.offset] == UInt8(ascii: ">") else { break matching }
                cursor = Cursor(offset: next.offset + 1, column: next.column + 1)
                base = Self.afterQuoteMarker(line, &cursor)
            case .item(let width, let empty):
                if next.column - base >= width {
                    cursor = Self.advance(line, from: cursor, to: base + width)
                    base += width
                } else {
                    // A blank line stays in an item, unless the item began
                    // with one and holds nothing yet.
                    guard blank && !empty else { break matching }
                }
            }
            matched += 1
        }
        let allMatched = matched == depth
        let start = Self.nonBlank(line, from: cursor)
        let blank = start.offset == line.count
        let indent = start.column - base
        if !blank {
            // The line's content goes into the containers it repeated.
            for index in 0..<matched {
                if case .item(let width, true) = containers[index] {
                    containers[index] = .item(indent: width, empty: false)
                }
            }
        }

        if let open = fence {
            if allMatched {
                if !blank && indent <= 3 && Self.closes(open, line, at: start.offset) { fence = nil }
                return true
            }
            fence = nil
        }
        if let ends = html {
            if allMatched && !(blank && ends.isEmpty) {
                if ends.contains(where: { Self.contains($0, in: line, from: start.offset) }) { html = nil }
                return false
            }
            html = nil
        }
        if indentedCode {
            if allMatched && (blank || indent >= 4) { return true }
            indentedCode = false
        }
        if blank {
            closeContainers(from: matched)
            paragraph = false
            table = false
            return false
        }
        if !allMatched {
            // A lazy continuation line: the paragraph goes on inside the
            // containers this line did not repeat. Outside them, blocks
            // that cannot interrupt a paragraph start all the same.
            if paragraph && (indent >= 4 || !Self.startsBlock(line, at: start.offset)) {
                continueParagraph(line, at: start.offset)
                return false
            }
            closeContainers(from: matched)
            paragraph = false
            table = false
        }

        // New blocks, a container at a time.
        var wasTable = table
        table = false
        while true {
            let start = Self.nonBlank(line, from: cursor)
            let indent = start.column - base
            if start.offset == line.count {
                paragraph = false
                return false
            }
            if indent >= 4 {
                if paragraph {
                    continueParagraph(line, at: start.offset)
                    return false
                }
                indentedCode = true
                return true
            }
            let offset = start.offset
            let byte = line[offset]
            // Only the blocks that can start with this byte are looked for.
            switch byte {
            case UInt8(ascii: ">"):
                push(.quote)
                cursor = Cursor(offset: offset + 1, column: start.column + 1)
                base = Self.afterQuoteMarker(line, &cursor)
                paragraph = false
                wasTable = false
                continue
            case UInt8(ascii: "#"):
                if Self.isHeading(line, at: offset) {
                    paragraph = false
                    return false
                }
            case UInt8(ascii: "`"), UInt8(ascii: "~"):
                if let opened = Self.openingFence(line, at: offset) {
                    fence = opened
                    paragraph = false
                    return true
                }
            case UInt8(ascii: "<"):
                if let ends = Self.htmlBlock(line, at: offset, paragraph: paragraph) {
                    if ends.isEmpty || !ends.contains(where: { Self.contains($0, in: line, from: offset + 1) }) {
                        html = ends
                    }
                    paragraph = false
                    return false
                }
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "+"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                if paragraph && Self.isSetextUnderline(line, at: offset) {
                    if references && !destinationPending {
                        continueParagraph(line, at: offset)
                    } else {
                        paragraph = false
                    }
                    return false
                }
                if Self.isThematicBreak(line, at: offset) {
                    paragraph = false
                    return false
                }
                if let item = Self.listItem(line, at: start, paragraph: paragraph) {
                    push(.item(indent: item.contentColumn - base, empty: item.cursor.offset == line.count))
                    cursor = item.cursor
                    base = item.contentColumn
                    paragraph = false
                    wasTable = false
                    continue
                }
            default:
                break
            }
            if paragraph, byte == UInt8(ascii: "|") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-"),
               let header = paragraphLine, let cells = Self.delimiterRowCells(line, at: offset),
               cells == Self.cells(header.line, at: header.start) {
                // The paragraph's last line was a table's header row.
                paragraph = false
                table = true
                return false
            }
            if wasTable && !Self.isLonePipe(line, at: offset) {
                // A table row (a lone pipe is none: it ends the table).
                table = true
                return false
            }
            // A paragraph: indented lines after it continue it.
            if !paragraph {
                references = true
                destinationPending = false
            }
            paragraph = true
            continueParagraph(line, at: offset)
            return false
        }
    }

    private mutating func closeContainers(from index: Int) {
        depth = min(depth, index)
    }

    private mutating func push(_ container: Container) {
        if depth < containers.count {
            containers[depth] = container
        } else {
            containers.append(container)
        }
        depth += 1
    }

    private mutating func continueParagraph(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) {
        paragraphLine = (line, offset)
        if destinationPending {
            destinationPending = false
            references = Self.isDestination(line, at: offset)
        } else if references {
            switch Self.referenceDefinition(line, at: offset) {
            case .none: references = false
            case .complete: break
            case .destinationToCome: destinationPending = true
            }
        }
    }

    // MARK: Lines

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func nonBlank(_ line: UnsafeBufferPointer<UInt8>, from cursor: Cursor) -> Cursor {
        var cursor = cursor
        while cursor.offset < line.count {
            let byte = line[cursor.offset]
            if byte == 0x20 {
                cursor.column += 1
            } else if byte == 0x09 {
                cursor.column += 4 - cursor.column % 4
            } else {
                break
            }
            cursor.offset += 1
        }
        return cursor
    }

    /// Past the spaces and tabs up to `column` (a tab may reach beyond it).
    private static func advance(_ line: UnsafeBufferPointer<UInt8>, from cursor: Cursor, to column: Int) -> Cursor {
        var cursor = cursor
        while cursor.column < column, cursor.offset < line.count, isSpace(line[cursor.offset]) {
            cursor.column += line[cursor.offset] == 0x09 ? 4 - cursor.column % 4 : 1
            cursor.offset += 1
        }
        return cursor
    }

    /// Takes the optional space after `>`; returns the column the quote's
    /// content is indented from.
    private static func afterQuoteMarker(_ line: UnsafeBufferPointer<UInt8>, _ cursor: inout Cursor) -> Int {
        guard cursor.offset < line.count else { return cursor.column }
        if line[cursor.offset] == 0x20 {
            cursor.offset += 1
            cursor.column += 1
            return cursor.column
        }
        // A tab: one of its columns is the optional space.
        return line[cursor.offset] == 0x09 ? cursor.column + 1 : cursor.column
    }

    /// The length of the run of `byte` at `offset`.
    private static func run(of byte: UInt8, in line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        var end = offset
        while end < line.count && line[end] == byte { end += 1 }
        return end - offset
    }

    private static func openingFence(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Fence? {
        let marker = line[offset]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        let length = run(of: marker, in: line, at: offset)
        guard length >= 3 else { return nil }
        // A backtick fence's info string holds no backtick (else it is code
        // spans in a paragraph).
        if marker == UInt8(ascii: "`") && line[(offset + length)...].contains(marker) { return nil }
        return Fence(marker: marker, length: length)
    }

    private static func closes(_ fence: Fence, _ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let length = run(of: fence.marker, in: line, at: offset)
        guard length >= fence.length else { return false }
        return line[(offset + length)...].allSatisfy(isSpace)
    }

    private static func isHeading(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let hashes = run(of: UInt8(ascii: "#"), in: line, at: offset)
        guard (1...6).contains(hashes) else { return false }
        return offset + hashes == line.count || isSpace(line[offset + hashes])
    }

    /// Three or more `-`, `*` or `_`, alone on the line but for spaces.
    private static func isThematicBreak(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let marker = line[offset]
        guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_") else { return false }
        var count = 0
        for byte in line[offset...] {
            if byte == marker { count += 1 } else if !isSpace(byte) { return false }
        }
        return count >= 3
    }

    private static func isSetextUnderline(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        let marker = line[offset]
        guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { return false }
        let length = run(of: marker, in: line, at: offset)
        return line[(offset + length)...].allSatisfy(isSpace)
    }

    /// A list marker at `start`: the item's content column and where its
    /// content starts. An empty item, or an ordered one not numbered 1,
    /// cannot interrupt a paragraph.
    private static func listItem(_ line: UnsafeBufferPointer<UInt8>, at start: Cursor, paragraph: Bool)
    -> (contentColumn: Int, cursor: Cursor)? {
        var offset = start.offset
        let first = line[offset]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
            offset += 1
        } else {
            var number = 0
            while offset < line.count, offset - start.offset < 9, (0x30...0x39).contains(line[offset]) {
                number = number * 10 + Int(line[offset] - 0x30)
                offset += 1
            }
            guard offset > start.offset, offset < line.count,
                  line[offset] == UInt8(ascii: ".") || line[offset] == UInt8(ascii: ")") else { return nil }
            if paragraph && number != 1 { return nil }
            offset += 1
        }
        let markerEnd = Cursor(offset: offset, column: start.column + offset - start.offset)
        guard offset == line.count || isSpace(line[offset]) else { return nil }
        let content = nonBlank(line, from: markerEnd)
        if content.offset == line.count {
            if paragraph { return nil }
            return (markerEnd.column + 1, content)
        }
        if content.column - markerEnd.column > 4 {
            // Five or more spaces: the content is indented code one column
            // after the marker.
            return (markerEnd.column + 1, advance(line, from: markerEnd, to: markerEnd.column + 1))
        }
        return (content.column, content)
    }

    /// The HTML block that starts at `offset`, if one does: the end markers
    /// of the kinds that run to one (comments, processing instructions,
    /// declarations, CDATA, `pre`, `script`, `style`), or none
    /// for the kinds that run to a blank line (block-level tags, and any
    /// other lone tag where it does not interrupt a paragraph).
    private static func htmlBlock(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, paragraph: Bool) -> [[UInt8]]? {
        guard line[offset] == UInt8(ascii: "<"), offset + 1 < line.count else { return nil }
        let rest = line[(offset + 1)...]
        if rest.starts(with: "!--".utf8) { return [Array("-->".utf8)] }
        if rest.starts(with: "?".utf8) { return [Array("?>".utf8)] }
        if rest.starts(with: "![CDATA[".utf8) { return [Array("]]>".utf8)] }
        if rest.first == UInt8(ascii: "!"), rest.count > 1,
           (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(rest[rest.startIndex + 1]) {
            return [Array(">".utf8)]
        }
        let closing = rest.first == UInt8(ascii: "/")
        var nameEnd = rest.startIndex + (closing ? 1 : 0)
        let nameStart = nameEnd
        while nameEnd < line.count && (isLetter(line[nameEnd]) || isDigit(line[nameEnd]) || line[nameEnd] == 0x2D) {
            nameEnd += 1
        }
        guard nameEnd > nameStart, isLetter(line[nameStart]) else { return nil }
        let name = line[nameStart..<nameEnd].map(lowercased)
        let ended = nameEnd == line.count || isSpace(line[nameEnd]) || line[nameEnd] == UInt8(ascii: ">")
        if !closing && ended && rawTextTags.contains(name) {
            return rawTextTags.map { Array("</".utf8) + $0 + Array(">".utf8) }
        }
        if ended || line[nameEnd...].starts(with: "/>".utf8), blockTags.contains(name) { return [] }
        if !paragraph && isCompleteTag(line, from: nameEnd, closing: closing) {
            return []
        }
        return nil
    }

    private static let rawTextTags: [[UInt8]] = ["pre", "script", "style"].map { Array($0.utf8) }

    private static let blockTags: Set<[UInt8]> = Set([
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "section", "source", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ].map { Array($0.utf8) })

    /// Whether the rest of a tag, after its name, closes it and is followed
    /// by nothing but spaces: attributes (`name`, `name=value`, quoted
    /// values), an optional `/`, then `>`.
    private static func isCompleteTag(_ line: UnsafeBufferPointer<UInt8>, from start: Int, closing: Bool) -> Bool {
        var index = start
        func skipSpaces() -> Bool {
            let before = index
            while index < line.count && isSpace(line[index]) { index += 1 }
            return index > before
        }
        if !closing {
            while true {
                let spaced = skipSpaces()
                guard spaced, index < line.count else { break }
                let first = line[index]
                guard isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else { break }
                index += 1
                while index < line.count, isLetter(line[index]) || isDigit(line[index])
                        || [UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), 0x2D].contains(line[index]) {
                    index += 1
                }
                let afterName = index
                _ = skipSpaces()
                guard index < line.count, line[index] == UInt8(ascii: "=") else { index = afterName; continue }
                index += 1
                _ = skipSpaces()
                guard index < line.count else { return false }
                let quote = line[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    index += 1
                    while index < line.count && line[index] != quote { index += 1 }
                    guard index < line.count else { return false }
                    index += 1
                } else {
                    let valueStart = index
                    while index < line.count, !isSpace(line[index]),
                          !"\"'=<>`".utf8.contains(line[index]) { index += 1 }
                    guard index > valueStart else { return false }
                }
            }
            if index < line.count && line[index] == UInt8(ascii: "/") { index += 1 }
        } else {
            _ = skipSpaces()
        }
        guard index < line.count, line[index] == UInt8(ascii: ">") else { return false }
        return line[(index + 1)...].allSatisfy(isSpace)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The number of cells of a table's delimiter row (`| --- | :-: |`),
    /// or nil when the line is not one.
    private static func delimiterRowCells(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        var index = offset
        var cells = 0
        let pipe = UInt8(ascii: "|")
        func skipSpaces() { while index < line.count && isSpace(line[index]) { index += 1 } }
        if line[index] == pipe { index += 1 }
        while true {
            skipSpaces()
            if index == line.count { break }
            if line[index] == UInt8(ascii: ":") { index += 1 }
            let dashes = run(of: UInt8(ascii: "-"), in: line, at: index)
            guard dashes > 0 else { return nil }
            index += dashes
            if index < line.count && line[index] == UInt8(ascii: ":") { index += 1 }
            skipSpaces()
            cells += 1
            if index == line.count { break }
            guard line[index] == pipe else { return nil }
            index += 1
        }
        return cells > 0 ? cells : nil
    }

    /// Whether the line holds a pipe and nothing else: a row of no cells.
    private static func isLonePipe(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        line[offset] == UInt8(ascii: "|") && line[(offset + 1)...].allSatisfy(isSpace)
    }

    /// The number of cells of a table row: the parts between unescaped
    /// pipes, leading and trailing pipes aside.
    private static func cells(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        var end = line.count
        while end > offset && isSpace(line[end - 1]) { end -= 1 }
        var start = offset
        let pipe = UInt8(ascii: "|")
        if isLonePipe(line, at: offset) { return 0 }
        if start < end && line[start] == pipe { start += 1 }
        if end > start && line[end - 1] == pipe && (end - 2 < start || line[end - 2] != UInt8(ascii: "\\")) { end -= 1 }
        var count = 1
        var index = start
        while index < end {
            if line[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if line[index] == pipe { count += 1 }
            index += 1
        }
        return count
    }

    private enum ReferenceDefinition {
        case none, complete, destinationToCome
    }

    /// Whether a line starts like a link reference definition: `[label]:`
    /// and a destination, or `[label]:` alone with the destination on the
    /// next line.
    private static func referenceDefinition(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> ReferenceDefinition {
        guard line[offset] == UInt8(ascii: "[") else { return .none }
        var index = offset + 1
        var label = false
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "]"):
                guard label, index + 1 < line.count, line[index + 1] == UInt8(ascii: ":") else { return .none }
                var rest = index + 2
                while rest < line.count && isSpace(line[rest]) { rest += 1 }
                if rest == line.count { return .destinationToCome }
                return isDestination(line, at: rest) ? .complete : .none
            case UInt8(ascii: "["):
                return .none
            case UInt8(ascii: "\\"):
                index += 1
                label = true
            case let byte:
                if !isSpace(byte) { label = true }
            }
            index += 1
        }
        return .none
    }

    /// Whether a link destination starts at `offset` (`<...>`, or text
    /// without spaces whose parentheses balance), followed by nothing or by
    /// the start of a title.
    private static func isDestination(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var index = offset
        if line[index] == UInt8(ascii: "<") {
            index += 1
            while index < line.count && line[index] != UInt8(ascii: ">") {
                if line[index] == UInt8(ascii: "<") { return false }
                index += line[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < line.count else { return false }
            index += 1
        } else {
            var depth = 0
            while index < line.count && !isSpace(line[index]) && line[index] >= 0x20 {
                switch line[index] {
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth < 0 { return false }
                case UInt8(ascii: "\\"): index += 1
                default: break
                }
                index += 1
            }
            guard depth == 0, index > offset else { return false }
        }
        let title = index
        while index < line.count && isSpace(line[index]) { index += 1 }
        if index == line.count { return true }
        guard index > title else { return false }
        return [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "(")].contains(line[index])
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Whether `needle` (lower case) occurs in the line at or after `from`;
    /// letters compared without case.
    private static func contains(_ needle: [UInt8], in line: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        guard needle.count <= line.count else { return false }
        var offset = max(from, 0)
        while offset + needle.count <= line.count {
            var index = 0
            while index < needle.count && lowercased(line[offset + index]) == needle[index] { index += 1 }
            if index == needle.count { return true }
            offset += 1
        }
        return false
    }

    /// Whether a line outside the containers of a paragraph starts a block
    /// instead of continuing the paragraph lazily.
    private static func startsBlock(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        switch line[offset] {
        case UInt8(ascii: ">"):
            return true
        case UInt8(ascii: "#"):
            return isHeading(line, at: offset)
        case UInt8(ascii: "`"), UInt8(ascii: "~"):
            return openingFence(line, at: offset) != nil
        case UInt8(ascii: "<"):
            return htmlBlock(line, at: offset, paragraph: false) != nil
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            // The column does not matter for whether a marker is one.
            return isThematicBreak(line, at: offset)
                || listItem(line, at: Cursor(offset: offset, column: 0), paragraph: false) != nil
        default:
            return false
        }
    }
}

/// Code spans on one line: a run of backticks up to the next run of as
/// many, outside backslash escapes. A span that runs on to another line is
/// not seen.
enum CodeSpans {
    /// The byte ranges of the line's code spans, backticks included.
    static func ranges(in line: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let backtick = UInt8(ascii: "`")
        var spans: [Range<Int>] = []
        // Lengths with no run left from where they were last looked for:
        // a line of unmatched runs is read once, not once per run.
        var exhausted: Set<Int> = []
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\\") {
                // A backslash escapes the punctuation after it, a backtick
                // or another backslash included.
                index += index + 1 < line.count && Self.isPunctuation(line[index + 1]) ? 2 : 1
                continue
            }
            guard byte == backtick else { index += 1; continue }
            var end = index
            while end < line.count && line[end] == backtick { end += 1 }
            let length = end - index
            var closer: Int?
            if !exhausted.contains(length) {
                var search = end
                while search < line.count {
                    guard line[search] == backtick else { search += 1; continue }
                    var runEnd = search
                    while runEnd < line.count && line[runEnd] == backtick { runEnd += 1 }
                    if runEnd - search == length { closer = runEnd; break }
                    search = runEnd
                }
                if closer == nil { exhausted.insert(length) }
            }
            if let closer {
                spans.append(index..<closer)
                index = closer
            } else {
                index = end
            }
        }
        return spans
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
