struct EffortMismatch: Rule {
    static let description = RuleDescription(
        code: "PLAN012", alias: "effort-mismatch", family: .arithmetic, severity: .error,
        summary: "An agent's task efforts do not add up to its current task's effort.",
        what: "Adds up the efforts of an agent's tasks and compares the sum with the effort of its `Current Task`.",
        why: "The current task's effort is what the plan promises; tasks that add up to something else mean one of them is wrong.",
        fix: "Correct the task efforts or the current task's effort so that they agree.",
        passing: ["## Active Agents\n\n### A\n**Current Task:** Phase 1 - Start (5 hours)\n**Tasks:**\n1. **One** (4h) - HIGH\n2. **Two** (60m) - LOW\n"],
        failing: ["## Active Agents\n\n### A\n**Current Task:** Phase 1 - Start (↓8 hours)\n**Tasks:**\n1. **One** (4h) - HIGH\n2. **Two** (3h) - LOW\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.agents.compactMap { agent in
            guard let effort = agent.currentTask?.effort, let promised = effort.value?.hours,
                  let sum = Hours.sum(agent.tasks) ?? Hours.knownSum(agent.tasks, over: promised),
                  abs(sum - promised) > 1e-9 else { return nil }
            return Finding(range: effort.range,
                           message: "\(agent.name)'s tasks add up to \(Hours.text(sum)), its current task says \(Hours.text(promised))",
                           help: "make the task efforts and the current task's effort agree")
        }
    }
}

/// Effort sums and their wording in messages.
enum Hours {
    /// The sum of the efforts of an agent's own tasks, or nil when there
    /// are none or one cannot be read (that is another rule's finding).
    /// Tasks of a Tasks section that name the agent are its backlog, not the
    /// work of its current task. Visited in place, not filtered into a copy.
    static func sum(_ tasks: [PlanTask]) -> Double? {
        var total = 0.0
        var counted = 0
        for index in tasks.indices where tasks[index].place == .agentList {
            guard let hours = tasks[index].effort?.value?.hours else { return nil }
            total += hours
            counted += 1
        }
        return counted == 0 ? nil : total
    }

    /// The sum of the efforts that can be read, when it alone passes
    /// `limit`: tasks without an effort cannot bring it back down.
    static func knownSum(_ tasks: [PlanTask], over limit: Double) -> Double? {
        var known = 0.0
        for index in tasks.indices where tasks[index].place == .agentList {
            known += tasks[index].effort?.value?.hours ?? 0
        }
        return known > limit + 1e-9 ? known : nil
    }

    static func text(_ hours: Double) -> String {
        let number = hours == hours.rounded() ? String(Int(hours)) : String(hours)
        return number + (hours == 1 ? " hour" : " hours")
    }
}
