struct UnknownProgressTask: Rule {
    static let description = RuleDescription(
        code: "PLAN008", alias: "unknown-progress-task", family: .structure, severity: .error,
        summary: "A progress item names a task the agent does not have.",
        what: "Checks that every `Task <n>:` progress item has a task numbered n in the agent's task list.",
        why: "A task's status comes from its progress item; an item for a missing task is progress on nothing, and the real task stays pending.",
        fix: "Number the progress item after the task it reports on, or add the task.",
        passing: ["## Active Agents\n\n### A\n**Progress:**\n- ✅ Task 1: Rate limiting (DONE)\n\n**Tasks:**\n1. **Rate Limiting** (1h) - HIGH\n"],
        failing: ["## Active Agents\n\n### A\n**Progress:**\n↓- ✅ Task 2: Rate limiting (DONE)\n\n**Tasks:**\n1. **Rate Limiting** (1h) - HIGH\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.agents.flatMap { agent in
            agent.progress.compactMap { item -> Finding? in
                guard let number = item.taskNumber, item.taskID == nil else { return nil }
                let count = agent.tasks.count
                return Finding(range: item.range, message: "\(agent.name) has no Task \(number)",
                               help: count == 0 ? "add the task to the agent's **Tasks:** list"
                                   : "the agent's tasks are numbered 1 to \(count)")
            }
        }
    }
}
