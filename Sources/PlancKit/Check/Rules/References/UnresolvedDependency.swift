struct UnresolvedDependency: Rule {
    static let description = RuleDescription(
        code: "PLAN010", alias: "unresolved-dependency", family: .references, severity: .error,
        summary: "A dependency names nothing in the report.",
        what: "Checks that every dependency of a phase is an existing phase (`Phase <n>`), a service (by name, first word or kind) or a task ID.",
        why: "A dependency that resolves to nothing is never satisfied and never checked.",
        fix: "Name the phase by number, the service as in the Infrastructure section, or the task by its title.",
        passing: ["## Infrastructure\n\n**Redis Caching:** Running on `localhost:6379`\n\n## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n\n### Phase 2: B (1 day) - PENDING\n- **Dependencies:** Phase 1, Redis (✅ ready)\n"],
        failing: ["## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n- **Dependencies:** ↓Phase 4, ↓Postgres\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.phases.flatMap { phase in
            phase.dependencies.filter { $0.target == nil }.map { dependency in
                let isPhase = dependency.name.lowercased().hasPrefix("phase ")
                return Finding(range: dependency.range,
                               message: isPhase ? "there is no \(dependency.name)"
                                   : "`\(dependency.name)` is not a phase, service or task of this report",
                               help: isPhase ? "phases: \(context.plan.phases.compactMap(\.number).map { "Phase \($0)" }.joined(separator: ", "))"
                                   : "name a service as in the Infrastructure section, or a task by its title")
            }
        }
    }
}
