extension PlanParser {
    /// The Agents section: text before the first `###`, then one agent per
    /// `###` heading.
    mutating func parseAgents(_ items: [TopItem]) -> [Section.Item] {
        let (intro, parts) = subsections(items)
        var result: [Section.Item] = intro.map { .raw(rawItem($0)) }
        let parser = self
        for agent in concurrentMap(parts, when: parts.count >= 64, { parser.agent($0.heading, body: $0.body) }) {
            plan.agents.append(agent)
            result.append(.agent(plan.agents.count - 1))
        }
        return result
    }

    /// `### Backend-Node-Optimizer (Agent ID: aa13444)` and its keys.
    private func agent(_ headingNode: Int, body: [TopItem]) -> Agent {
        let slice = headingSlice(headingNode)
        var nameSlice = slice
        var id: String?
        if let open = source.findLast("(", in: slice), source.at(slice, slice.end - 1) == 0x29 {
            let inner = source.trimmed(LineSlice(line: slice.line, start: open + 1, end: slice.end - 1))
            let innerText = source.text(inner)
            if let colon = innerText.firstIndex(of: ":"),
               innerText[..<colon].lowercased().replacingOccurrences(" ", "").hasSuffix("id") {
                id = String(innerText[innerText.index(after: colon)...]).trimmingSpaces()
                nameSlice = source.trimmed(slice.upTo(open))
            }
        }
        let name = source.text(nameSlice)
        let heading = self.heading(headingNode)
        var range = heading.range
        if let last = body.last { range = range.union(rangeOfItem(last)) }
        var agent = Agent(name: name, id: id, slug: Slug.agent(name), heading: heading, range: range)

        var progressList: OwnedList?
        var tasksList: OwnedList?
        let (layout, extras) = collectFields(fieldParts(body)) { key, _, list in
            switch key.normalisedKey {
            case "status":
                agent.status = source.statusValue(key.value)
                return "status"
            case "started":
                let text = source.text(key.value)
                agent.started = Parsed(text: text, value: QuantityParsing.dateTime(text), range: source.range(key.value))
                return "started"
            case "current task":
                agent.currentTask = currentTask(key.value)
                return "currentTask"
            case "progress":
                guard let list else { return nil }
                progressList = list
                return "progress"
            case "tasks":
                guard let list else { return nil }
                tasksList = list
                return "tasks"
            case "available for":
                agent.availableForText = source.text(key.value)
                agent.availableFor = source.split(key.value, separators: [0x2C]).map {
                    Located(source.text($0), range: source.range($0))
                }
                return "availableFor"
            default:
                return nil
            }
        }
        agent.layout = layout
        agent.extras = extras
        if let tasksList { agent.tasks = entries(tasksList).map(task) }
        if let progressList { agent.progress = entries(progressList).map(progressItem) }
        // A task's status comes from the progress item that links to it.
        for index in agent.progress.indices {
            guard let number = agent.progress[index].taskNumber,
                  let taskIndex = agent.tasks.firstIndex(where: { $0.number == number }) else { continue }
            agent.progress[index].taskID = agent.tasks[taskIndex].id
            if let status = agent.progress[index].status?.status {
                agent.tasks[taskIndex].status = status
            }
        }
        return agent
    }

    func rangeOfItem(_ item: TopItem) -> SourceRange {
        switch item {
        case .node(let node): return blockRange(node)
        case .gap(let first, let last): return source.range(lines: first, through: last)
        }
    }

    /// `Phase 1 - Production Blockers (8 hours)`.
    private func currentTask(_ value: LineSlice) -> CurrentTask {
        var rest = value
        var phaseNumber: Int?
        let text = source.text(value)
        if text.lowercased().hasPrefix("phase ") {
            var offset = value.start + 6
            var digits = ""
            while let byte = source.at(value, offset), byte >= 0x30 && byte <= 0x39 {
                digits.append(Character(Unicode.Scalar(byte)))
                offset += 1
            }
            if let number = Int(digits) {
                phaseNumber = number
                while let byte = source.at(value, offset), byte == 0x20 || byte == 0x2D || byte == 0x3A {
                    offset += 1
                }
                rest = value.from(offset)
            }
        }
        var effort: Parsed<Effort>?
        if source.at(rest, rest.end - 1) == 0x29, let open = source.findLast("(", in: rest) {
            let inner = source.trimmed(LineSlice(line: rest.line, start: open + 1, end: rest.end - 1))
            let innerText = source.text(inner)
            if innerText.contains(where: \.isNumber) {
                effort = Parsed(text: innerText, value: QuantityParsing.effort(innerText, hoursPerDay: options.hoursPerDay),
                                range: source.range(inner))
                rest = source.trimmed(rest.upTo(open))
            }
        }
        return CurrentTask(text: text, phaseNumber: phaseNumber, name: source.text(rest), effort: effort,
                           range: source.range(value))
    }

    /// `- 🟡 Task 1: Implementing rate limiting (IN PROGRESS)`.
    private func progressItem(_ entry: ListEntry) -> ProgressItem {
        let headline = entry.headline ?? LineSlice(line: Int(tree[entry.node].startLine), start: 0, end: 0)
        var status: StatusValue?
        var rest = headline
        if entry.taskState != .none {
            let box = entry.taskState == .checked ? "[x]" : "[ ]"
            let words = source.text(headline)
            status = StatusValue(text: words, marker: box, markerStatus: StatusWords.status(ofMarker: box),
                                 words: words, wordStatus: StatusWords.status(ofWords: words),
                                 range: source.range(headline))
        } else if let found = source.leadingMarker(headline) {
            status = source.statusValue(headline, marker: found)
            rest = found.rest
        }
        let text = source.text(rest)
        let (percent, holder) = Self.progressDetails(text)
        return ProgressItem(status: status, text: text, taskNumber: taskNumber(rest),
                            taskID: nil, percent: percent, holder: holder, continuation: texts(entry.continuation),
                            children: rawChildren(entry), range: entry.range)
    }

