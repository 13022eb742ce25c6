struct InvalidDate: Rule {
    static let description = RuleDescription(
        code: "PLAN028", alias: "invalid-date", family: .dates, severity: .error,
        summary: "A date or time is not a real one, or cannot be read.",
        what: "Checks the title's date, agents' `Started` times and `Last Updated`: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM UTC`, all real.",
        why: "Dates order the report's events; `2025-02-30` or `yesterday` order nothing.",
        fix: "Write a real date and time in the formats above.",
        passing: ["# S - 2024-02-29\n\n## Active Agents\n\n### A\n**Started:** 2024-02-29 23:59\n\n---\n\n**Last Updated:** 2024-03-01 00:00 UTC\n"],
        failing: ["# S - ↓2025-02-30\n\n## Active Agents\n\n### A\n**Started:** ↓yesterday\n\n---\n\n**Last Updated:** ↓2025-12-11 24:00 UTC\n"])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        if let date = context.plan.date, date.value == nil {
            findings.append(Finding(range: date.range, message: "`\(date.text)` is not a real date",
                                    help: "write the date as YYYY-MM-DD"))
        }
        /// A date of the right shape that is no day (`2025-02-30`) is said
        /// to be so; any other text cannot be read.
        func problem(_ text: String, _ what: String) -> String {
            let head = String(text.prefix(10))
            return QuantityParsing.looksLikeDate(head) && QuantityParsing.date(head) == nil
                ? "\(what) `\(text)` is not a real date" : "cannot read \(what) `\(text)`"
        }
        for agent in context.plan.agents {
            if let started = agent.started, started.value == nil {
                findings.append(Finding(range: started.range, message: problem(started.text, "\(agent.name)'s start time"),
                                        help: "write it as YYYY-MM-DD HH:MM (UTC)"))
            }
        }
        if let updated = context.plan.lastUpdated, updated.value == nil {
            findings.append(Finding(range: updated.range, message: problem(updated.text, "the last update time"),
                                    help: "write it as YYYY-MM-DD HH:MM UTC"))
        }
        return findings
    }
}
