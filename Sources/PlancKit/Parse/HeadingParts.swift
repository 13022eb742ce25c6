/// The parts of a heading or item title that names an agent, a phase or a
/// task: a leading number or marker, the name, and what trails it
/// (`(Agent ID: aa13444)`, `(Priority: HIGH)`, `(1-2 days)`, ` - DONE`, `✅`).
struct HeadingParts {
    /// The name, without what was read around it.
    var name: LineSlice
    /// `1.` before the name, or the number after a phase word.
    var number: Int?
    /// A sub-number: `Phase 1.2` has number 1 and sub-number 2.
    var subNumber: Int?
    var status: StatusValue?
    /// `(Key: value)` groups, in the order written.
    var fields: [(key: String, value: LineSlice)] = []
    /// A parenthesis holding a quantity: `(1-2 days)`, `(4h)`.
    var quantity: LineSlice?
    /// A parenthesis holding one word of letters and digits: `(aa13444)`.
    var bareWord: LineSlice?
    /// A priority after a dash: `- CRITICAL`, `— P1`.
    var priority: LineSlice?
    /// Whether a status follows the name (after a dash, in parentheses, a
    /// marker at the end), not only a marker before it.
    var statusAfterName = false

    func field(_ names: String...) -> LineSlice? {
        fields.last { names.contains($0.key) }?.value
    }
}

/// The priorities teams write: words and `P0`-`P3`.
enum PriorityWords {
    static func priority(of text: String) -> PlanTask.Priority? {
        switch text.trimmingSpaces().uppercased() {
        case "CRITICAL", "P0", "URGENT", "BLOCKER", "HIGHEST": return .critical
        case "HIGH", "P1": return .high
        case "MEDIUM", "P2", "NORMAL", "MED": return .medium
        case "LOW", "P3", "P4", "LOWEST": return .low
        default: return nil
        }
    }
}

/// Words that name a phase when a number follows them.
enum PhaseNames {
    static let words = ["phase", "batch", "milestone", "stage", "sprint", "step", "wave", "iteration"]
    private static let firstLetters = Set(words.map { $0.utf8.first! })

    /// The phase number of a heading such as `Phase 2: Search`, `Batch 3`,
    /// `✅ Milestone 1 - Launch`; nil when it names no phase, or a part of
    /// one (`Phase 2.1`).
    static func number(inHeading text: String) -> Int? {
        guard let (number, sub) = numbers(text), sub == nil else { return nil }
        return number
    }

    /// Whether a heading starts with a phase word and no sub-number: a
    /// phase, even when its number cannot be read (`Phase two`).
    static func startsPhase(_ text: String) -> Bool {
        if let (_, sub) = numbers(text) { return sub == nil }
        let lower = text.lowercased()
        return words.contains { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") }
    }

    /// The number and sub-number after a phase word at the start.
    static func numbers(_ text: String) -> (Int, Int?)? {
        // Most headings and items name no phase: their first letter says so.
        var bytes = Substring(text).utf8.drop { !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) && $0 != 0x5B }
        if bytes.first == 0x5B { bytes = bytes.dropFirst(3).drop { !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) } }  // `[x] `
        guard let letter = bytes.first, firstLetters.contains(letter | 0x20) else { return nil }
        var scalars = Substring(text)
        // A marker or box first.
        while let first = scalars.first, !(first.isLetter || first.isNumber) { scalars = scalars.dropFirst() }
        if scalars.hasPrefix("[x] ") || scalars.hasPrefix("[ ] ") { scalars = scalars.dropFirst(4) }
        let lower = scalars.lowercased()
        guard let word = words.first(where: { lower.hasPrefix($0 + " ") }) else { return nil }
        let rest = lower.dropFirst(word.count + 1).drop { $0 == " " }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        let after = rest.dropFirst(digits.count)
        if after.first == ".", let sub = Int(after.dropFirst().prefix { $0.isASCII && $0.isNumber }) {
            return (number, sub)
        }
        guard after.isEmpty || [":", " ", "-", ".", ")", ",", "*", "_"].contains(after.first!) else { return nil }
        return (number, nil)
    }
}