    /// `40%` and `held by <agent>` among the comma-separated parts of the
    /// closing parenthesis: `(IN PROGRESS, 40%, held by docs-writer)`.
    static func progressDetails(_ text: String) -> (percent: Int?, holder: String?) {
        // On the UTF-8 view: every progress item comes through here, and
        // the separators and `held by` are ASCII.
        let utf8 = text.utf8
        guard utf8.last == UInt8(ascii: ")"), let open = utf8.lastIndex(of: UInt8(ascii: "(")) else { return (nil, nil) }
        var percent: Int?
        var holder: String?
        for part in text[utf8.index(after: open)..<utf8.index(before: utf8.endIndex)].split(separator: ",") {
            let piece = part.trimmingSpaces()
            if piece.utf8.last == UInt8(ascii: "%"), let value = Int(piece.dropLast()), (0...100).contains(value) {
                percent = value
            } else if piece.utf8.starts(with: "held by ".utf8, by: { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) {
                holder = String(piece.dropFirst("held by ".count)).trimmingSpaces()
            }
        }
        return (percent, holder)
    }

    /// `Task 2: ...` or `Task 2 - ...` at the start.
    private func taskNumber(_ slice: LineSlice) -> Int? {
        // "task " in any case, tested on the bytes: most items are not numbered.
        for (offset, letter) in "task".utf8.enumerated() {
            guard let byte = source.at(slice, slice.start + offset), byte | 0x20 == letter else { return nil }
        }
        guard source.at(slice, slice.start + 4) == 0x20 else { return nil }
        let text = source.text(slice)
        let digits = text.dropFirst(5).prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        let after = text.dropFirst(5 + digits.count).first
        guard after == nil || after == ":" || after == " " || after == "." || after == "-" else { return nil }
        return number
    }

    /// `1. **Rate Limiting** (4h) - CRITICAL` and its steps.
    private func task(_ entry: ListEntry) -> PlanTask {
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

        // The title: bold, else the text up to its effort or priority.
        var title: LineSlice
        var after: LineSlice
        var bold = false
        if source.find("**", in: rest) == rest.start,
           let close = source.find("**", in: rest, from: rest.start + 2), close > rest.start + 2 {
            title = LineSlice(line: rest.line, start: rest.start + 2, end: close)
            after = source.trimmed(rest.from(close + 2))
            bold = true
        } else {
            let cut = [source.find(" (", in: rest), source.find(" - ", in: rest)].compactMap { $0 }.min() ?? rest.end
            title = source.trimmed(rest.upTo(cut))
            after = source.trimmed(rest.from(cut))
        }

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
        if source.at(after, after.start) == 0x28, let close = source.find(")", in: after) {
            let inner = source.trimmed(LineSlice(line: after.line, start: after.start + 1, end: close))
            let text = source.text(inner)
            effort = Parsed(text: text, value: QuantityParsing.effort(text, hoursPerDay: options.hoursPerDay),
                            range: source.range(inner))
            after = source.trimmed(after.from(close + 1))
        }

        var priority: Parsed<PlanTask.Priority>?
        var trailing: String?
        if let dash = dashPrefix(after) {
            let word = source.trimmed(after.from(after.start + dash))
            var wordEnd = word.start
            while let byte = source.at(word, wordEnd), byte != 0x20, byte != 0x2C, byte != 0x2E { wordEnd += 1 }
            let priorityText = source.text(word.upTo(wordEnd))
            priority = Parsed(text: priorityText, value: PlanTask.Priority(rawValue: priorityText.uppercased()),
                              range: source.range(word.upTo(wordEnd)))
            after = source.trimmed(word.from(wordEnd))
        }
        if !after.isEmpty { trailing = source.text(after) }

        let titleText = source.text(title)
        var steps: [PlanTask.Step] = []
        var before: [RawMarkdown] = []
        var afterSteps: [RawMarkdown] = []
        var stepsFound = false
        for child in entry.children {
            if !stepsFound && tree[child].kind == .list {
                stepsFound = true
                steps = listEntries(child).map(step)
            } else if stepsFound {
                afterSteps.append(raw([child], dedent: entry.contentIndent))
            } else {
                before.append(raw([child], dedent: entry.contentIndent))
            }
        }
        return PlanTask(id: explicitID ?? Slug.make(titleText), hasExplicitID: explicitID != nil,
                        number: entry.number, title: titleText, boldTitle: bold, titleRange: source.range(title),
                        effort: effort, priority: priority, marker: marker,
                        status: marker?.status ?? .pending, trailing: trailing,
                        continuation: texts(entry.continuation), steps: steps, before: before,
                        after: afterSteps, range: entry.range)
    }

    /// The length of a leading ` - `, `–` or `—` separator, if any.
    func dashPrefix(_ slice: LineSlice) -> Int? {
        for dash in ["- ", "– ", "— "] where source.find(dash, in: slice) == slice.start {
            return dash.utf8.count
        }
        return nil
    }

    private func step(_ entry: ListEntry) -> PlanTask.Step {
        let text = entry.headline.map { source.text($0) } ?? ""
        let checked: Bool? = entry.taskState == .none ? nil : entry.taskState == .checked
        return PlanTask.Step(text: text, checked: checked, continuation: texts(entry.continuation),
                             children: rawChildren(entry), range: entry.range)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    public func trimmingSpaces() -> String {
        String(Substring(self).trimmingSpaces())
    }

    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return text
    }
}
