/// Agents, phases and tasks written as tables and lists rather than under
/// headings. Such blocks stay in the section as written (they render back
/// unchanged); what they hold is added to the model. A table or list that
/// looks like content but gives nothing is noted, never passed in silence.
extension PlanParser {
    // MARK: Agents

    static let agentNameColumns = ["agent", "name", "agent name", "agents"]

    /// Blocks of the Agents section that are not under an agent's heading.
    mutating func readAgentBlocks(_ items: [TopItem]) -> [Section.Item] {
        var result: [Section.Item] = []
        for item in items {
            let before = plan.agents.count
            defer { result.append(plan.agents.count > before ? .read(rawItem(item)) : .raw(rawItem(item))) }
            guard case .node(let node) = item else { continue }
            switch tree[node].kind {
            case .table:
                let agents = tableAgents(node)
                if agents.isEmpty && tableLooksLikeContent(node) {
                    note(.unread, "a table under \(sectionName) that gave no agent: planc reads agents from a column "
                         + "named Agent or Name", node)
                }
                plan.agents += agents
            case .list:
                let (agents, unread) = listAgents(node)
                if agents.isEmpty && looksLikeContent(node) {
                    note(.unread, "a list under \(sectionName) that gave no agent: planc reads an agent from an item "
                         + "that starts with its name in bold (`- **Search Agent** (ID: b71c2d0): RUNNING`), or "
                         + "names one with a status (`- Search Agent: RUNNING`)", node)
                } else if !agents.isEmpty {
                    for item in unread {
                        note(.unread, "an item of a list of agents that planc did not read as an agent: it names "
                             + "no agent with an ID or a status", item)
                    }
                }
                plan.agents += agents
            default:
                continue
            }
        }
        return result
    }

    /// `| Agent | ID | Status | Current Task |`: an agent per row.
    private func tableAgents(_ node: Int) -> [Agent] {
        guard let table = tableRows(node), let nameColumn = table.column(Self.agentNameColumns) else { return [] }
        let idColumn = table.column(["id", "agent id"])
        let statusColumn = table.column(["status", "state"])
        let taskColumn = table.column(["current task", "task", "working on", "current"])
        let startedColumn = table.column(["started", "start"])
        var agents: [Agent] = []
        for (line, cells) in table.rows where nameColumn < cells.count {
            let parts = headingParts(unbolded(cells[nameColumn]))
            let name = source.text(parts.name)
            guard !name.isEmpty else { continue }
            let rowRange = source.range(lines: line, through: line)
            var agent = Agent(name: name, id: nil, slug: Slug.agent(name),
                              heading: Heading(text: source.text(cells[nameColumn]), level: 0, range: source.range(cells[nameColumn])),
                              range: rowRange)
            readHeadingFields(parts, into: &agent)
            for (column, cell) in cells.enumerated() where column != nameColumn && !cell.isEmpty {
                switch column {
                case idColumn: agent.id = source.text(source.unwrappedCode(cell))
                case statusColumn: agent.status = fieldStatus(cell)
                case taskColumn: agent.currentTask = currentTask(cell)
                case startedColumn:
                    let text = source.text(cell)
                    agent.started = Parsed(text: text, value: QuantityParsing.dateTime(text), range: source.range(cell))
                default:
                    if column < table.header.count {
                        agent.attributes.append(Attribute(key: table.header[column], value: source.text(cell),
                                                          range: source.range(cell)))
                    }
                }
            }
            agents.append(agent)
        }
        return agents
    }

    /// `- **Search Agent** (ID: b71c2d0): 🟢 RUNNING` with its keys nested,
    /// `- Search Agent: RUNNING`, `- Search Agent (ID: b71c2d0) — RUNNING`.
    /// Returns the agents and the items that read as none.
    private func listAgents(_ node: Int) -> (agents: [Agent], unread: [Int]) {
        var agents: [Agent] = []
        var unread: [Int] = []
        for entry in listEntries(node) {
            if let agent = listAgent(entry) { agents.append(agent) } else { unread.append(entry.node) }
        }
        return (agents, unread)
    }

