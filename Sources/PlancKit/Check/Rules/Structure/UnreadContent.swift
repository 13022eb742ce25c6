struct UnreadContent: Rule {
    static let description = RuleDescription(
        code: "PLAN032", alias: "unread-content", family: .structure, severity: .warning,
        summary: "Content in a plan section that planc could not read.",
        what: "Reports a table or list inside the agents, phases or tasks sections that gave planc nothing, and an agent without a status.",
        why: "A validator that passes what it did not read is worse than none: a table of agents planc skipped is a table nothing checks.",
        fix: "Write the block in a shape planc reads (docs/plan-format.md lists them), or move it out of the section.",
        passing: [
            "## Active Agents\n\n| Agent | Status |\n| --- | --- |\n| Search | RUNNING |\n",
            "## Active Agents\n\n| Command | Does |\n| --- | --- |\n| `planc claim` | takes a task |\n",
        ],
        failing: [
            "## Active Agents\n\n↓| Owner | Status |\n| --- | --- |\n| Search | RUNNING |\n",
            "## Active Agents\n\n↓### Search Agent\n**Started:** 2025-12-11 10:00\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.notes.compactMap { note in
            switch note.kind {
            case .unread, .agentWithoutStatus:
                return Finding(range: note.range, message: note.message,
                               help: "docs/plan-format.md lists the shapes planc reads")
            case .repeatedSection:
                return nil
            }
        }
    }
}
