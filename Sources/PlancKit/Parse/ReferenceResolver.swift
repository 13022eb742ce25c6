extension PlanParser {
    /// Points references at what they name: phase agents at agents (by ID,
    /// slug or name), dependencies at phases, services or tasks. What names
    /// nothing stays unresolved for the checker to report.
    mutating func resolveReferences() {
        var agentsByKey: [String: String] = [:]
        for index in plan.agents.indices {
            let slug = plan.agents[index].slug
            agentsByKey[slug] = slug
            agentsByKey[plan.agents[index].name.lowercased()] = slug
            if let id = plan.agents[index].id { agentsByKey[id.lowercased()] = slug }
        }
        // Only dependencies can name tasks; most plans list few.
        let hasDependencies = plan.phases.contains { !$0.dependencies.isEmpty }
        var taskIDs = Set<String>()
        if hasDependencies {
            for agent in plan.agents.indices { for task in plan.agents[agent].tasks.indices { taskIDs.insert(plan.agents[agent].tasks[task].id) } }
            for phase in plan.phases.indices { for task in plan.phases[phase].tasks.indices { taskIDs.insert(plan.phases[phase].tasks[task].id) } }
        }
        for phaseIndex in plan.phases.indices {
            for index in plan.phases[phaseIndex].agents.indices {
                let text = plan.phases[phaseIndex].agents[index].text
                plan.phases[phaseIndex].agents[index].agent =
                    agentsByKey[text.lowercased()] ?? agentsByKey[Slug.agent(text)]
            }
            for index in plan.phases[phaseIndex].dependencies.indices {
                let name = plan.phases[phaseIndex].dependencies[index].name
                plan.phases[phaseIndex].dependencies[index].target = target(of: name, taskIDs: taskIDs)
            }
        }
    }

    private func target(of name: String, taskIDs: Set<String>) -> Dependency.Target? {
        let lower = name.lowercased().trimmingSpaces()
        if lower.hasPrefix("phase "), let number = Int(lower.dropFirst(6).prefix { $0.isNumber }) {
            return plan.phases.contains { $0.number == number } ? .phase(number) : nil
        }
        for service in plan.services {
            let serviceName = service.name.lowercased()
            if serviceName == lower || serviceName.split(separator: " ").first.map(String.init) == lower
                || (service.kind != .other && service.kind.rawValue == lower) {
                return .service(name: service.name)
            }
        }
        let slug = Slug.make(name)
        if taskIDs.contains(slug) { return .task(id: slug) }
        return nil
    }
}