    private func listAgent(_ entry: ListEntry) -> Agent? {
        guard let headline = entry.headline else { return nil }
        var nameSlice: LineSlice
        var rest: LineSlice
        if source.find("**", in: headline) == headline.start,
           let close = source.find("**", in: headline, from: headline.start + 2), close > headline.start + 2 {
            nameSlice = source.trimmed(LineSlice(line: headline.line, start: headline.start + 2, end: close))
            if source.at(nameSlice, nameSlice.end - 1) == 0x3A { nameSlice = source.trimmed(nameSlice.upTo(nameSlice.end - 1)) }
            rest = source.trimmed(headline.from(close + 2))
        } else if let colon = source.find(": ", in: headline), colon - headline.start <= 60,
                  source.find("(", in: headline.upTo(colon)) == nil,
                  let value = statusValue(source.trimmed(headline.from(colon + 1))), value.status != nil {
            // `Alpha Agent: 🟢 RUNNING`
            nameSlice = source.trimmed(headline.upTo(colon))
            rest = source.trimmed(headline.from(colon + 1))
        } else {
            // `Reviewer Agent (ID: r2) — RUNNING`: a name with an ID or a status.
            let parts = headingParts(headline)
            guard parts.statusAfterName || parts.bareWord != nil || parts.fields.contains(where: { $0.key.hasSuffix("id") })
            else { return nil }
            nameSlice = headline
            rest = headline.from(headline.end)
        }
        guard !Self.agentKeys.contains(source.text(nameSlice).lowercased()) else { return nil }
        if source.at(rest, rest.start) == 0x3A { rest = source.trimmed(rest.from(rest.start + 1)) }
        let nameParts = headingParts(nameSlice)
        let name = source.text(nameParts.name)
        guard !name.isEmpty else { return nil }
        var agent = Agent(name: name, id: nil, slug: Slug.agent(name),
                          heading: Heading(text: source.text(headline), level: 0, range: source.range(headline)),
                          range: entry.range)
        readHeadingFields(nameParts, into: &agent)
        readHeadingFields(headingParts(rest), into: &agent)
        if agent.status == nil, !rest.isEmpty, let value = statusValue(rest), value.status != nil {
            agent.status = value
        }
        let children = entry.children.map { TopItem.node($0) }
        _ = readAgentFields(continuationKeys(entry.continuation, plainKeys: Self.agentKeys)
                                + fieldParts(children, plainKeys: Self.agentKeys), into: &agent)
        return agent
    }

    // MARK: Phases

    /// Blocks of the Phase Plan that are not under a phase's heading: tables
    /// of phases, lists of items named `Phase <n>`, and tasks named
    /// `Phase <n>.<m>` for the phases above them.
    mutating func readPhaseBlocks(_ items: [TopItem]) -> [Section.Item] {
        var result: [Section.Item] = []
        for item in items {
            var read = false
            defer { result.append(read ? .read(rawItem(item)) : .raw(rawItem(item))) }
            guard case .node(let node) = item else { continue }
            switch tree[node].kind {
            case .table:
                let phases = tablePhases(node)
                read = !phases.isEmpty
                if phases.isEmpty && tableLooksLikeContent(node) {
                    note(.unread, "a table under \(sectionName) that gave no phase: planc reads phases from a column "
                         + "named Phase, Milestone, Batch or Name", node)
                }
                plan.phases += phases
            case .list:
                let count = listPhases(node)
                read = count > 0
                if count == 0 && looksLikeContent(node) {
                    note(.unread, "a list under \(sectionName) that gave no phase: planc reads a phase from an item "
                         + "named `Phase <n>:` (or Batch, Milestone, Stage), or with a status", node)
                }
            default:
                continue
            }
        }
        return result
    }

