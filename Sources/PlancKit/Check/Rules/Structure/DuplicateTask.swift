struct DuplicateTask: Rule {
    static let description = RuleDescription(
        code: "PLAN006", alias: "duplicate-task", family: .structure, severity: .error,
        summary: "Two tasks have the same ID.",
        what: "Checks that task IDs (the title's slug, or an explicit `` `#id` ``) are unique among the agents' tasks, and that no two phases list the same task.",
        why: "Claims, progress events and devlog entries name tasks by ID; a shared ID makes two tasks one.",
        fix: "Rename one task, or give it an explicit ID: `**Rate Limiting** `#rate-limiting-api``.",
        passing: ["## Active Agents\n\n### A\n**Tasks:**\n1. **Rate Limiting** (1h) - HIGH\n2. **Indexes** (1h) - LOW\n"],
        failing: [
            "## Active Agents\n\n### A\n**Tasks:**\n1. **Rate Limiting** (1h) - HIGH\n2. **↓Rate limiting** (2h) - LOW\n",
            "## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n- **Tasks:** Docs, ↓docs\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: [String: SourceRange] = [:]
        seen.reserveCapacity(context.agentTaskCount)
        context.forEachAgentTask { task in
            if let first = seen[task.id] {
                findings.append(duplicate(task.id, at: task.titleRange, first: first))
            } else {
                seen[task.id] = task.titleRange
            }
        }
        var listed: [String: SourceRange] = [:]
        for phase in context.plan.phases {
            for task in phase.tasks {
                if let first = listed[task.id] {
                    findings.append(duplicate(task.id, at: task.range, first: first))
                } else {
                    listed[task.id] = task.range
                }
            }
        }
        return findings
    }

    private func duplicate(_ id: String, at range: SourceRange, first: SourceRange) -> Finding {
        Finding(range: range, message: "task ID `\(id)` is used twice",
                help: "rename the task or give it an explicit `` `#id` ``",
                related: [RelatedLocation(range: first, message: "first used here")])
    }
}
