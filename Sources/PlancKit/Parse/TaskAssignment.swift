extension PlanParser {
    /// Tasks of a Tasks section go where they belong: to the agent they name
    /// (by ID, slug or name), else to the phase they name (`Phase 2.1`);
    /// the rest stay the plan's own.
    mutating func assignTasks() {
        guard !plan.tasks.isEmpty else { return }
        var unassigned: [PlanTask] = []
        for task in plan.tasks {
            if let name = task.assignee, let agent = plan.agents.firstIndex(where: { agent in
                agent.slug == Slug.agent(name) || agent.id?.lowercased() == name.lowercased()
                    || agent.name.lowercased() == name.lowercased()
            }) {
                var task = task
                task.number = plan.agents[agent].tasks.count + 1
                plan.agents[agent].tasks.append(task)
            } else if task.place == .taskSection, let number = task.phaseNumber,
                      let phase = plan.phases.firstIndex(where: { $0.number == number }) {
                plan.phases[phase].tasks.append(phaseTask(task))
            } else {
                unassigned.append(task)
            }
        }
        plan.tasks = unassigned
    }

    /// Agents with no status anywhere: a note each, since a status report's
    /// agent without one is usually a status planc could not find.
    func agentsWithoutStatus() -> [ReadingNote] {
        plan.agents.filter { $0.status == nil }.map { agent in
            ReadingNote(kind: .agentWithoutStatus,
                        message: "agent `\(agent.name)` has no status: planc reads it from a Status key, a status "
                            + "in its heading, or a Status column",
                        range: agent.heading.range)
        }
    }

    /// Nodes kept as written remember their hash, so that the renderer
    /// writes them as written only while nothing changed them.
    mutating func takeFingerprints() {
        for agent in plan.agents.indices {
            for task in plan.agents[agent].tasks.indices where plan.agents[agent].tasks[task].written.verbatim != nil {
                plan.agents[agent].tasks[task].written.fingerprint = plan.agents[agent].tasks[task].hashValue
            }
            if plan.agents[agent].written.verbatim != nil {
                plan.agents[agent].written.fingerprint = plan.agents[agent].hashValue
            }
        }
        for phase in plan.phases.indices where plan.phases[phase].written.verbatim != nil {
            plan.phases[phase].written.fingerprint = plan.phases[phase].hashValue
        }
    }
}