    /// `| Phase | Status | Effort | Agent |`: a phase per row.
    private func tablePhases(_ node: Int) -> [Phase] {
        guard let table = tableRows(node),
              let nameColumn = table.column(["phase", "milestone", "batch", "stage", "sprint", "name", "phases"])
        else { return [] }
        // `| Phase | Name |`: the number in one column, the name in another.
        let titleColumn = table.header[nameColumn] == "name" ? nil : table.column(["name", "title"])
        let statusColumn = table.column(["status", "state"])
        let effortColumn = table.column(["effort", "estimate", "hours"])
        let durationColumn = table.column(["duration", "timeline", "eta"])
        let agentColumn = table.column(["agent", "agents", "owner", "owners", "assignee"])
        let dependencyColumn = table.column(["dependencies", "depends on", "dependency", "depends", "deps", "after",
                                             "blocked by"])
        let tasksColumn = table.column(["tasks", "items"])
        var phases: [Phase] = []
        for (position, (line, cells)) in table.rows.enumerated() where nameColumn < cells.count {
            let cell = unbolded(cells[nameColumn])
            let parts = headingParts(cell, phaseWord: true)
            var number = parts.number
            var name = source.text(parts.name)
            if number == nil, let value = Int(name) {
                // `| 3 |` under `Milestone`: Milestone 3.
                number = value
                let word = table.header[nameColumn]
                name = word.prefix(1).uppercased() + word.dropFirst() + " \(value)"
            }
            var phase = Phase(number: number ?? position + 1, name: name,
                              heading: Heading(text: source.text(cells[nameColumn]), level: 0, range: source.range(cell)),
                              range: source.range(lines: line, through: line))
            if parts.number != nil, parts.name.isEmpty { phase.name = source.text(cell) }
            if let titleColumn, titleColumn < cells.count, !cells[titleColumn].isEmpty {
                phase.name = source.text(unbolded(cells[titleColumn]))
            }
            phase.status = parts.status
            for (column, cell) in cells.enumerated() where column != nameColumn && column != titleColumn && !cell.isEmpty {
                let text = source.text(cell)
                switch column {
                case statusColumn: phase.status = fieldStatus(cell)
                case effortColumn: phase.effort = parsedEffort(cell)
                case durationColumn:
                    phase.duration = Parsed(text: text, value: QuantityParsing.duration(text), range: source.range(cell))
                case agentColumn:
                    phase.agentsText = text
                    phase.agents = agentReferences(cell)
                case dependencyColumn:
                    phase.dependenciesText = text
                    phase.dependencies = dependencies(cell)
                case tasksColumn:
                    phase.tasksText = text
                    phase.tasks = source.split(cell, separators: [0x2C]).map(phaseTask)
                default:
                    if column < table.header.count {
                        phase.attributes.append(Attribute(key: table.header[column], value: text, range: source.range(cell)))
                    }
                }
            }
            phases.append(phase)
        }
        return phases
    }

    /// Items named `Phase <n>` become phases, with their nested keys and
    /// tasks; items named `Phase <n>.<m>` are tasks of phase n. In a list
    /// where no item names a phase, items with a status are phases numbered
    /// in order (`- Design review - DONE` under `## Milestones`). Items read
    /// as nothing are noted when others were read. Returns how many items
    /// were read.
    private mutating func listPhases(_ node: Int) -> Int {
        var read = 0
        var unnumbered: [ListEntry] = []
        for entry in listEntries(node) {
            guard let headline = entry.headline, let (number, sub) = PhaseNames.numbers(source.text(headline)) else {
                unnumbered.append(entry)
                continue
            }
            if sub != nil {
                let task = self.task(entry)
                if let index = plan.phases.lastIndex(where: { $0.number == number }) {
                    plan.phases[index].tasks.append(phaseTask(task))
                } else {
                    plan.tasks.append(task)
                }
            } else {
                plan.phases.append(listPhase(entry, number: nil))
            }
            read += 1
        }
        if read == 0 {
            // Milestones without numbers: when items carry statuses, every
            // item is a phase, in order (one without a status has none).
            let withStatus = unnumbered.filter { entry in
                entry.taskState != .none || entry.headline.map { headingParts($0).status != nil } == true
            }
            guard !withStatus.isEmpty else { return 0 }
            for entry in unnumbered { plan.phases.append(listPhase(entry, number: plan.phases.count + 1)) }
            return unnumbered.count
        }
        for entry in unnumbered {
            note(.unread, "an item of a list of phases that planc did not read: it names no phase (`Phase <n>:`)",
                 entry.node)
        }
        return read
    }

    /// `- ✅ Phase 1: Pilot (1 week) - DONE` with its keys nested; `number`
    /// for an item that names none.
    private func listPhase(_ entry: ListEntry, number: Int?) -> Phase {
        let headline = entry.headline ?? LineSlice(line: Int(tree[entry.node].startLine), start: 0, end: 0)
        let parts = headingParts(headline, phaseWord: number == nil)
        var phase = Phase(number: number ?? parts.number, name: source.text(parts.name),
                          heading: Heading(text: source.text(headline), level: 0, range: source.range(headline)),
                          range: entry.range)
        phase.status = parts.status
        if entry.taskState != .none {
            // `- [x] Phase 2: Harness`: the box, and words if any.
            let box = entry.taskState == .checked ? "[x]" : "[ ]"
            let words = parts.status?.words ?? ""
            phase.status = StatusValue(text: box + (words.isEmpty ? "" : " " + words), marker: box,
                                       markerStatus: StatusWords.status(ofMarker: box), words: words,
                                       wordStatus: parts.status?.wordStatus, range: source.range(headline))
        }
        if let quantity = parts.quantity {
            let durationText = source.text(quantity)
            phase.duration = Parsed(text: durationText, value: QuantityParsing.duration(durationText),
                                    range: source.range(quantity))
        }
        readPhaseFields(parts, into: &phase)
        _ = readPhaseBody(entry.children.map { TopItem.node($0) },
                          leading: continuationKeys(entry.continuation, plainKeys: Self.phaseKeys), into: &phase)
        return phase
    }

