struct NothingRead: Rule {
    static let description = RuleDescription(
        code: "PLAN033", alias: "nothing-read", family: .structure, severity: .error,
        summary: "The report has plan sections, but planc read no agent, phase or task from them.",
        what: "Checks that a report whose agents, phases or tasks sections hold content gives at least one agent, phase or task.",
        why: "A report planc cannot read at all would otherwise pass every check: nothing read, nothing wrong.",
        fix: "Write the agents, phases or tasks in a shape planc reads (docs/plan-format.md lists them).",
        passing: ["## Active Agents\n\n### Search\n**Status:** 🟢 RUNNING\n"],
        failing: ["## Active Agents\n\n↓Search is running, Index is waiting.\n"])

    func check(_ context: CheckContext) -> [Finding] {
        let plan = context.plan
        guard plan.agents.isEmpty, plan.phases.isEmpty, plan.tasks.isEmpty else { return [] }
        guard let section = plan.sections.first(where: { section in
            [.agents, .phases, .tasks].contains(section.kind) && section.items.contains { item in
                if case .raw(let raw) = item { return !raw.text.allSatisfy(\.isWhitespace) }
                return true
            }
        }) else { return [] }
        let range = section.items.lazy.compactMap { item -> SourceRange? in
            if case .raw(let raw) = item { return raw.range } else { return nil }
        }.first ?? section.range
        let name = section.heading.map { "`\($0.text)`" } ?? "the \(section.kind.displayName) section"
        return [Finding(range: range, message: "planc read no agent, phase or task from \(name)",
                        help: "docs/plan-format.md lists the shapes planc reads")]
    }
}
