struct RepeatedSection: Rule {
    static let description = RuleDescription(
        code: "PLAN034", alias: "repeated-section", family: .structure, severity: .warning,
        summary: "A second section of a kind the report already has.",
        what: "Reports a second agents, phases, tasks, infrastructure, protocol, next steps or questions section.",
        why: "planc reads both as one; a second section is often an old copy left behind, whose contents then count twice.",
        fix: "Merge the two sections, or rename the second so that it is not read as plan content.",
        passing: ["## Active Agents\n\n## Phase Plan\n"],
        failing: ["## Active Agents\n\n↓## Agents\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.notes.compactMap { note in
            guard note.kind == .repeatedSection else { return nil }
            return Finding(range: note.range, message: note.message, help: "merge the sections into one")
        }
    }
}
