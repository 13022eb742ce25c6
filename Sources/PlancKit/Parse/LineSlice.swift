/// A piece of one source line, as byte offsets: the unit the parser reads
/// inline text in. Delimiters planc looks for are ASCII, so scanning bytes
/// is safe in UTF-8 and keeps positions exact.
struct LineSlice: Hashable {
    var line: Int
    var start: Int
    var end: Int

    var isEmpty: Bool { start >= end }
    var span: ByteSpan { ByteSpan(line: line, start: start, end: end) }

    func from(_ offset: Int) -> LineSlice { LineSlice(line: line, start: min(max(offset, start), end), end: end) }
    func upTo(_ offset: Int) -> LineSlice { LineSlice(line: line, start: start, end: max(min(offset, end), start)) }
}

/// A `**Key:** value` line.
struct KeyLine {
    var key: String
    /// The whole `**Key:**` token.
    var keySlice: LineSlice
    /// The value, trimmed.
    var value: LineSlice
    var whole: LineSlice

    /// Written without bold (`Status: RUNNING`), or as a heading.
    var plain = false

    /// The key, lower-cased, for matching.
    var normalisedKey: String { key.lowercased() }
}

extension SourceText {
    func slice(line: Int) -> LineSlice { LineSlice(line: line, start: 0, end: lineLength(line)) }

    func text(_ slice: LineSlice) -> String { text(line: slice.line, from: slice.start, to: slice.end) }

    func range(_ slice: LineSlice) -> SourceRange { range(slice.span) }

    @inline(__always)
    func at(_ slice: LineSlice, _ offset: Int) -> UInt8? {
        offset >= slice.start && offset < slice.end ? byte(line: slice.line, at: offset) : nil
    }

    /// Without leading and trailing spaces and tabs.
    func trimmed(_ slice: LineSlice) -> LineSlice {
        var start = slice.start
        var end = slice.end
        while start < end, let byte = at(slice, start), byte == 0x20 || byte == 0x09 { start += 1 }
        while end > start, let byte = at(slice, end - 1), byte == 0x20 || byte == 0x09 { end -= 1 }
        return LineSlice(line: slice.line, start: start, end: end)
    }

