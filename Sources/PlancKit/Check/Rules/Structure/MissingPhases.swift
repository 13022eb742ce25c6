struct MissingPhases: Rule {
    static let description = RuleDescription(
        code: "PLAN004", alias: "missing-phases", family: .structure, severity: .error,
        summary: "The report has no phase plan.",
        what: "Checks that the report has a phase plan (`Phase Plan`, `Phases`, `Roadmap`, `Milestones`). Off unless `.planc.yml` turns it on (`rules: {missing-phases: error}`).",
        why: "Agents' current tasks, efforts and dependencies refer to phases; without the plan they refer to nothing.",
        fix: "Add `## Phase Plan` with one `### Phase <n>: <Name> (<duration>) - <STATUS>` per phase.",
        enabledByDefault: false,
        passing: ["# S - 2025-12-11\n\n## Phase Plan\n"],
        failing: ["↓# S - 2025-12-11\n\n## Active Agents\n"])

    func check(_ context: CheckContext) -> [Finding] {
        guard !context.plan.sections.contains(where: { $0.kind == .phases }) else { return [] }
        return [Finding(range: .startOfFile, message: "the report has no phase plan",
                        help: "add a `## Phase Plan` section")]
    }
}
