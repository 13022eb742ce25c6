extension MarkdownRenderer {
    /// `### Name (Agent ID: id)`, its keys as lines of one paragraph, the
    /// Progress and Tasks lists under their keys.
    static func renderAgent(_ agent: Agent) -> [RenderedBlock] {
        if let verbatim = agent.written.verbatim(for: agent) { return [.raw(verbatim.text)] }
        let heading = agentHeading(agent)
        var fields = KeyBlockWriter()
        let known: [(String, Bool)] = [
            ("status", agent.status != nil), ("started", agent.started != nil),
            ("currentTask", agent.currentTask != nil), ("progress", !agent.progress.isEmpty),
            ("tasks", agent.tasks.contains { $0.place == .agentList }),
            ("availableFor", agent.availableForText != nil),
        ]
        for slot in agent.layout + missing(in: agent.layout, known) {
            switch slot {
            case .known("status"):
                fields.line(agent.written.keyLine("status", canonical: "Status", agent.status?.text ?? ""))
            case .known("started"):
                fields.line(agent.written.keyLine("started", canonical: "Started", agent.started?.text ?? ""))
            case .known("currentTask"):
                fields.line(agent.written.keyLine("currentTask", canonical: "Current Task", agent.currentTask?.text ?? ""))
            case .known("agentID"):
                fields.line(agent.written.keyLine("agentID", canonical: "Agent ID", agent.idText ?? agent.id ?? ""))
            case .known("progress"):
                fields.line("**Progress:**", list: MarkdownBlocks.list(agent.progress.map(renderProgress)))
            case .known("tasks"):
                // Tasks of a Tasks section are written there; most agents have
                // none, and their list is not copied.
                let own = agent.tasks.contains { $0.place != .agentList }
                    ? agent.tasks.filter { $0.place == .agentList } : agent.tasks
                fields.line("**Tasks:**", list: renderTasks(own, tight: agent.tasksTight))
            case .known("availableFor"):
                fields.line(agent.written.keyLine("availableFor", canonical: "Available for", agent.availableForText ?? ""))
            case .known:
                break
            case .extra(let index):
                fields.extra(agent.extras[index])
            case .raw(let raw), .nested(let raw):
                fields.block(raw.text)
            }
        }
        return underHeading(heading, fields.finish())
    }

    /// `### Name (Agent ID: id)`, as planc writes it.
    static func agentHeading(_ agent: Agent) -> String {
        var heading = "### " + agent.name
        if let id = agent.id { heading += " (Agent ID: \(id))" }
        return heading
    }

    private static func renderProgress(_ item: ProgressItem) -> String {
        var headline = item.text
        if let marker = item.status?.marker { headline = marker + " " + headline }
        return MarkdownBlocks.item(marker: item.listMarker.text(number: 0), headline: headline, continuation: item.continuation,
                                   nested: item.children.map { [$0.text] } ?? [])
    }

    /// The ordered task list. Its first number must be 1 to follow the
    /// `**Tasks:**` line directly; otherwise a blank line comes first.
    private static func renderTasks(_ tasks: [PlanTask], tight: Bool?) -> String {
        let items = tasks.map(renderTask)
        // As written when known (a tight list with steps stays tight); planc's
        // own layout puts a blank line between tasks that have steps.
        let loose = items.contains(where: MarkdownBlocks.hasBlankLine) || (tight.map { !$0 }
            ?? tasks.contains { !$0.steps.isEmpty || !$0.before.isEmpty || !$0.after.isEmpty || !$0.continuation.isEmpty })
        let list = items.joined(separator: loose ? "\n\n" : "\n")
        return tasks.first?.number == 1 ? list : "\n" + list
    }

    private static func renderTask(_ task: PlanTask) -> String {
        var headline = ""
        if let marker = task.marker?.marker { headline += marker + " " }
        if let verbatim = task.written.verbatim(for: task) {
            return MarkdownBlocks.item(marker: task.listMarker.text(number: task.number), headline: headline + verbatim.text,
                                       continuation: task.continuation, nested: taskNested(task))
        }
        headline += task.boldTitle ? "**\(task.title)**" : task.title
        if task.hasExplicitID && !task.title.includes("`#\(task.id)`") { headline += " `#\(task.id)`" }
        if let effort = task.effort { headline += " (\(effort.text))" }
        if let priority = task.priority { headline += " - " + priority.text }
        if let trailing = task.trailing { headline += " " + trailing }
        return MarkdownBlocks.item(marker: task.listMarker.text(number: task.number), headline: headline.trimmingSpaces(),
                                   continuation: task.continuation, nested: taskNested(task))
    }

    private static func taskNested(_ task: PlanTask) -> [String] {
        var nested = task.before.map(\.text)
        if !task.steps.isEmpty {
            nested.append(MarkdownBlocks.list(task.steps.map { step in
                MarkdownBlocks.item(marker: step.listMarker.text(number: 0), headline: (step.checked.map { $0 ? "[x] " : "[ ] " } ?? "") + step.text,
                                    continuation: step.continuation, nested: step.children.map { [$0.text] } ?? [])
            }))
        }
        nested += task.after.map(\.text)
        return nested
    }
}