    /// `(depends on Phase 1)`, `(Owner: Search)`, `(Effort: 4h)` beside a
    /// phase's name.
    func readPhaseFields(_ parts: HeadingParts, into phase: inout Phase) {
        for (key, value) in parts.fields {
            switch key {
            case "depends on", "dependencies", "after", "waiting for", "requires":
                phase.dependencies += dependencies(value)
            case "agent", "agents", "owner", "assignee":
                phase.agents += agentReferences(value)
            case "effort", "estimate":
                phase.effort = parsedEffort(value)
            default:
                phase.attributes.append(Attribute(key: key, value: source.text(value), range: source.range(value)))
            }
        }
    }

    // MARK: Tasks

    /// A Tasks section: tables and lists of tasks. A task that names an agent
    /// of the report becomes that agent's task, one named `Phase <n>.<m>`
    /// that phase's (`assignTasks`); the rest stay the plan's own.
    mutating func parseTaskSection(_ items: [TopItem]) -> [Section.Item] {
        let (intro, parts) = subsections(items)
        var result = readTaskBlocks(intro)
        // `### Write parser (4h) - DONE`: a task per heading, its keys
        // (`Status:`, `Effort:`, `Agent:`) under it.
        for (position, (heading, body)) in parts.enumerated() {
            let slice = headingSlice(heading)
            var task = self.task(ListEntry(node: heading, number: position + 1, taskState: .none, headline: slice,
                                           continuation: [], children: [], contentIndent: 0, range: blockRange(heading)))
            task.place = .taskSection
            task.written = WrittenForm()
            readTaskFields(fieldParts(body, plainKeys: Self.taskKeys), into: &task)
            plan.tasks.append(task)
            result.append(.read(raw([heading], dedent: 0)))
            result += body.map { .raw(rawItem($0)) }
        }
        return result
    }

    static let taskKeys: Set<String> = ["status", "state", "effort", "estimate", "agent", "assignee", "owner", "priority"]

    /// A task heading's keys.
    private func readTaskFields(_ parts: [FieldPart], into task: inout PlanTask) {
        for part in parts {
            guard case .key(let key, _, _, _) = part else { continue }
            switch key.normalisedKey {
            case "status", "state":
                task.wordStatus = fieldStatus(key.value)
                task.status = task.wordStatus?.status ?? task.status
            case "effort", "estimate": task.effort = parsedEffort(key.value)
            case "agent", "assignee", "owner": task.assignee = source.text(key.value)
            case "priority":
                let text = source.text(key.value)
                task.priority = Parsed(text: text, value: priority(of: text), range: source.range(key.value))
            default: break
            }
        }
    }

    /// Tables and lists of tasks.
    private mutating func readTaskBlocks(_ items: [TopItem]) -> [Section.Item] {
        var result: [Section.Item] = []
        for item in items {
            var tasks: [PlanTask] = []
            defer { result.append(tasks.isEmpty ? .raw(rawItem(item)) : .read(rawItem(item))) }
            guard case .node(let node) = item else { continue }
            switch tree[node].kind {
            case .table:
                tasks = taskTable(node) ?? []
                if tasks.isEmpty {
                    note(.unread, "a table under \(sectionName) that gave no task: planc reads tasks from a column named "
                         + "Task, Title or Name", node)
                }
            case .list:
                tasks = listEntries(node).map { self.task($0) }
            default:
                continue
            }
            for index in tasks.indices { tasks[index].place = .taskSection }
            plan.tasks += tasks
        }
        return result
    }

