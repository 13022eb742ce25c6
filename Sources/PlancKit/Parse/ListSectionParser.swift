extension PlanParser {
    /// Next Steps: the items of its lists; anything else is kept.
    mutating func parseNextSteps(_ items: [TopItem]) -> [Section.Item] {
        var result: [Section.Item] = []
        for item in items {
            guard case .node(let node) = item, tree[node].kind == .list else {
                result.append(.raw(rawItem(item)))
                continue
            }
            for (position, entry) in listEntries(node).enumerated() {
                var step = nextStep(entry)
                step.startsList = position == 0
                plan.nextSteps.append(step)
                result.append(.nextStep(plan.nextSteps.count - 1))
            }
        }
        return result
    }

    /// Questions: the items of its lists; anything else is kept.
    mutating func parseQuestions(_ items: [TopItem]) -> [Section.Item] {
        var result: [Section.Item] = []
        for item in items {
            guard case .node(let node) = item, tree[node].kind == .list else {
                result.append(.raw(rawItem(item)))
                continue
            }
            for (position, entry) in listEntries(node).enumerated() {
                plan.questions.append(Question(
                    number: entry.number, listMarker: entry.marker, startsList: position == 0,
                    text: entry.headline.map { source.text($0) } ?? "",
                    continuation: texts(entry.continuation),
                    children: entry.children.map { raw([$0], dedent: entry.contentIndent) },
                    range: entry.range))
                result.append(.question(plan.questions.count - 1))
            }
        }
        return result
    }

    /// `2. 🤔 **Decide if ...** text` and its options.
    private func nextStep(_ entry: ListEntry) -> NextStep {
        let headline = entry.headline ?? LineSlice(line: Int(tree[entry.node].startLine), start: 0, end: 0)
        var status: StatusValue?
        var rest = headline
        if entry.taskState != .none {
            let box = entry.taskState == .checked ? "[x]" : "[ ]"
            status = StatusValue(text: box, marker: box, markerStatus: StatusWords.status(ofMarker: box),
                                 words: "", wordStatus: nil, range: source.range(headline))
        } else if let found = source.leadingMarker(headline) {
            status = StatusValue(text: found.marker, marker: found.marker,
                                 markerStatus: StatusWords.status(ofMarker: found.marker), words: "",
                                 wordStatus: nil, range: source.range(found.slice))
            rest = found.rest
        }
        // Status words after the text (`Ship it (IN PROGRESS)`, `... — DONE`)
        // join the marker, so that a contradiction shows; the text keeps them.
        let parts = headingParts(rest)
        if parts.statusAfterName, let words = parts.status, words.wordStatus != nil {
            if var marked = status {
                marked.words = words.words
                marked.wordStatus = words.wordStatus
                status = marked
            } else {
                status = words
            }
        }
        var title: String?
        var text = rest
        if source.find("**", in: rest) == rest.start,
           let close = source.find("**", in: rest, from: rest.start + 2), close > rest.start + 2 {
            title = source.text(LineSlice(line: rest.line, start: rest.start + 2, end: close))
            text = source.trimmed(rest.from(close + 2))
        }
        var options: [NextStep.Option] = []
        var children: [RawMarkdown] = []
        for child in entry.children {
            if options.isEmpty && tree[child].kind == .list {
                options = listEntries(child).map(option)
            } else {
                children.append(raw([child], dedent: entry.contentIndent))
            }
        }
        return NextStep(number: entry.number, listMarker: entry.marker, status: status, title: title, text: source.text(text),
                        continuation: texts(entry.continuation), options: options, children: children,
                        range: entry.range)
    }

    /// `Option A: Wait for Phase 1 completion`.
    private func option(_ entry: ListEntry) -> NextStep.Option {
        let text = entry.headline.map { source.text($0) } ?? ""
        var label: String?
        var detail = text
        if text.lowercased().hasPrefix("option "), let colon = text.firstIndex(of: ":") {
            label = String(text[..<colon])
            detail = String(text[text.index(after: colon)...]).trimmingSpaces()
        }
        return NextStep.Option(text: text, label: label, detail: detail,
                               continuation: texts(entry.continuation), children: rawChildren(entry),
                               range: entry.range)
    }
}
