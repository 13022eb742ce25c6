extension PlanParser {
    /// The Phase Plan section: one phase per heading that names one
    /// (`### Phase <n>: ...`, `#### Batch 2`), per row of a table of phases,
    /// or per list item named `Phase <n>`; other sub-sections are kept.
    mutating func parsePhases(_ items: [TopItem]) -> [Section.Item] {
        let (intro, parts) = subsections(items)
        var result = readPhaseBlocks(intro)
        for (headingNode, body) in parts {
            let text = source.text(headingSlice(headingNode))
            guard PhaseNames.startsPhase(text) else {
                if let (number, sub) = PhaseNames.numbers(text), let sub {
                    note(.unread, "`\(text)` is not read as a phase: phase numbers are whole numbers "
                         + "(`Phase \(number).\(sub)` names a task of phase \(number) in a list)", headingNode)
                }
                if fieldParts(body, plainKeys: Self.phaseKeys).contains(where: { part in
                    if case .key(let key, _, _, _) = part { return Self.phaseKeys.contains(key.normalisedKey) }
                    return false
                }) {
                    note(.unread, "`\(text)` has a phase's keys but names no phase: planc reads a phase from a heading "
                         + "named `Phase <n>:` (or Batch, Milestone, Stage)", headingNode)
                }
                result.append(.raw(raw([headingNode], dedent: 0)))
                result += readPhaseBlocks(body)
                continue
            }
            plan.phases.append(phase(headingNode, body: body))
            result.append(.phase(plan.phases.count - 1))
        }
        return result
    }

    /// `### Phase 1: Production Blockers (1-2 days) - IN PROGRESS`.
    private func phase(_ headingNode: Int, body: [TopItem]) -> Phase {
        let parts = headingParts(headingSlice(headingNode), phaseWord: true)
        let number = parts.number
        let status = parts.status
        var duration: Parsed<Duration>?
        if let quantity = parts.quantity {
            let text = source.text(quantity)
            duration = Parsed(text: text, value: QuantityParsing.duration(text), range: source.range(quantity))
        }
        let rest = parts.name
        let heading = self.heading(headingNode)
        var range = heading.range
        if let last = body.last { range = range.union(rangeOfItem(last)) }
        var phase = Phase(number: number, name: source.text(rest), heading: heading, range: range)
        phase.duration = duration
        phase.status = status
        readPhaseFields(parts, into: &phase)

        let shaped = readPhaseBody(body, into: &phase)
        let canonicalHeading = level(headingNode) == 3 && MarkdownRenderer.phaseHeading(phase) == "### " + heading.text
        if !canonicalHeading || shaped {
            phase.written.verbatim = verbatim(heading: headingNode, body: body)
        }
        return phase
    }

    /// Reads a phase's keys, and the tasks listed in its body, into it.
    /// Returns whether it used a shape planc does not write itself (plain
    /// keys, task lists), so that the phase is rendered as written.
    func readPhaseBody(_ items: [TopItem], leading: [FieldPart] = [], into phase: inout Phase) -> Bool {
        var taskLists: [[ListEntry]] = []
        var taken = Set<String>()
        /// The first key for a field wins; a synonym after it stays an
        /// unknown key, kept as written.
        func first(_ field: String) -> Bool { taken.insert(field).inserted }
        var written = phase.written
        let fields = leading + fieldParts(items, plainKeys: Self.phaseKeys)
        let (layout, extras) = collectFields(fields, written: &written) { key, continuation, list in
            let value = key.value
            switch key.normalisedKey {
            case "agent", "agents", "owner", "owners", "assigned to", "assignee":
                guard first("agents") else { return nil }
                phase.agentsText = source.text(value)
                phase.agents = agentReferences(value)
                return "agents"
            case "effort", "estimate":
                guard first("effort") else { return nil }
                phase.effort = parsedEffort(value)
                return "effort"
            case "status", "state":
                guard let note = fieldStatus(value), first("status") else { return nil }
                phase.statusNote = note
                return "status"
            case "blocker", "blockers", "blocked by":
                guard first("blocker") else { return nil }
                phase.blocker = Located(source.text(value), range: source.range(value))
                return "blocker"
            case "tasks", "work items", "items":
                if key.value.isEmpty, let found = list.map(entries) ?? listLines(continuation), first("tasks") {
                    taskLists.append(found)
                    return "tasks"
                }
                guard continuation.isEmpty, !key.value.isEmpty, first("tasks") else { return nil }
                phase.tasksText = source.text(value)
                phase.tasks = source.split(value, separators: [0x2C]).map(phaseTask)
                return "tasks"
            case "dependencies", "depends on", "dependency", "waiting for", "waiting on", "requires",
                 "prerequisites":
                guard continuation.isEmpty, first("dependencies") else { return nil }
                phase.dependenciesText = source.text(value)
                phase.dependencies = dependencies(value)
                return "dependencies"
            case "blocks":
                guard continuation.isEmpty, first("blocks") else { return nil }
                phase.blocksText = source.text(value)
                phase.blocks = source.split(value, separators: [0x2C]).map(dependency)
                return "blocks"
            default:
                return nil
            }
        }
        phase.layout = layout
        phase.extras = extras
        phase.written = written
        for list in taskLists { phase.tasks += list.map { phaseTask(self.task($0)) } }
        // A list or table of tasks in the phase's body, under no key, and
        // task items among its keys.
        var readBody = false
        // The entries of each list that items come from, read once a list.
        var entriesOfList: [Int: [ListEntry]] = [:]
        for part in fields {
            if case .raw(_, let item?) = part {
                let list = Int(tree[item].parent)
                if entriesOfList[list] == nil { entriesOfList[list] = listEntries(list) }
                if let entry = entriesOfList[list]?.first(where: { $0.node == item }), let task = taskItem(entry) {
                    phase.tasks.append(phaseTask(task))
                    readBody = true
                }
                continue
            }
            guard case .block(let node) = part else { continue }
            if tree[node].kind == .list {
                phase.tasks += listEntries(node).map { phaseTask(self.task($0)) }
                readBody = true
            } else if tree[node].kind == .table, let table = taskTable(node) {
                phase.tasks += table.map(phaseTask)
                readBody = true
            }
        }
        // The Status key is the phase's status when its heading has none.
        if phase.status == nil, let note = phase.statusNote, note.status != nil {
            phase.status = note
            phase.statusFromNote = true
        }
        return readBody || !taskLists.isEmpty || !written.plainKeys.isEmpty
    }

    /// The task an item reads as, when it has a box, a marker, a `Phase
    /// n.m` name, an effort or status words; nil for other items.
    func taskItem(_ entry: ListEntry) -> PlanTask? {
        guard let headline = entry.headline else { return nil }
        let task = self.task(entry)
        if entry.taskState != .none || source.leadingMarker(headline) != nil || task.phaseNumber != nil { return task }
        return task.effort != nil || task.wordStatus != nil ? task : nil
    }

    /// `Search Agent + Index Agent`, `A, B and C`, `A & B`.
    func agentReferences(_ value: LineSlice) -> [AgentReference] {
        source.split(value, separators: [0x2C], words: true).map {
            AgentReference(text: source.text($0), agent: nil, range: source.range($0))
        }
    }

    static let phaseKeys: Set<String> = [
        "agent", "agents", "owner", "owners", "assigned to", "assignee", "effort", "estimate", "status",
        "blocker", "blockers", "blocked by", "tasks", "work items", "dependencies", "depends on", "dependency",
        "waiting for", "waiting on", "requires", "prerequisites", "blocks", "duration",
    ]

    /// A task of a list or table, as a phase's task.
    func phaseTask(_ task: PlanTask) -> PhaseTask {
        var status = task.marker
        if let words = task.wordStatus {
            status = StatusValue(text: (task.marker.map { $0.text + " " } ?? "") + words.text, marker: task.marker?.marker,
                                 markerStatus: task.marker?.markerStatus, words: words.words,
                                 wordStatus: words.wordStatus, range: task.marker.map { $0.range.union(words.range) } ?? words.range)
        }
        var phaseTask = PhaseTask(id: task.id, title: task.title, status: status, holder: nil, range: task.range)
        phaseTask.effort = task.effort
        phaseTask.assignee = task.assignee
        phaseTask.priority = task.priority
        phaseTask.dependsOn = task.dependsOn
        return phaseTask
    }

    /// A name with an optional status in parentheses: `Redis (✅ ready)`.
    /// Parentheses that do not hold a status stay part of the name
    /// (`Test fixes (41 tests)`).
    private func nameAndStatus(_ slice: LineSlice) -> (name: LineSlice, status: StatusValue?) {
        guard source.at(slice, slice.end - 1) == 0x29, let open = source.findLast("(", in: slice) else {
            return (slice, nil)
        }
        let inner = LineSlice(line: slice.line, start: open + 1, end: slice.end - 1)
        guard let status = statusValue(inner), status.marker != nil || status.wordStatus != nil,
              status.marker != nil || wordStatus(of: status.words) != nil,
              !status.words.contains(where: \.isNumber) else {
            return (slice, nil)
        }
        return (source.trimmed(slice.upTo(open)), status)
    }

    func phaseTask(_ slice: LineSlice) -> PhaseTask {
        let (name, status) = nameAndStatus(slice)
        let title = source.text(name)
        var id = Slug.make(title)
        if let span = source.codeSpans(in: name).first(where: { source.text($0.inner).hasPrefix("#") }) {
            id = String(source.text(span.inner).dropFirst())
        }
        let holder = status.flatMap { PlanParser.progressDetails("(" + $0.words + ")").holder }
        return PhaseTask(id: id, title: title, status: status, holder: holder, range: source.range(slice))
    }

    /// A comma list of dependencies; `none` (or `-`, `n/a`) is none.
    func dependencies(_ value: LineSlice) -> [Dependency] {
        let text = source.text(value).lowercased().trimmingSpaces()
        if ["none", "-", "—", "n/a", "no", "nothing"].contains(text) { return [] }
        return source.split(value, separators: [0x2C]).map(dependency)
    }

    func dependency(_ slice: LineSlice) -> Dependency {
        let (name, status) = nameAndStatus(slice)
        return Dependency(text: source.text(slice), name: source.text(name), status: status, target: nil,
                          range: source.range(slice))
    }
}
