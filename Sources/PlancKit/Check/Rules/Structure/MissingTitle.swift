struct MissingTitle: Rule {
    static let description = RuleDescription(
        code: "PLAN001", alias: "missing-title", family: .structure, severity: .error,
        summary: "The report has no `#` title.",
        what: "Checks that the report starts with a level-one heading that names it.",
        why: "The title is how people and tools tell reports apart; without it the report's date has no place either.",
        fix: "Add a first line such as `# Agent Coordination Status - 2025-12-11`.",
        passing: ["# Agent Coordination Status - 2025-12-11\n"],
        failing: ["↓## Active Agents\n\n### Alpha\n**Status:** 🟢 RUNNING\n"])

    func check(_ context: CheckContext) -> [Finding] {
        guard (context.plan.title ?? "").isEmpty else { return [] }
        let range = context.plan.sections.first { $0.kind == .title }?.heading?.range ?? .startOfFile
        return [Finding(range: range, message: "the report has no title",
                        help: "start the report with `# <Title> - <YYYY-MM-DD>`")]
    }
}
