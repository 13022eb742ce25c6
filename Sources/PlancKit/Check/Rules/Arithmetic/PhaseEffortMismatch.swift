struct PhaseEffortMismatch: Rule {
    static let description = RuleDescription(
        code: "PLAN013", alias: "phase-effort-mismatch", family: .arithmetic, severity: .warning,
        summary: "The tasks of the agents working on a phase do not add up to the phase's effort.",
        what: "For each phase, adds up the task efforts of the agents whose current task is in that phase, and compares the sum with the phase's `Effort`.",
        why: "A phase's effort is its budget; the tasks doing it should fill it, neither more nor less.",
        fix: "Correct the phase's effort, or the tasks of its agents.",
        passing: ["## Active Agents\n\n### A\n**Current Task:** Phase 1 - Start (4 hours)\n**Tasks:**\n1. **One** (4h) - HIGH\n\n## Phase Plan\n\n### Phase 1: Start (1 day) - IN PROGRESS\n- **Effort:** 4 hours\n"],
        failing: ["## Active Agents\n\n### A\n**Current Task:** Phase 1 - Start (4 hours)\n**Tasks:**\n1. **One** (4h) - HIGH\n\n## Phase Plan\n\n### Phase 1: Start (1 day) - IN PROGRESS\n- **Effort:** ↓6 hours\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.phases.compactMap { phase in
            guard let number = phase.number, let effort = phase.effort, let budget = effort.value?.hours else { return nil }
            let working = context.plan.agents.filter { $0.currentTask?.phaseNumber == number && !$0.tasks.isEmpty }
            guard !working.isEmpty else { return nil }
            var sum = 0.0
            for agent in working {
                guard let hours = Hours.sum(agent.tasks) else { return nil }
                sum += hours
            }
            guard abs(sum - budget) > 1e-9 else { return nil }
            let names = working.map(\.name).joined(separator: ", ")
            return Finding(range: effort.range,
                           message: "Phase \(number) has an effort of \(Hours.text(budget)), the tasks of \(names) add up to \(Hours.text(sum))",
                           help: "make the phase's effort and its agents' tasks agree")
        }
    }
}
