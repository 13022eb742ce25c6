struct MissingAgents: Rule {
    static let description = RuleDescription(
        code: "PLAN003", alias: "missing-agents", family: .structure, severity: .error,
        summary: "The report has no agents section.",
        what: "Checks that the report has an agents section (`Agents`, `Active Agents`, `Team`). Off unless `.planc.yml` turns it on (`rules: {missing-agents: error}`): a roadmap has no agents, and that is not an error.",
        why: "A coordination report without its agents says nothing about who works on what.",
        fix: "Add `## Active Agents` with one `### <Name> (Agent ID: <id>)` per agent.",
        enabledByDefault: false,
        passing: ["# S - 2025-12-11\n\n## Active Agents\n"],
        failing: ["↓# S - 2025-12-11\n\n## Phase Plan\n"])

    func check(_ context: CheckContext) -> [Finding] {
        guard !context.plan.sections.contains(where: { $0.kind == .agents }) else { return [] }
        return [Finding(range: .startOfFile, message: "the report has no agents section",
                        help: "add a `## Active Agents` section")]
    }
}
