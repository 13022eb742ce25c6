struct DuplicateAgent: Rule {
    static let description = RuleDescription(
        code: "PLAN005", alias: "duplicate-agent", family: .structure, severity: .error,
        summary: "Two agents share an ID or a name.",
        what: "Checks that no two agents have the same Agent ID, or names that make the same slug.",
        why: "Phases, claims and devlog entries name agents by ID or slug; a shared one points at two agents.",
        fix: "Give each agent its own name and ID, or merge the two sections.",
        passing: ["## Active Agents\n\n### Alpha (Agent ID: a1)\n\n### Beta (Agent ID: b2)\n"],
        failing: ["## Active Agents\n\n### Alpha (Agent ID: a1)\n\n↓### Beta (Agent ID: a1)\n\n↓### Alpha Agent\n"])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        // Indexes, not agents: copying an agent per entry costs more than
        // the whole check on a plan of a hundred thousand.
        var byID: [String: Int] = [:]
        var bySlug: [String: Int] = [:]
        let agents = context.plan.agents
        byID.reserveCapacity(agents.count)
        bySlug.reserveCapacity(agents.count)
        for (index, agent) in agents.enumerated() {
            let id = agent.id?.lowercased()
            if let id, let first = byID[id].map({ agents[$0] }) {
                findings.append(Finding(
                    range: agent.heading.range, message: "agent ID `\(agent.id!)` is also \(first.name)'s",
                    help: "give each agent its own ID",
                    related: [RelatedLocation(range: first.heading.range, message: "first used here")]))
            } else if let first = bySlug[agent.slug].map({ agents[$0] }) {
                findings.append(Finding(
                    range: agent.heading.range, message: "agent `\(agent.name)` has the same name as `\(first.name)` (`\(agent.slug)`)",
                    help: "give each agent its own name",
                    related: [RelatedLocation(range: first.heading.range, message: "first used here")]))
            }
            if let id, byID[id] == nil { byID[id] = index }
            if bySlug[agent.slug] == nil { bySlug[agent.slug] = index }
        }
        return findings
    }
}