    /// `| Task | Agent | Effort | Priority | Status |`: a task per row.
    func taskTable(_ node: Int) -> [PlanTask]? {
        guard let table = tableRows(node),
              let titleColumn = table.column(["task", "title", "name", "item", "work item", "tasks"]) else { return nil }
        let idColumn = table.column(["id", "#"])
        let agentColumn = table.column(["agent", "assignee", "owner", "assigned to", "who"])
        let effortColumn = table.column(["effort", "estimate", "est", "hours", "size"])
        let priorityColumn = table.column(["priority", "prio", "pri"])
        let statusColumn = table.column(["status", "state"])
        let phaseColumn = table.column(["phase", "milestone", "batch", "sprint"])
        let dependsColumn = table.column(["dependencies", "depends on", "depends", "deps", "blocked by", "after"])
        var tasks: [PlanTask] = []
        for (position, (line, cells)) in table.rows.enumerated() where titleColumn < cells.count {
            var title = unbolded(cells[titleColumn])
            var phaseOfTitle: Int?
            if let (phase, sub) = PhaseNames.numbers(source.text(title)), sub != nil {
                // `Phase 7.1: Tokenizer`
                let parts = headingParts(title, phaseWord: true)
                phaseOfTitle = phase
                title = parts.name
            }
            let titleText = source.text(title)
            guard !titleText.isEmpty else { continue }
            let explicitID = idColumn.flatMap { $0 < cells.count ? source.text(source.unwrappedCode(cells[$0])) : nil }
                .flatMap { $0.hasPrefix("#") || $0.isEmpty || Int($0) != nil ? nil : $0 }
            var task = PlanTask(id: explicitID ?? Slug.make(titleText), hasExplicitID: explicitID != nil,
                                number: position + 1, title: titleText, boldTitle: false,
                                titleRange: source.range(title), effort: nil, priority: nil, marker: nil,
                                status: .pending, trailing: nil, range: source.range(lines: line, through: line))
            for (column, cell) in cells.enumerated() where column != titleColumn && !cell.isEmpty {
                let text = source.text(cell)
                switch column {
                case agentColumn: task.assignee = text
                case effortColumn: task.effort = parsedEffort(cell)
                case priorityColumn:
                    task.priority = Parsed(text: text, value: priority(of: text), range: source.range(cell))
                case statusColumn:
                    if let value = fieldStatus(cell) {
                        if value.marker != nil { task.marker = value } else { task.wordStatus = value }
                    }
                case phaseColumn:
                    task.phaseNumber = PhaseNames.numbers(text)?.0 ?? Int(text)
                case dependsColumn:
                    task.dependsOn = source.split(cell, separators: [0x2C]).map { source.text($0) }
                case idColumn: break
                default:
                    if column < table.header.count {
                        task.attributes.append(Attribute(key: table.header[column], value: text, range: source.range(cell)))
                    }
                }
            }
            if let phaseOfTitle, task.phaseNumber == nil { task.phaseNumber = phaseOfTitle }
            task.status = task.marker?.status ?? task.wordStatus?.status ?? .pending
            tasks.append(task)
        }
        return tasks
    }

    // MARK: Helpers

    /// A list that reads like plan content: items with markers, boxes,
    /// statuses or bold names, rather than prose.
    func looksLikeContent(_ list: Int) -> Bool {
        listEntries(list).contains { entry in
            guard let headline = entry.headline else { return false }
            return entry.taskState != .none || source.leadingMarker(headline) != nil
                || source.find("**", in: headline) == headline.start
        }
    }

    /// A table that reads like plan content: a Status column, or statuses
    /// in its cells. A table of commands or costs is prose.
    func tableLooksLikeContent(_ node: Int) -> Bool {
        guard let table = tableRows(node) else { return false }
        if table.column(["status", "state"]) != nil { return true }
        return table.rows.contains { row in
            row.cells.contains { cell in
                source.leadingMarker(cell).map { StatusWords.status(ofMarker: $0.marker) != nil } ?? false
            }
        }
    }

    mutating func note(_ kind: ReadingNote.Kind, _ message: String, _ node: Int) {
        plan.notes.append(ReadingNote(kind: kind, message: message, range: blockRange(node)))
    }

    /// A node's lines as written, heading to last block.
    func verbatim(heading: Int, body: [TopItem]) -> RawMarkdown {
        let first = Int(tree[heading].startLine)
        var last = tree.lastLine(of: heading)
        for item in body {
            switch item {
            case .node(let node): last = max(last, tree.lastLine(of: node))
            case .gap(_, let end): last = max(last, end)
            }
        }
        while last > first && source.isBlank(last) { last -= 1 }
        return rawLines(first, last)
    }
}
