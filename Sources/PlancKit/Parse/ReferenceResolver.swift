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
        // Only dependencies can name tasks, and plans list few: the task IDs
        // they could name are looked for among all tasks, rather than every
        // task ID (hundreds of thousands in a large plan) going into a set.
        let lookups = plan.phases.map { phase in phase.dependencies.map { lookup(of: $0.name) } }
        var wanted = Set<String>()
        for case .perhapsTask(let slug) in lookups.joined() { wanted.insert(slug) }
        var taskIDs = Set<String>()
        if !wanted.isEmpty {
            for agent in plan.agents.indices {
                for task in plan.agents[agent].tasks.indices where wanted.contains(plan.agents[agent].tasks[task].id) {
                    taskIDs.insert(plan.agents[agent].tasks[task].id)
                }
            }
            for phase in plan.phases.indices {
                for task in plan.phases[phase].tasks.indices where wanted.contains(plan.phases[phase].tasks[task].id) {
                    taskIDs.insert(plan.phases[phase].tasks[task].id)
                }
            }
        }
        for phaseIndex in plan.phases.indices {
            for index in plan.phases[phaseIndex].agents.indices {
                let text = plan.phases[phaseIndex].agents[index].text
                plan.phases[phaseIndex].agents[index].agent =
                    agentsByKey[text.lowercased()] ?? agentsByKey[Slug.agent(text)]
            }
            for (index, lookup) in lookups[phaseIndex].enumerated() {
                switch lookup {
                case .found(let target): plan.phases[phaseIndex].dependencies[index].target = target
                case .unresolved: plan.phases[phaseIndex].dependencies[index].target = nil
                case .perhapsTask(let slug):
                    if taskIDs.contains(slug) {
                        plan.phases[phaseIndex].dependencies[index].target = .task(id: slug)
                    } else {
                        // Not the report's: outside it, unless it nearly
                        // matches a task or service of the report (a typo).
                        let name = plan.phases[phaseIndex].dependencies[index].name
                        let near = nearMatch(slug, name: name)
                        let namesTask = name.trimmingSpaces().hasPrefix("#")
                        plan.phases[phaseIndex].dependencies[index].target = near == nil && !namesTask ? .external : nil
                        plan.phases[phaseIndex].dependencies[index].suggestion = near
                    }
                }
            }
        }
    }

    /// A task ID or service name within two edits of `slug`, if exactly
    /// one is.
    private func nearMatch(_ slug: String, name: String) -> String? {
        guard slug.count >= 4 else { return nil }
        var candidates = Set(plan.allTaskIDs)
        for service in plan.services { candidates.insert(Slug.make(service.name)) }
        let near = candidates.filter { abs($0.count - slug.count) <= 2 && editDistance($0, slug) <= 2 }
        return near.count == 1 ? near.first : nil
    }

    /// The letters of a short name such as `m7` (`m`), or nil.
    static func shortNamePrefix(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        let letters = trimmed.prefix { $0.isLetter }
        let digits = trimmed.dropFirst(letters.count)
        guard (1...3).contains(letters.count), !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return String(letters)
    }

    private enum Lookup {
        case found(Dependency.Target)
        /// `Phase 9` where the plan has no phase 9.
        case unresolved
        /// Not a phase or service: the task with this ID, if there is one.
        case perhapsTask(slug: String)
    }

    /// What a dependency names: a phase (`Phase 2`, or by its name or the
    /// short name before its colon: `M1` for `M1: Dual-write ledger`), a
    /// service, else perhaps a task. `#id` names a task.
    private func lookup(of name: String) -> Lookup {
        let lower = name.lowercased().trimmingSpaces()
        if lower.hasPrefix("#") { return .perhapsTask(slug: String(lower.dropFirst())) }
        for phase in plan.phases {
            guard let number = phase.number else { continue }
            let short = phase.name.split(separator: ":").first.map { String($0).lowercased().trimmingSpaces() }
            let headingShort = phase.heading.text.split(separator: ":").first.map { String($0).lowercased().trimmingSpaces() }
            if phase.name.lowercased() == lower || short == lower || headingShort == lower {
                return .found(.phase(number))
            }
        }
        // `Phase 2`, `Batch 1`, `Milestone 3`: phases by number, whatever
        // word the report uses for them.
        if let number = PhaseNames.number(inHeading: name) {
            return plan.phases.contains { $0.number == number } ? .found(.phase(number)) : .unresolved
        }
        // `Phase 2.5`, or `M7` where the phases are M1 to M3: a phase by its
        // shape that the report does not have.
        if PhaseNames.numbers(name).map({ $0.1 != nil }) == true { return .unresolved }
        if let prefix = Self.shortNamePrefix(lower),
           plan.phases.contains(where: { Self.shortNamePrefix(String($0.heading.text.lowercased().split(separator: ":").first ?? "")) == prefix }) {
            return .unresolved
        }
        for service in plan.services {
            let serviceName = service.name.lowercased()
            if serviceName == lower || serviceName.split(separator: " ").first.map(String.init) == lower
                || (service.kind != .other && service.kind.rawValue == lower) {
                return .found(.service(name: service.name))
            }
        }
        return .perhapsTask(slug: Slug.make(name))
    }
}
