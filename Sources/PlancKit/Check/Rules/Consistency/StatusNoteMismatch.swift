struct StatusNoteMismatch: Rule {
    static let description = RuleDescription(
        code: "PLAN019", alias: "status-note-mismatch", family: .consistency, severity: .warning,
        summary: "A phase's status note names a task whose status differs.",
        what: "When a phase's `Status` key names `Task <n>`, compares its status with the status of task n of the phase's agents.",
        why: "The note and the task list describe the same work; when they differ, one of them is stale.",
        fix: "Update the status note or the task's progress item.",
        passing: ["## Active Agents\n\n### A\n**Progress:**\n- 🟡 Task 1: One (IN PROGRESS)\n\n**Tasks:**\n1. **One** (1h) - HIGH\n\n## Phase Plan\n\n### Phase 1: P (1 day) - IN PROGRESS\n- **Agent:** A\n- **Status:** 🟡 Task 1 in progress\n"],
        failing: ["## Active Agents\n\n### A\n**Progress:**\n- ✅ Task 1: One (DONE)\n\n**Tasks:**\n1. **One** (1h) - HIGH\n\n## Phase Plan\n\n### Phase 1: P (1 day) - IN PROGRESS\n- **Agent:** A\n- **Status:** ↓🟡 Task 1 in progress\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.phases.compactMap { phase in
            guard let note = phase.statusNote, let noted = note.status,
                  let number = Self.taskNumber(in: note.words) else { return nil }
            let owners = Set(phase.agents.compactMap(\.agent))
            let agents = context.plan.agents.filter {
                owners.contains($0.slug) || (phase.number != nil && $0.currentTask?.phaseNumber == phase.number)
            }
            guard let (agent, task) = agents.lazy.compactMap({ agent in agent.task(number: number).map { (agent, $0) } }).first,
                  task.status != noted else { return nil }
            return Finding(range: note.range,
                           message: "the status note says Task \(number) is \(noted.rawValue), \(agent.name)'s task `\(task.title)` is \(task.status.rawValue)",
                           help: "update the status note or the task's progress item",
                           related: [RelatedLocation(range: task.range, message: "the task")])
        }
    }

    /// `Task 1` in the words of a note.
    static func taskNumber(in words: String) -> Int? {
        let tokens = words.split(separator: " ")
        for (index, token) in tokens.enumerated() where token.lowercased() == "task" && index + 1 < tokens.count {
            if let number = Int(tokens[index + 1].filter(\.isNumber)) { return number }
        }
        return nil
    }
}