    /// The offset where `needle` next occurs at or after `from`.
    func find(_ needle: String, in slice: LineSlice, from: Int? = nil) -> Int? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return nil }
        var offset = from ?? slice.start
        while offset + pattern.count <= slice.end {
            var matches = true
            for (index, wanted) in pattern.enumerated() where at(slice, offset + index) != wanted {
                matches = false
                break
            }
            if matches { return offset }
            offset += 1
        }
        return nil
    }

    /// The offset where `needle` last occurs.
    func findLast(_ needle: String, in slice: LineSlice) -> Int? {
        var found: Int?
        var offset = slice.start
        while let next = find(needle, in: slice, from: offset) {
            found = next
            offset = next + 1
        }
        return found
    }

    /// Code spans: for each, the whole span with its backticks and its content.
    func codeSpans(in slice: LineSlice) -> [(outer: LineSlice, inner: LineSlice)] {
        var spans: [(LineSlice, LineSlice)] = []
        var offset = slice.start
        while offset < slice.end {
            guard let byte = at(slice, offset) else { break }
            if byte == 0x5C { offset += 2; continue }  // a backslash escape
            guard byte == 0x60 else { offset += 1; continue }
            let openStart = offset
            while at(slice, offset) == 0x60 { offset += 1 }
            let length = offset - openStart
            var search = offset
            var closed = false
            while search < slice.end {
                if at(slice, search) == 0x60 {
                    let runStart = search
                    while at(slice, search) == 0x60 { search += 1 }
                    if search - runStart == length {
                        let inner = trimmedOneSpace(LineSlice(line: slice.line, start: offset, end: runStart))
                        spans.append((LineSlice(line: slice.line, start: openStart, end: search), inner))
                        offset = search
                        closed = true
                        break
                    }
                } else {
                    search += 1
                }
            }
            if !closed { offset = openStart + length }
        }
        return spans
    }

    /// CommonMark strips one space from each side of a code span's content
    /// when both are there.
    private func trimmedOneSpace(_ slice: LineSlice) -> LineSlice {
        guard slice.end - slice.start >= 2, at(slice, slice.start) == 0x20, at(slice, slice.end - 1) == 0x20
        else { return slice }
        return LineSlice(line: slice.line, start: slice.start + 1, end: slice.end - 1)
    }

    /// Reads `**Key:** value`, `**Key**: value` (or with `__`) at the start.
    func keyLine(_ whole: LineSlice) -> KeyLine? {
        let slice = trimmed(whole)
        guard let first = at(slice, slice.start), first == 0x2A || first == 0x5F,
              at(slice, slice.start + 1) == first else { return nil }
        let delimiter = first == 0x2A ? "**" : "__"
        let innerStart = slice.start + 2
        guard let close = find(delimiter, in: slice, from: innerStart), close > innerStart,
              close - innerStart <= 80 else { return nil }
        var innerEnd = close
        var valueStart: Int
        if at(slice, innerEnd - 1) == 0x3A {
            innerEnd -= 1
            valueStart = close + 2
        } else if at(slice, close + 2) == 0x3A {
            valueStart = close + 3
        } else {
            return nil
        }
        let key = trimmed(LineSlice(line: slice.line, start: innerStart, end: innerEnd))
        guard !key.isEmpty else { return nil }
        valueStart = min(valueStart, slice.end)
        return KeyLine(key: text(key),
                       keySlice: LineSlice(line: slice.line, start: slice.start, end: valueStart),
                       value: trimmed(LineSlice(line: slice.line, start: valueStart, end: slice.end)),
                       whole: slice)
    }

    /// The hard line break that ends a paragraph line, as written: two or
    /// more spaces, or a backslash; "" for none.
    func hardBreak(after slice: LineSlice) -> String {
        let length = lineLength(slice.line)
        // A break the slice holds itself (a paragraph's last line) is its text.
        guard slice.end < length, let last = byte(line: slice.line, at: length - 1) else { return "" }
        if last == 0x5C { return "\\" }
        var spaces = 0
        while spaces < length, byte(line: slice.line, at: length - 1 - spaces) == 0x20 { spaces += 1 }
        return spaces >= 2 ? String(repeating: " ", count: spaces) : ""
    }

    /// A key in bold, or one of `plain` written without (`Status: RUNNING`,
    /// `- Current Task: ...`).
    func keyLine(_ whole: LineSlice, plain: Set<String>) -> KeyLine? {
        if let key = keyLine(whole) { return key }
        guard !plain.isEmpty else { return nil }
        let slice = trimmed(whole)
        guard let colon = find(":", in: slice), colon > slice.start, colon - slice.start <= 24,
              colon + 1 == slice.end || at(slice, colon + 1) == 0x20 else { return nil }
        let keySlice = LineSlice(line: slice.line, start: slice.start, end: colon)
        let name = text(keySlice)
        guard plain.contains(name.lowercased()), name.first?.isUppercase == true else { return nil }
        var key = KeyLine(key: name, keySlice: LineSlice(line: slice.line, start: slice.start, end: colon + 1),
                          value: trimmed(slice.from(colon + 1)), whole: slice)
        key.plain = true
        return key
    }

    /// A heading that is a key: `#### Tasks`, `#### Status: RUNNING`.
    func headingKey(_ slice: LineSlice, plain: Set<String>) -> KeyLine? {
        if var key = keyLine(slice, plain: plain) {
            key.plain = true
            return key
        }
        let name = text(trimmed(slice))
        guard plain.contains(name.lowercased()) else { return nil }
        var key = KeyLine(key: name, keySlice: slice, value: slice.from(slice.end), whole: slice)
        key.plain = true
        return key
    }

    /// Splits at the given separator bytes, and at ` + ` / ` and ` when
    /// `words` is set, outside parentheses and code spans. Pieces are trimmed
    /// and empty ones dropped.
    func split(_ slice: LineSlice, separators: Set<UInt8>, words: Bool = false) -> [LineSlice] {
        let code = codeSpans(in: slice).map(\.outer)
        var pieces: [LineSlice] = []
        var depth = 0
        var pieceStart = slice.start
        var offset = slice.start
        func cut(at end: Int, resumeAt next: Int) {
            let piece = trimmed(LineSlice(line: slice.line, start: pieceStart, end: end))
            if !piece.isEmpty { pieces.append(piece) }
            pieceStart = next
            offset = next
        }
        while offset < slice.end {
            if let span = code.first(where: { $0.start == offset }) { offset = span.end; continue }
            guard let byte = at(slice, offset) else { break }
            if byte == 0x28 { depth += 1 } else if byte == 0x29 { depth = max(depth - 1, 0) }
            if depth == 0 {
                if separators.contains(byte) { cut(at: offset, resumeAt: offset + 1); continue }
                if words && byte == 0x20 {
                    if at(slice, offset + 1) == 0x2B && at(slice, offset + 2) == 0x20 {
                        cut(at: offset, resumeAt: offset + 3); continue
                    }
                    if find(" and ", in: slice, from: offset) == offset {
                        cut(at: offset, resumeAt: offset + 5); continue
                    }
                    if at(slice, offset + 1) == 0x26 && at(slice, offset + 2) == 0x20 {
                        cut(at: offset, resumeAt: offset + 3); continue
                    }
                }
            }
            offset += 1
        }
        cut(at: slice.end, resumeAt: slice.end)
        return pieces
    }

    /// A leading status marker (an emoji, `[x]` or `[ ]`) and the text after it.
    func leadingMarker(_ whole: LineSlice) -> (marker: String, slice: LineSlice, rest: LineSlice)? {
        let slice = trimmed(whole)
        guard let first = at(slice, slice.start) else { return nil }
        if first == 0x5B, let box = at(slice, slice.start + 1), at(slice, slice.start + 2) == 0x5D,
           box == 0x20 || box == 0x78 || box == 0x58 {
            let marker = LineSlice(line: slice.line, start: slice.start, end: slice.start + 3)
            return ("[" + (box == 0x20 ? " " : "x") + "]", marker, trimmed(slice.from(marker.end)))
        }
        guard first >= 0x80 else { return nil }
        // The first word, repaired, decides; mojibake takes several
        // characters for one emoji.
        var wordEnd = slice.start
        while wordEnd < slice.end, let byte = at(slice, wordEnd), byte != 0x20, byte != 0x09 { wordEnd += 1 }
        let word = LineSlice(line: slice.line, start: slice.start, end: wordEnd)
        let repaired = text(word)
        guard let character = repaired.first, StatusWords.isEmojiMarker(character) else { return nil }
        let marker = String(character)
        var markerEnd = wordEnd
        if repaired != marker {
            // Text glued to the marker: find the shortest prefix that is it.
            var offset = slice.start
            markerEnd = slice.start
            while offset < wordEnd {
                offset += max(UTF8Validation.sequenceLength(at(slice, offset) ?? 0), 1)
                if text(LineSlice(line: slice.line, start: slice.start, end: offset)) == marker {
                    markerEnd = offset
                    break
                }
            }
            if markerEnd == slice.start { return nil }
        }
        let markerSlice = LineSlice(line: slice.line, start: slice.start, end: markerEnd)
        return (marker, markerSlice, trimmed(slice.from(markerEnd)))
    }

    /// A status as written: marker, words and what they mean.
    func statusValue(_ whole: LineSlice) -> StatusValue? {
        statusValue(whole, marker: leadingMarker(whole))
    }

    /// The same, with the leading marker already looked for.
    func statusValue(_ whole: LineSlice, marker found: (marker: String, slice: LineSlice, rest: LineSlice)?)
    -> StatusValue? {
        let slice = trimmed(whole)
        guard !slice.isEmpty else { return nil }
        let markerStatus: Status?
        let marker: String?
        let words: LineSlice
        if let found {
            marker = found.marker
            markerStatus = StatusWords.status(ofMarker: found.marker)
            words = found.rest
        } else {
            marker = nil
            markerStatus = nil
            words = slice
        }
        let wordText = text(words)
        return StatusValue(text: text(slice), marker: marker, markerStatus: markerStatus,
                           words: wordText, wordStatus: StatusWords.status(ofWords: wordText),
                           range: range(slice))
    }

    /// The content of a whole-slice code span, else the slice itself.
    func unwrappedCode(_ slice: LineSlice) -> LineSlice {
        let trimmedSlice = trimmed(slice)
        if let only = codeSpans(in: trimmedSlice).first,
           only.outer.start == trimmedSlice.start, only.outer.end == trimmedSlice.end {
            return only.inner
        }
        return trimmedSlice
    }
}