extension PlanParser {
    /// Reads a heading or title: a leading marker and number, then trailing
    /// parentheses, dashes and markers, repeatedly, from the end. A dash is
    /// taken off only when what follows it is a status, so titles keep their
    /// own dashes (`Search API - Result Paging`).
    func headingParts(_ whole: LineSlice, phaseWord: Bool = false) -> HeadingParts {
        var slice = source.trimmed(whole)
        var parts = HeadingParts(name: slice)
        if let found = source.leadingMarker(slice) {
            parts.status = statusValue(slice, marker: found).map { value in
                var value = value
                value.words = ""
                value.wordStatus = nil
                value.text = found.marker
                value.range = source.range(found.slice)
                return value
            }
            slice = found.rest
        }
        if let bold = boldStart(slice) {
            // `**Phase 1: Test harness** — done ✅`, `**Phase 2:** Harness`:
            // the name from the bold part, the rest from what follows it.
            let inner = headingParts(bold.inner, phaseWord: phaseWord)
            var rest = bold.rest
            if source.at(rest, rest.start) == 0x3A { rest = source.trimmed(rest.from(rest.start + 1)) }
            let after = headingParts(rest)
            var merged = inner
            if merged.name.isEmpty { merged.name = after.name }
            if let status = after.status {
                merged.status = mergedStatus(leading: parts.status ?? inner.status, trailing: status)
                merged.statusAfterName = after.statusAfterName
            } else if merged.status == nil {
                merged.status = parts.status
            }
            merged.quantity = merged.quantity ?? after.quantity
            merged.fields += after.fields
            merged.priority = merged.priority ?? after.priority
            merged.bareWord = merged.bareWord ?? after.bareWord
            return merged
        }
        if phaseWord {
            slice = skipPhaseWord(slice, into: &parts)
        } else {
            slice = skipLeadingNumber(slice, into: &parts)
        }
        var trailingStatus: StatusValue?
        var changed = true
        while changed && !slice.isEmpty {
            changed = false
            // A marker and words at the end: `Four (1 day) ✅ PENDING`.
            if trailingStatus == nil, let (start, value) = trailingMarkedStatus(slice) {
                trailingStatus = value
                slice = source.trimmed(slice.upTo(start))
                // `Foundations (1 week) - ✅ DONE`: the dash goes with it.
                for dash in [" -", " –", " —"] where source.text(slice).hasSuffix(dash) {
                    slice = source.trimmed(slice.upTo(slice.end - dash.utf8.count))
                }
                changed = true
                continue
            }
            if source.at(slice, slice.end - 1) == 0x5D, let open = source.findLast("[", in: slice), open > slice.start {
                // `[DONE]`, `[4h]` at the end read like parentheses.
                let inner = source.trimmed(LineSlice(line: slice.line, start: open + 1, end: slice.end - 1))
                if classifyParenthesis(inner, into: &parts, status: &trailingStatus) {
                    slice = source.trimmed(slice.upTo(open))
                    changed = true
                    continue
                }
            }
            if source.at(slice, slice.end - 1) == 0x29, let open = matchingOpen(slice) {
                let inner = source.trimmed(LineSlice(line: slice.line, start: open + 1, end: slice.end - 1))
                if !classifyParenthesis(inner, into: &parts, status: &trailingStatus) {
                    // A phase's last parenthesis holding a number is its
                    // duration, read or not (`(3 fortnights)`); other words
                    // (`(optional)`, `(v2.0)`) stay in the name.
                    guard phaseWord && parts.quantity == nil, source.text(inner).first?.isNumber == true else { break }
                    parts.quantity = inner
                }
                slice = source.trimmed(slice.upTo(open))
                changed = true
                continue
            }
            if let (dash, after) = lastDash(slice) {
                let candidate = source.trimmed(slice.from(after))
                let before = source.trimmed(slice.upTo(dash))
                let candidateText = source.text(candidate)
                if let pairs = keyValuePairs(candidate), pairs.allSatisfy({ $0.key.replacingOccurrences(" ", "").hasSuffix("id") }) {
                    // `Parser — ID: p-3 — DONE`
                    parts.fields += pairs
                    slice = before
                    changed = true
                    continue
                }
                if candidateText.hasPrefix("@") || candidateText.hasSuffix("%") && Int(candidateText.dropLast()) != nil {
                    // `— @Migration Agent`, `- 50%`
                    parts.fields.append((candidateText.hasPrefix("@") ? "agent" : "progress",
                                         candidateText.hasPrefix("@") ? candidate.from(candidate.start + 1) : candidate))
                    slice = before
                    changed = true
                    continue
                }
                if parts.quantity == nil, candidateText.first.map({ $0.isNumber || $0 == "~" }) == true,
                   QuantityParsing.effort(candidateText) != nil || QuantityParsing.duration(candidateText) != nil {
                    // `Cache headers - 4 hours`
                    parts.quantity = candidate
                    slice = before
                    changed = true
                    continue
                }
                if parts.priority == nil, priority(of: source.text(candidate)) != nil {
                    parts.priority = candidate
                    slice = before
                    changed = true
                    continue
                }
                if trailingStatus == nil, let value = statusValue(candidate),
                   value.status != nil || value.marker != nil
                    || phaseWord && source.at(before, before.end - 1) == 0x29 {
                    trailingStatus = value
                    slice = before
                    changed = true
                }
            }
        }
        if let trailingStatus {
            parts.status = mergedStatus(leading: parts.status, trailing: trailingStatus)
            parts.statusAfterName = true
        }
        parts.name = slice
        return parts
    }

