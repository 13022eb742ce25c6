struct MissingDate: Rule {
    static let description = RuleDescription(
        code: "PLAN002", alias: "missing-date", family: .structure, severity: .warning,
        summary: "The title does not end with the report's date.",
        what: "Checks that the title ends with ` - YYYY-MM-DD`.",
        why: "Readers and `planc diff` need to know which day the report describes.",
        fix: "Append the date to the title: `# Agent Coordination Status - 2025-12-11`.",
        passing: ["# Agent Coordination Status - 2025-12-11\n", "## No title here\n"],
        failing: ["↓# Agent Coordination Status\n"])

    func check(_ context: CheckContext) -> [Finding] {
        guard let title = context.plan.title, !title.isEmpty, context.plan.date == nil,
              let heading = context.plan.sections.first(where: { $0.kind == .title })?.heading else { return [] }
        return [Finding(range: heading.range, message: "the title has no date",
                        help: "end the title with ` - YYYY-MM-DD`")]
    }
}
