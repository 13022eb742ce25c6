struct IdleRunningAgent: Rule {
    static let description = RuleDescription(
        code: "PLAN018", alias: "idle-running-agent", family: .consistency, severity: .warning,
        summary: "An agent is running but nothing of its work is in progress.",
        what: "Checks that an agent whose status is running has a task or progress item in progress.",
        why: "A running agent with nothing in progress is either idle (its status is stale) or working on something the report does not show.",
        fix: "Mark the task the agent works on as in progress, or change the agent's status.",
        passing: ["## Active Agents\n\n### A\n**Status:** 🟢 RUNNING\n**Progress:**\n- 🟡 Task 1: One (IN PROGRESS)\n\n**Tasks:**\n1. **One** (1h) - HIGH\n"],
        failing: ["## Active Agents\n\n### A\n**Status:** ↓🟢 RUNNING\n**Progress:**\n- ✅ Task 1: One (DONE)\n\n**Tasks:**\n1. **One** (1h) - HIGH\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.agents.compactMap { agent in
            // An agent whose work carries no status (a bare task list) gives
            // nothing to compare with.
            guard let status = agent.status, status.status == .running,
                  agent.tasks.contains(where: { $0.marker != nil || $0.wordStatus != nil })
                    || agent.progress.contains(where: { $0.status != nil }),
                  !agent.tasks.contains(where: { $0.status == .inProgress }),
                  !agent.progress.contains(where: { $0.status?.status == .inProgress }) else { return nil }
            return Finding(range: status.range, message: "\(agent.name) is running, but none of its work is in progress",
                           help: "mark the task it works on as in progress, or update its status")
        }
    }
}