    /// The last marker in the slice, when it and the words after it are a
    /// status and something comes before it. The bytes are read directly:
    /// every heading and task title comes through here.
    private func trailingMarkedStatus(_ slice: LineSlice) -> (Int, StatusValue)? {
        let base = source.lineRange(slice.line).lowerBound
        let bytes = source.bytes
        var offset = slice.end - 1
        while offset > slice.start {
            let byte = bytes[base + offset]
            if bytes[base + offset - 1] == 0x20, byte >= 0xE0 || byte == 0x5B {
                let candidate = slice.from(offset)
                if let marker = source.leadingMarker(candidate), let value = statusValue(candidate, marker: marker),
                   marker.rest.isEmpty || value.wordStatus != nil {
                    return (offset, value)
                }
            }
            offset -= 1
        }
        return nil
    }

    /// A bold span that opens the slice, when text follows it: its
    /// content and the rest.
    private func boldStart(_ slice: LineSlice) -> (inner: LineSlice, rest: LineSlice)? {
        guard source.find("**", in: slice) == slice.start,
              let close = source.find("**", in: slice, from: slice.start + 2), close > slice.start + 2 else { return nil }
        let rest = source.trimmed(slice.from(close + 2))
        guard !rest.isEmpty else { return nil }
        return (source.trimmed(LineSlice(line: slice.line, start: slice.start + 2, end: close)), rest)
    }

    /// A leading marker and trailing words make one status: `✅ ... - DONE`.
    private func mergedStatus(leading: StatusValue?, trailing: StatusValue) -> StatusValue {
        guard let leading, let marker = leading.marker, trailing.marker == nil else { return trailing }
        var merged = trailing
        merged.marker = marker
        merged.markerStatus = leading.markerStatus
        merged.text = marker + " " + trailing.text
        merged.range = leading.range.union(trailing.range)
        return merged
    }

    /// `1.`, `1)` or `#1` before a name.
    private func skipLeadingNumber(_ slice: LineSlice, into parts: inout HeadingParts) -> LineSlice {
        var offset = slice.start
        if source.at(slice, offset) == 0x23 { offset += 1 }
        let digitsStart = offset
        while let byte = source.at(slice, offset), byte >= 0x30 && byte <= 0x39 { offset += 1 }
        guard offset > digitsStart, offset - digitsStart <= 4, let separator = source.at(slice, offset) else { return slice }
        parts.number = Int(source.text(LineSlice(line: slice.line, start: digitsStart, end: offset)))
        // `#3 Name`: the hash alone marks the number.
        if separator == 0x20 && digitsStart > slice.start { return source.trimmed(slice.from(offset)) }
        guard separator == 0x2E || separator == 0x29 || separator == 0x3A, source.at(slice, offset + 1) == 0x20 else {
            parts.number = nil
            return slice
        }
        return source.trimmed(slice.from(offset + 1))
    }

    /// `Phase 2:`, `Batch 3 -`, `Phase 1.2:` before a name.
    private func skipPhaseWord(_ slice: LineSlice, into parts: inout HeadingParts) -> LineSlice {
        guard let (number, sub) = PhaseNames.numbers(source.text(slice)) else { return slice }
        parts.number = number
        parts.subNumber = sub
        var offset = slice.start
        while let byte = source.at(slice, offset), byte != 0x20 { offset += 1 }  // the word
        while source.at(slice, offset) == 0x20 { offset += 1 }
        while let byte = source.at(slice, offset), (byte >= 0x30 && byte <= 0x39) || byte == 0x2E { offset += 1 }
        while let byte = source.at(slice, offset), byte == 0x3A || byte == 0x20 || byte == 0x2E || byte == 0x29 {
            offset += 1
        }
        // `Phase 1 - Name`, `Phase 1 — Name`
        let rest = source.trimmed(slice.from(offset))
        if let dash = dashPrefix(rest) { return source.trimmed(rest.from(rest.start + dash)) }
        return rest
    }

