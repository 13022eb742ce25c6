struct PhaseEffortMismatch: Rule {
    static let description = RuleDescription(
        code: "PLAN013", alias: "phase-effort-mismatch", family: .arithmetic, severity: .warning,
        summary: "The tasks of the agents working on a phase do not add up to the phase's effort.",
        what: "For each phase, adds up the efforts of the tasks listed under it (when every one has an effort), else the task efforts of the agents whose current task is in that phase, and compares the sum with the phase's `Effort`. A range (`4-6h`) agrees with any sum inside it.",
        why: "A phase's effort is its budget; the tasks doing it should fill it, neither more nor less.",
        fix: "Correct the phase's effort, or the tasks of its agents.",
        passing: ["## Active Agents\n\n### A\n**Current Task:** Phase 1 - Start (4 hours)\n**Tasks:**\n1. **One** (4h) - HIGH\n\n## Phase Plan\n\n### Phase 1: Start (1 day) - IN PROGRESS\n- **Effort:** 4 hours\n"],
        failing: [
            "## Active Agents\n\n### A\n**Current Task:** Phase 1 - Start (4 hours)\n**Tasks:**\n1. **One** (4h) - HIGH\n\n## Phase Plan\n\n### Phase 1: Start (1 day) - IN PROGRESS\n- **Effort:** ↓6 hours\n",
            "## Phase Plan\n\n### Phase 1: Build (1 day) - IN PROGRESS\n- **Effort:** ↓10h\n- [ ] A - 2h\n- [ ] B - 3h\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.phases.compactMap { phase in
            guard let effort = phase.effort, let budget = effort.value else { return nil }
            // The phase's own tasks, when each has an effort.
            let own = phase.tasks.compactMap { $0.effort?.value?.hours }
            if !phase.tasks.isEmpty && own.count == phase.tasks.count {
                let sum = own.reduce(0, +)
                guard sum < budget.minHours - 1e-9 || sum > budget.hours + 1e-9 else { return nil }
                return Finding(range: effort.range,
                               message: "\(phase.number.map { "Phase \($0)" } ?? phase.name) has an effort of \(effort.text), its tasks add up to \(Hours.text(sum))",
                               help: "make the phase's effort and its tasks agree")
            }
            guard let number = phase.number else { return nil }
            let budgetHours = budget.hours
            let working = context.plan.agents.filter { $0.currentTask?.phaseNumber == number && !$0.tasks.isEmpty }
            guard !working.isEmpty else { return nil }
            var sum = 0.0
            for agent in working {
                guard let hours = Hours.sum(agent.tasks) ?? Hours.knownSum(agent.tasks, over: budgetHours) else { return nil }
                sum += hours
            }
            guard sum < budget.minHours - 1e-9 || sum > budgetHours + 1e-9 else { return nil }
            let names = working.map(\.name).joined(separator: ", ")
            return Finding(range: effort.range,
                           message: "Phase \(number) has an effort of \(Hours.text(budgetHours)), the tasks of \(names) add up to \(Hours.text(sum))",
                           help: "make the phase's effort and its agents' tasks agree")
        }
    }
}
