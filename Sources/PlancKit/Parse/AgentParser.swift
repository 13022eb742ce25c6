extension PlanParser {
    /// The Agents section: one agent per heading at the level of its items,
    /// per row of a table of agents, or per list item with a bold name.
    mutating func parseAgents(_ items: [TopItem]) -> [Section.Item] {
        let (intro, parts) = subsections(items)
        var result = readAgentBlocks(intro)
        let parser = self
        for agent in concurrentMap(parts, when: parts.count >= 64, { parser.agent($0.heading, body: $0.body) }) {
            plan.agents.append(agent)
            result.append(.agent(plan.agents.count - 1))
        }
        return result
    }

    static let agentKeys: Set<String> = [
        "status", "state", "started", "start", "current task", "working on", "current", "progress", "tasks",
        "available for", "agent id", "id", "priority", "type", "role", "model", "branch", "last heartbeat",
        "heartbeat", "last seen", "focus",
    ]

    /// `### Backend-Node-Optimizer (Agent ID: aa13444)`, `#### 2. Search
    /// Agent (ID: b71c2d0) (Priority: HIGH)`, and its keys.
    private func agent(_ headingNode: Int, body: [TopItem]) -> Agent {
        let parts = headingParts(headingSlice(headingNode))
        let name = source.text(parts.name)
        let heading = self.heading(headingNode)
        var range = heading.range
        if let last = body.last { range = range.union(rangeOfItem(last)) }
        var agent = Agent(name: name, id: nil, slug: Slug.agent(name), heading: heading, range: range)
        readHeadingFields(parts, into: &agent)

        let shaped = readAgentFields(fieldParts(body, plainKeys: Self.agentKeys), into: &agent)
        let canonical = level(headingNode) == 3 && !shaped
            && MarkdownRenderer.agentHeading(agent) == "### " + heading.text
        if !canonical { agent.written.verbatim = verbatim(heading: headingNode, body: body) }
        return agent
    }

    /// Reads an agent's keys into it. Returns whether it took a shape planc
    /// does not write itself (plain keys, a list read from a paragraph's
    /// lines), so that the agent is rendered as written.
    func readAgentFields(_ parts: [FieldPart], into agent: inout Agent) -> Bool {
        var progressEntries: [ListEntry]?
        var taskEntries: [ListEntry]?
        var linesAsList = false
        var taken = Set<String>()
        /// The first key for a field wins; a synonym after it stays an
        /// unknown key, kept as written.
        func first(_ field: String) -> Bool { taken.insert(field).inserted }
        var written = agent.written
        let (layout, extras) = collectFields(parts, written: &written) { key, continuation, list in
            switch key.normalisedKey {
            case "status", "state":
                guard first("status") else { return nil }
                agent.status = fieldStatus(key.value)
                return "status"
            case "started", "start":
                guard first("started") else { return nil }
                let text = source.text(key.value)
                agent.started = Parsed(text: text, value: QuantityParsing.dateTime(text), range: source.range(key.value))
                return "started"
            case "current task", "working on", "current":
                guard first("currentTask") else { return nil }
                agent.currentTask = currentTask(key.value)
                return "currentTask"
            case "progress", "tasks":
                let field = key.normalisedKey
                guard key.value.isEmpty, !taken.contains(field) else { return nil }
                var found = list.map(entries)
                if found == nil, let lines = listLines(continuation) {
                    // `**Tasks:**` and a list that cannot interrupt the
                    // paragraph (`3. ...`): its items are the paragraph's lines.
                    found = lines
                    linesAsList = true
                }
                guard let found else { return nil }
                taken.insert(field)
                if field == "progress" {
                    progressEntries = found
                } else {
                    taskEntries = found
                    // A tight list stays tight: blank lines between its items
                    // would make it loose, which renders differently.
                    agent.tasksTight = list.map { tree[$0.list].tight } ?? true
                }
                return field
            case "available for":
                guard first("availableFor") else { return nil }
                agent.availableForText = source.text(key.value)
                agent.availableFor = source.split(key.value, separators: [0x2C]).map {
                    Located(source.text($0), range: source.range($0))
                }
                return "availableFor"
            case "agent id", "id":
                guard agent.id == nil, !key.value.isEmpty, first("agentID") else { return nil }
                agent.id = source.text(source.unwrappedCode(key.value))
                agent.idText = source.text(key.value)
                return "agentID"
            default:
                return nil
            }
        }
        agent.layout = layout
        agent.extras = extras
        agent.written = written
        if let taskEntries { agent.tasks = taskEntries.map(task) }
        if let progressEntries { agent.progress = progressEntries.map(progressItem) }
        linkProgress(&agent)
        return !written.plainKeys.isEmpty || linesAsList
    }

    /// Lines of a paragraph that are list items (`3. Title`, `- Title`):
    /// entries as a list's would be, or nil when any line is not one.
    func listLines(_ lines: [LineSlice]) -> [ListEntry]? {
        var entries: [ListEntry] = []
        for line in lines {
            var offset = line.start
            var number: Int?
            while let byte = source.at(line, offset), byte >= 0x30 && byte <= 0x39 { offset += 1 }
            if offset > line.start, offset - line.start <= 9,
               let delimiter = source.at(line, offset), delimiter == 0x2E || delimiter == 0x29 {
                number = Int(source.text(line.upTo(offset)))
                offset += 1
            } else if let bullet = source.at(line, offset), bullet == 0x2D || bullet == 0x2A || bullet == 0x2B {
                offset += 1
            } else {
                return nil
            }
            guard source.at(line, offset) == 0x20 else { return nil }
            var headline = source.trimmed(line.from(offset))
            var state = BlockTree.TaskState.none
            if source.at(headline, headline.start) == 0x5B, source.at(headline, headline.start + 2) == 0x5D,
               let box = source.at(headline, headline.start + 1), box == 0x20 || box | 0x20 == 0x78 {
                state = box == 0x20 ? .unchecked : .checked
                headline = source.trimmed(headline.from(headline.start + 3))
            }
            let marker = number == nil ? ListMarker(bullet: Character(Unicode.Scalar(source.at(line, line.start) ?? 0x2D)), delimiter: ".")
                : ListMarker(bullet: nil, delimiter: source.at(line, line.start + String(number!).utf8.count) == 0x29 ? ")" : ".")
            entries.append(ListEntry(node: BlockTree.root, number: number ?? entries.count + 1, marker: marker, taskState: state,
                                     headline: headline, continuation: [], children: [], contentIndent: 0,
                                     range: source.range(line)))
        }
        return entries.isEmpty ? nil : entries
    }

    /// `(Agent ID: x)`, `(ID: x)`, `(x)` (an ID of letters and digits), a
    /// status, and other `(Key: value)` groups of an agent's heading.
    func readHeadingFields(_ parts: HeadingParts, into agent: inout Agent) {
        for (key, value) in parts.fields {
            let compact = key.replacingOccurrences(" ", "")
            if compact.hasSuffix("id") && agent.id == nil {
                agent.id = source.text(source.unwrappedCode(value))
            } else {
                agent.attributes.append(Attribute(key: key, value: source.text(value), range: source.range(value)))
            }
        }
        if agent.id == nil, let word = parts.bareWord { agent.id = source.text(word) }
        if let status = parts.status, agent.status == nil { agent.status = status }
        if let priority = parts.priority {
            agent.attributes.append(Attribute(key: "priority", value: source.text(priority), range: source.range(priority)))
        }
    }

    /// A task's status comes from the progress item that links to it.
    func linkProgress(_ agent: inout Agent) {
        for index in agent.progress.indices {
            guard let number = agent.progress[index].taskNumber,
                  let taskIndex = agent.tasks.firstIndex(where: { $0.number == number }) else { continue }
            agent.progress[index].taskID = agent.tasks[taskIndex].id
            if let status = agent.progress[index].status?.status {
                agent.tasks[taskIndex].status = status
            }
        }
    }

    func rangeOfItem(_ item: TopItem) -> SourceRange {
        switch item {
        case .node(let node): return blockRange(node)
        case .gap(let first, let last): return source.range(lines: first, through: last)
        }
    }

    /// `Phase 1 - Production Blockers (8 hours)`.
    func currentTask(_ value: LineSlice) -> CurrentTask {
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
                                 words: words, wordStatus: wordStatus(of: words),
                                 range: source.range(headline))
        } else if let found = source.leadingMarker(headline) {
            status = statusValue(headline, marker: found)
            rest = found.rest
        } else if let value = statusValue(headline), value.wordStatus != nil {
            // Words alone: `Task 1: Rate limiting (IN PROGRESS)`, `DONE: Task 5`.
            status = value
        }
        let text = source.text(rest)
        let (percent, holder) = Self.progressDetails(text)
        var item = ProgressItem(status: status, text: text, taskNumber: progressTaskNumber(rest),
                                taskID: nil, percent: percent, holder: holder, continuation: texts(entry.continuation),
                                children: rawChildren(entry), range: entry.range)
        item.listMarker = entry.marker
        return item
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

    /// `Task 2:` at the start, or after status words (`DONE: Task 5`).
    private func progressTaskNumber(_ slice: LineSlice) -> Int? {
        if let number = taskNumber(slice) { return number }
        guard let colon = source.find(": ", in: slice), colon < slice.start + 16 else { return nil }
        let words = source.text(slice.upTo(colon))
        guard wordStatus(of: words) != nil, words == words.uppercased() else { return nil }
        return taskNumber(source.trimmed(slice.from(colon + 1)))
    }

    /// `Task 2: ...` or `Task 2 - ...` at the start.
    func taskNumber(_ slice: LineSlice) -> Int? {
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

    /// The length of a leading ` - `, `–` or `—` separator, if any.
    func dashPrefix(_ slice: LineSlice) -> Int? {
        for dash in ["- ", "– ", "— "] where source.find(dash, in: slice) == slice.start {
            return dash.utf8.count
        }
        return nil
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