    /// The `(` that the closing `)` at the end of the slice matches.
    private func matchingOpen(_ slice: LineSlice) -> Int? {
        var depth = 0
        var offset = slice.end - 1
        while offset >= slice.start {
            if source.at(slice, offset) == 0x29 { depth += 1 }
            if source.at(slice, offset) == 0x28 {
                depth -= 1
                if depth == 0 { return offset }
            }
            offset -= 1
        }
        return nil
    }

    /// Files a trailing parenthesis under what it holds; false when it is
    /// part of the name (`Test fixes (41 tests)`).
    private func classifyParenthesis(_ inner: LineSlice, into parts: inout HeadingParts,
                                     status: inout StatusValue?) -> Bool {
        let text = source.text(inner)
        // Cheapest tests first: most parentheses are efforts (`(4h)`).
        if parts.quantity == nil, text.first?.isNumber == true || text.hasPrefix("~"),
           QuantityParsing.duration(text) != nil || QuantityParsing.effort(text) != nil {
            parts.quantity = inner
            return true
        }
        let lower = text.lowercased()
        for phrase in ["depends on ", "blocked by ", "waiting for ", "after "] where lower.hasPrefix(phrase) {
            parts.fields.append((String(phrase.dropLast()), source.trimmed(inner.from(inner.start + phrase.utf8.count))))
            return true
        }
        if text.utf8.contains(0x3A), let fields = keyValuePairs(inner) {
            parts.fields += fields
            return true
        }
        if status == nil, let value = statusValue(inner), value.marker != nil || value.wordStatus != nil,
           value.marker != nil || wordStatus(of: value.words) != nil,
           !value.words.contains(where: \.isNumber) || value.marker != nil {
            status = value
            return true
        }
        if parts.bareWord == nil, text.hasPrefix("`"), text.hasSuffix("`"), text.count > 2 {
            // `(\`idx-1\`)`: an ID in a code span.
            parts.bareWord = source.unwrappedCode(inner)
            return true
        }
        if parts.bareWord == nil, text.count >= 2, text.count <= 40,
           text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
           text.contains(where: \.isNumber) {
            parts.bareWord = inner
            return true
        }
        return false
    }

    /// `Key: value` pairs, separated by commas or semicolons: `(Agent ID:
    /// be1, Model: opus)`. Nil unless the text starts with a key.
    private func keyValuePairs(_ inner: LineSlice) -> [(key: String, value: LineSlice)]? {
        var pairs: [(key: String, value: LineSlice)] = []
        for piece in source.split(inner, separators: [0x2C, 0x3B]) {
            if let colon = source.find(":", in: piece), isKey(source.text(source.trimmed(piece.upTo(colon)))) {
                pairs.append((source.text(source.trimmed(piece.upTo(colon))).lowercased(),
                              source.trimmed(piece.from(colon + 1))))
            } else if let last = pairs.indices.last {
                // A comma inside a value: `Owner: Ana, Bo`.
                let value = pairs[last].value
                pairs[last].value = LineSlice(line: value.line, start: value.start, end: piece.end)
            } else {
                return nil
            }
        }
        return pairs.isEmpty ? nil : pairs
    }

    private func isKey(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 24 && text.split(separator: " ").count <= 3
            && text.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" }
    }

    /// The last ` - `, ` – ` or ` — ` in the slice: where it starts and
    /// where the text after it starts. One pass from the end, on the bytes.
    private func lastDash(_ slice: LineSlice) -> (Int, Int)? {
        let base = source.lineRange(slice.line).lowerBound
        let bytes = source.bytes
        var offset = slice.end - 2
        while offset > slice.start {
            if bytes[base + offset - 1] == 0x20 {
                if bytes[base + offset] == 0x2D && bytes[base + offset + 1] == 0x20 { return (offset - 1, offset + 2) }
                // `–` and `—` are E2 80 93 and E2 80 94.
                if offset + 3 < slice.end, bytes[base + offset] == 0xE2, bytes[base + offset + 1] == 0x80,
                   bytes[base + offset + 2] == 0x93 || bytes[base + offset + 2] == 0x94, bytes[base + offset + 3] == 0x20 {
                    return (offset - 1, offset + 4)
                }
            }
            offset -= 1
        }
        return nil
    }
}
