struct UnreadableQuantity: Rule {
    static let description = RuleDescription(
        code: "PLAN014", alias: "unreadable-quantity", family: .arithmetic, severity: .error,
        summary: "An effort or a duration cannot be read.",
        what: "Checks that every task effort, current-task effort, phase effort and phase duration is a number with a unit.",
        why: "Efforts that cannot be read cannot be added up or compared, so the arithmetic checks skip them silently.",
        fix: "Write efforts as `4h`, `1.5 hours`, `30m` or `2d`, durations as `1-2 days`, `1 week` or `4h`.",
        passing: ["## Phase Plan\n\n### Phase 1: A (1-2 days) - PENDING\n- **Effort:** 8 hours\n"],
        failing: [
            "## Phase Plan\n\n### Phase 1: A (↓3 fortnights) - PENDING\n- **Effort:** ↓a lot\n",
            "## Active Agents\n\n### A\n**Tasks:**\n1. **One** (↓4) - HIGH\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        func effort(_ value: Parsed<Effort>?, _ what: String) {
            guard let value, value.value == nil else { return }
            findings.append(Finding(range: value.range, message: "cannot read the \(what) `\(value.text)`",
                                    help: "write hours with a unit: `4h`, `1.5 hours`, `30m`, `2d`"))
        }
        for agent in context.plan.agents { effort(agent.currentTask?.effort, "current task's effort") }
        context.forEachAgentTask { effort($0.effort, "effort") }
        for phase in context.plan.phases {
            if let duration = phase.duration, duration.value == nil {
                findings.append(Finding(range: duration.range, message: "cannot read the duration `\(duration.text)`",
                                        help: "write a number or range with a unit: `1-2 days`, `1 week`, `4h`"))
            }
            effort(phase.effort, "phase's effort")
            for task in phase.tasks { effort(task.effort, "effort") }
        }
        return findings
    }
}
