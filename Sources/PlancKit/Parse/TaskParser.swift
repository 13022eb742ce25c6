extension PlanParser {
    /// A task of a list: `1. **Rate Limiting** (4h) - CRITICAL` (planc's
    /// own shape), `- [x] Rate limiting (4h)`, `- Task 3: Three - DONE`,
    /// `- DONE: Task 5`, `- Phase 2.1: Search API - Result Paging (PENDING)`,
    /// `- Search (4-6h) (Agent: search) (depends on #2, #7)`; its steps are
    /// its first nested list.
    func task(_ entry: ListEntry) -> PlanTask {
        let headline = entry.headline ?? LineSlice(line: Int(tree[entry.node].startLine), start: 0, end: 0)
        var marker: StatusValue?
        var rest = headline
        if entry.taskState != .none {
            let box = entry.taskState == .checked ? "[x]" : "[ ]"
            marker = StatusValue(text: box, marker: box, markerStatus: StatusWords.status(ofMarker: box),
                                 words: "", wordStatus: nil, range: source.range(entry.range.line == headline.line
                                     ? LineSlice(line: headline.line, start: max(headline.start - 4, 0), end: max(headline.start - 1, 0))
                                     : headline))
        } else if let found = source.leadingMarker(headline) {
            marker = StatusValue(text: found.marker, marker: found.marker,
                                 markerStatus: StatusWords.status(ofMarker: found.marker),
                                 words: "", wordStatus: nil, range: source.range(found.slice))
            rest = found.rest
        }
        let afterMarker = rest
        var shaped = false
        var wordStatus: StatusValue?
        // `DONE: Task 5`, `BLOCKED - Search`: status words first.
        if let (status, after) = leadingStatusWords(rest) {
            wordStatus = status
            rest = after
            shaped = true
        }
        // `Task 3:` or `Phase 2.1:` first.
        var number = entry.number
        var phaseNumber: Int?
        if mayNamePhase(rest), let (phase, sub) = PhaseNames.numbers(source.text(rest)), let sub {
            phaseNumber = phase
            number = sub
            rest = skipWordAndNumber(rest)
            shaped = true
        } else if let taskNumber = taskNumber(rest) {
            number = taskNumber
            if source.find(":", in: rest).map({ $0 < rest.start + 12 }) == true {
                rest = skipWordAndNumber(rest)
            }
            shaped = true
        }

        var task: PlanTask
        if !shaped, source.find("**", in: rest) == rest.start,
           let close = source.find("**", in: rest, from: rest.start + 2), close > rest.start + 2 {
            task = boldTask(rest, close: close, number: number, entry: entry)
        } else {
            task = plainTask(rest, number: number, entry: entry)
            task.written.verbatim = RawMarkdown(text: source.text(afterMarker), range: source.range(afterMarker))
        }
        task.phaseNumber = phaseNumber
        task.listMarker = entry.marker
        if let wordStatus { task.wordStatus = wordStatus }
        if var marker, let words = task.wordStatus, marker.words.isEmpty {
            // The marker and the words side by side, so that `✅ ... (IN
            // PROGRESS)` is a contradiction the checker sees.
            marker.words = words.words
            marker.wordStatus = words.wordStatus
            task.marker = marker
        } else {
            task.marker = marker
        }
        task.status = Self.taskStatus(marker: marker, words: task.wordStatus)
        readSteps(entry, into: &task)
        return task
    }

    /// Whether the slice starts with a letter a phase word starts with: a
    /// byte test, so that most tasks make no String for `PhaseNames`.
    private func mayNamePhase(_ slice: LineSlice) -> Bool {
        guard let byte = source.at(slice, slice.start) else { return false }
        return [0x70, 0x62, 0x6D, 0x73, 0x77, 0x69].contains(byte | 0x20)  // p b m s w i
    }

    /// A box or marker, else the words; an empty box gives way to words that
    /// name a status (`- [ ] Search (IN PROGRESS)`).
    static func taskStatus(marker: StatusValue?, words: StatusValue?) -> Status {
        if let marker, marker.marker == "[ ]", let wordStatus = words?.status { return wordStatus }
        return marker?.status ?? words?.status ?? .pending
    }

    /// `**Title**` and what follows it: `(effort)`, `` `#id` ``, `- PRIORITY`,
    /// and trailing text, which may name a status.
    private func boldTask(_ rest: LineSlice, close: Int, number: Int, entry: ListEntry) -> PlanTask {
        let title = LineSlice(line: rest.line, start: rest.start + 2, end: close)
        var after = source.trimmed(rest.from(close + 2))
        var explicitID: String?
        for span in source.codeSpans(in: title) + source.codeSpans(in: after) {
            let inner = source.text(span.inner)
            if inner.hasPrefix("#"), inner.count > 1 {
                explicitID = String(inner.dropFirst())
                break
            }
        }
        if let span = source.codeSpans(in: after).first, span.outer.start == after.start,
           source.text(span.inner).hasPrefix("#") {
            after = source.trimmed(after.from(span.outer.end))
        }
        var effort: Parsed<Effort>?
        if source.at(after, after.start) == 0x28, let close = closingParenthesis(after) {
            let inner = source.trimmed(LineSlice(line: after.line, start: after.start + 1, end: close))
            effort = parsedEffort(inner)
            after = source.trimmed(after.from(close + 1))
        }
        var priority: Parsed<PlanTask.Priority>?
        var dashStatus: StatusValue?
        var reshaped = false
        // After dashes: an effort (`- 2h`), status words (`- DONE`), then the
        // priority, in any order; an unknown word where the priority goes is
        // read as one (and reported).
        while let dash = dashPrefix(after) {
            let word = source.trimmed(after.from(after.start + dash))
            let pieceEnd = [" - ", " – ", " — "].compactMap { source.find($0, in: word) }.min() ?? word.end
            let piece = source.trimmed(word.upTo(pieceEnd))
            let pieceText = source.text(piece)
            if effort == nil, pieceText.first?.isNumber == true,
               QuantityParsing.effort(pieceText, hoursPerDay: options.hoursPerDay) != nil {
                effort = parsedEffort(piece)
                after = source.trimmed(word.from(pieceEnd))
                reshaped = true
                continue
            }
            if priority == nil, let value = self.priority(of: pieceText) {
                priority = Parsed(text: pieceText, value: value, range: source.range(piece))
                after = source.trimmed(word.from(pieceEnd))
                if !(after.isEmpty) { reshaped = true }
                continue
            }
            if dashStatus == nil, let value = statusValue(piece), value.wordStatus != nil,
               StatusWords.ownPhrase(pieceText) != nil {
                dashStatus = value
                after = source.trimmed(word.from(pieceEnd))
                reshaped = true
                continue
            }
            guard priority == nil else { break }
            var wordEnd = word.start
            while let byte = source.at(word, wordEnd), byte != 0x20, byte != 0x2C, byte != 0x2E { wordEnd += 1 }
            let priorityText = source.text(word.upTo(wordEnd))
            priority = Parsed(text: priorityText, value: self.priority(of: priorityText),
                              range: source.range(word.upTo(wordEnd)))
            after = source.trimmed(word.from(wordEnd))
            break
        }
        let titleText = source.text(title)
        var task = PlanTask(id: explicitID ?? Slug.make(titleText), hasExplicitID: explicitID != nil,
                            number: number, title: titleText, boldTitle: true, titleRange: source.range(title),
                            effort: effort, priority: priority, marker: nil, status: .pending,
                            trailing: after.isEmpty ? nil : source.text(after),
                            continuation: texts(entry.continuation), range: entry.range)
        if let dashStatus {
            task.wordStatus = dashStatus
        } else if !after.isEmpty, let value = statusValue(after), value.wordStatus != nil,
                  wordStatus(of: value.words) != nil {
            task.wordStatus = value
        }
        if reshaped {
            // Not planc's own order: rendered as written while unchanged.
            task.trailing = nil
            task.written.verbatim = RawMarkdown(text: source.text(rest), range: source.range(rest))
            if !after.isEmpty { task.trailing = source.text(after) }
        }
        return task
    }


    /// A title without bold: read like a heading, from the end.
    private func plainTask(_ rest: LineSlice, number: Int, entry: ListEntry) -> PlanTask {
        let parts = headingParts(rest)
        var title = parts.name
        var explicitID: String?
        if let span = source.codeSpans(in: title).first(where: { source.text($0.inner).hasPrefix("#") }) {
            explicitID = String(source.text(span.inner).dropFirst())
            if span.outer.end == title.end { title = source.trimmed(title.upTo(span.outer.start)) }
        }
        var effort = (parts.quantity ?? parts.field("effort", "estimate", "est")).map(parsedEffort)
        if effort == nil, let (cut, found) = trailingEffort(title) {
            effort = found
            title = cut
        }
        let prioritySlice = parts.priority ?? parts.field("priority")
        let priority = prioritySlice.map { slice in
            Parsed(text: source.text(slice), value: self.priority(of: source.text(slice)), range: source.range(slice))
        }
        let titleText = source.text(title)
        var task = PlanTask(id: explicitID ?? Slug.make(titleText), hasExplicitID: explicitID != nil,
                            number: number, title: titleText, boldTitle: false, titleRange: source.range(title),
                            effort: effort, priority: priority, marker: nil, status: .pending, trailing: nil,
                            continuation: texts(entry.continuation), range: entry.range)
        task.wordStatus = parts.status.flatMap { $0.marker == nil && $0.wordStatus != nil ? $0 : nil }
            ?? parts.field("status").flatMap { statusValue($0) }
        task.assignee = parts.field("agent", "assignee", "owner", "assigned to", "assigned").map { source.text($0) }
        if let depends = parts.field("depends on", "dependencies", "depends", "blocked by", "waiting for", "after") {
            task.dependsOn = source.split(depends, separators: [0x2C]).map { source.text($0) }
        }
        return task
    }

    /// `4h` or `2-3 days` at the end of a title, after a dash or a space.
    private func trailingEffort(_ title: LineSlice) -> (LineSlice, Parsed<Effort>)? {
        guard let space = source.findLast(" ", in: title) else { return nil }
        let word = source.trimmed(title.from(space))
        let text = source.text(word)
        guard text.first?.isNumber == true, QuantityParsing.effort(text, hoursPerDay: options.hoursPerDay) != nil
        else { return nil }
        var before = source.trimmed(title.upTo(space))
        if let dash = [" -", " –", " —"].first(where: { source.text(before).hasSuffix($0) }) {
            before = source.trimmed(before.upTo(before.end - dash.utf8.count))
        }
        return before.isEmpty ? nil : (before, parsedEffort(word))
    }

    /// The `)` that closes the `(` the slice starts with.
    private func closingParenthesis(_ slice: LineSlice) -> Int? {
        var depth = 0
        for offset in slice.start..<slice.end {
            if source.at(slice, offset) == 0x28 { depth += 1 }
            if source.at(slice, offset) == 0x29 {
                depth -= 1
                if depth == 0 { return offset }
            }
        }
        return nil
    }

    func parsedEffort(_ slice: LineSlice) -> Parsed<Effort> {
        let text = source.text(slice)
        return Parsed(text: text, value: QuantityParsing.effort(text, hoursPerDay: options.hoursPerDay),
                      range: source.range(slice))
    }

    /// Status words that open a line, before a colon or a dash: `DONE:`,
    /// `IN PROGRESS -`.
    private func leadingStatusWords(_ slice: LineSlice) -> (StatusValue, LineSlice)? {
        var end = slice.start
        while let byte = source.at(slice, end), (byte >= 0x41 && byte <= 0x5A) || byte == 0x20 || byte == 0x5F {
            end += 1
        }
        var words = source.trimmed(slice.upTo(end))
        guard !words.isEmpty else { return nil }
        var after = source.trimmed(slice.from(end))
        if source.at(after, after.start) == 0x3A {
            after = source.trimmed(after.from(after.start + 1))
        } else if let dash = dashPrefix(after) {
            after = source.trimmed(after.from(after.start + dash))
        } else if source.at(slice, end) == 0x3A || source.at(slice, end) == 0x2D {
            words = source.trimmed(slice.upTo(end))
        } else {
            return nil
        }
        guard !after.isEmpty, let value = statusValue(words),
              wordStatus(of: value.words) != nil else { return nil }
        return (value, after)
    }

    /// Past `Task 3:` or `Phase 2.1:`.
    private func skipWordAndNumber(_ slice: LineSlice) -> LineSlice {
        var offset = slice.start
        while let byte = source.at(slice, offset), byte != 0x20 { offset += 1 }
        while source.at(slice, offset) == 0x20 { offset += 1 }
        while let byte = source.at(slice, offset), (byte >= 0x30 && byte <= 0x39) || byte == 0x2E { offset += 1 }
        while let byte = source.at(slice, offset), byte == 0x3A || byte == 0x20 || byte == 0x29 { offset += 1 }
        let rest = source.trimmed(slice.from(offset))
        if let dash = dashPrefix(rest) { return source.trimmed(rest.from(rest.start + dash)) }
        return rest
    }

    /// The first nested list is the task's steps; other blocks are kept
    /// before or after them.
    private func readSteps(_ entry: ListEntry, into task: inout PlanTask) {
        var stepsFound = false
        for child in entry.children {
            if !stepsFound && tree[child].kind == .list {
                stepsFound = true
                task.steps = listEntries(child).map(step)
            } else if stepsFound {
                task.after.append(raw([child], dedent: entry.contentIndent))
            } else {
                task.before.append(raw([child], dedent: entry.contentIndent))
            }
        }
    }

    private func step(_ entry: ListEntry) -> PlanTask.Step {
        let text = entry.headline.map { source.text($0) } ?? ""
        let checked: Bool? = entry.taskState == .none ? nil : entry.taskState == .checked
        return PlanTask.Step(text: text, listMarker: entry.marker, checked: checked, continuation: texts(entry.continuation),
                             children: rawChildren(entry), range: entry.range)
    }
}
