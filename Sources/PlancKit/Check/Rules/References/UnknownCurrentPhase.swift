struct UnknownCurrentPhase: Rule {
    static let description = RuleDescription(
        code: "PLAN011", alias: "unknown-current-phase", family: .references, severity: .error,
        summary: "An agent's current task, or a task, is in a phase that does not exist.",
        what: "Checks that the phase in `Current Task: Phase <n> - ...`, and the phase a task names (`Phase 9.1: ...`), is one of the report's phases, when the report has a phase plan.",
        why: "Efforts are checked against the current phase, and the phase's owners against its agents; a missing phase breaks both.",
        fix: "Point the current task at an existing phase, or add the phase.",
        passing: ["## Active Agents\n\n### A\n**Current Task:** Phase 1 - Start (2 hours)\n\n## Phase Plan\n\n### Phase 1: Start (1 day) - IN PROGRESS\n"],
        failing: ["## Active Agents\n\n### A\n**Current Task:** ↓Phase 2 - Start (2 hours)\n\n## Phase Plan\n\n### Phase 1: Start (1 day) - IN PROGRESS\n"])

    func check(_ context: CheckContext) -> [Finding] {
        let numbers = Set(context.plan.phases.compactMap(\.number))
        // Without a phase plan there is nothing to hold the numbers to.
        guard !numbers.isEmpty else { return [] }
        let help = "phases: \(numbers.sorted().map { "Phase \($0)" }.joined(separator: ", "))"
        var findings: [Finding] = context.plan.agents.compactMap { agent in
            guard let current = agent.currentTask, let number = current.phaseNumber, !numbers.contains(number)
            else { return nil }
            return Finding(range: current.range, message: "\(agent.name) works on Phase \(number), which the phase plan does not have",
                           help: help)
        }
        // Visited in place: a large report has hundreds of thousands of tasks.
        func visit(_ task: PlanTask) {
            guard let number = task.phaseNumber, !numbers.contains(number) else { return }
            findings.append(Finding(range: task.range, message: "task `\(task.title)` is in Phase \(number), which the phase plan does not have",
                                    help: help))
        }
        for agent in context.plan.agents.indices {
            for task in context.plan.agents[agent].tasks.indices { visit(context.plan.agents[agent].tasks[task]) }
        }
        for task in context.plan.tasks.indices { visit(context.plan.tasks[task]) }
        return findings
    }
}
