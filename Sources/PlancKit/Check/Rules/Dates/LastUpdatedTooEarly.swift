struct LastUpdatedTooEarly: Rule {
    static let description = RuleDescription(
        code: "PLAN029", alias: "last-updated-too-early", family: .dates, severity: .error,
        summary: "The report was last updated before something it reports.",
        what: "Checks that `Last Updated` is not earlier than any agent's `Started` time, nor earlier than the title's date.",
        why: "A report cannot describe an agent that started after it was written: one of the times is wrong.",
        fix: "Update `Last Updated` when you update the report, or correct the start time.",
        passing: ["# S - 2025-12-11\n\n## Active Agents\n\n### A\n**Started:** 2025-12-11 16:37\n\n---\n\n**Last Updated:** 2025-12-11 16:37 UTC\n"],
        failing: ["# S - 2025-12-12\n\n## Active Agents\n\n### A\n**Started:** 2025-12-11 16:37\n\n---\n\n**Last Updated:** ↓↓2025-12-11 09:00 UTC\n"])

    func check(_ context: CheckContext) -> [Finding] {
        guard let updated = context.plan.lastUpdated, let time = updated.value else { return [] }
        var findings: [Finding] = []
        if let date = context.plan.date?.value, time.date < date {
            findings.append(Finding(range: updated.range, message: "last updated \(time), before the report's date \(date)",
                                    help: "update `Last Updated`, or correct the title's date"))
        }
        for agent in context.plan.agents {
            guard let started = agent.started, let start = started.value, time < start else { continue }
            findings.append(Finding(range: updated.range, message: "last updated \(time), before \(agent.name) started at \(start)",
                                    help: "update `Last Updated`, or correct the start time",
                                    related: [RelatedLocation(range: started.range, message: "\(agent.name) started here")]))
        }
        return findings
    }
}
