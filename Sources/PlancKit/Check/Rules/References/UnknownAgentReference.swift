struct UnknownAgentReference: Rule {
    static let description = RuleDescription(
        code: "PLAN009", alias: "unknown-agent", family: .references, severity: .error,
        summary: "A phase names an agent the report does not have.",
        what: "Checks that every agent in a phase's `Agent` key is one of the report's agents, by ID, slug or name.",
        why: "Phase ownership decides who may claim what; an unknown name leaves the phase without an owner.",
        fix: "Use the agent's name as in its `###` heading, its slug, or its ID.",
        passing: ["## Active Agents\n\n### Backend-Node-Optimizer (Agent ID: aa13444)\n\n## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n- **Agent:** aa13444 + Backend-Node-Optimizer\n"],
        failing: ["## Active Agents\n\n### Backend-Node-Optimizer\n\n## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n- **Agent:** Backend-Node-Optimizer + ↓Frontend\n"])

    func check(_ context: CheckContext) -> [Finding] {
        // A report that lists no agents (a roadmap) names teams and people
        // as owners; there is nothing to resolve them against.
        guard !context.plan.agents.isEmpty else { return [] }
        let names = context.plan.agents.map(\.name).joined(separator: ", ")
        return context.plan.phases.flatMap { phase in
            phase.agents.filter { $0.agent == nil }.map {
                Finding(range: $0.range, message: "no agent is called `\($0.text)`",
                        help: names.isEmpty ? "the report has no agents" : "the report's agents: \(names)")
            }
        }
    }
}
