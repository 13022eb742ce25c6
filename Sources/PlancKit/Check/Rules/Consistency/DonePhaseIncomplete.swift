struct DonePhaseIncomplete: Rule {
    static let description = RuleDescription(
        code: "PLAN017", alias: "done-phase-incomplete", family: .consistency, severity: .error,
        summary: "A phase is marked done but some of its tasks or dependencies are not.",
        what: "For a phase whose heading says done, checks its listed tasks, the tasks of the agents working on it, its dependencies and the phases it depends on.",
        why: "A phase cannot be finished while its own work or what it waits for is open: one of the two statuses is wrong.",
        fix: "Mark the phase as in progress, or bring its tasks and dependencies up to date.",
        passing: ["## Phase Plan\n\n### Phase 1: A (1 day) - ✅ DONE\n- **Tasks:** Docs (✅ done)\n"],
        failing: ["## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n\n### Phase 2: B (1 day) - ↓↓✅ DONE\n- **Tasks:** Docs (⚪ pending)\n- **Dependencies:** Phase 1\n"])

    func check(_ context: CheckContext) -> [Finding] {
        guard context.plan.phases.contains(where: { $0.status?.status == .done }) else { return [] }
        var agentTaskStatus: [String: Status] = [:]
        context.forEachAgentTask { task in agentTaskStatus[task.id] = task.status }
        var phaseStatus: [Int: Status] = [:]
        for phase in context.plan.phases {
            if let number = phase.number, let status = phase.status?.status { phaseStatus[number] = status }
        }
        var findings: [Finding] = []
        for phase in context.plan.phases {
            guard let marked = phase.status, marked.status == .done else { continue }
            let name = phase.number.map { "Phase \($0)" } ?? phase.name
            func open(_ what: String, _ status: Status, at range: SourceRange, named: String? = nil) {
                findings.append(Finding(range: marked.range, message: "\(name) is marked done, but \(what) is \(status.rawValue)",
                                        help: "mark the phase as in progress, or update \(named ?? what)",
                                        related: [RelatedLocation(range: range, message: "\(status.rawValue) here")]))
            }
            for task in phase.tasks {
                if let status = task.status?.status ?? agentTaskStatus[task.id], status != .done {
                    open("task `\(task.title)`", status, at: task.range)
                }
            }
            for agent in context.plan.agents where phase.number != nil && agent.currentTask?.phaseNumber == phase.number {
                for task in agent.tasks where task.status != .done {
                    open("\(agent.name)'s task `\(task.title)`", task.status, at: task.range)
                }
            }
            for dependency in phase.dependencies {
                if let status = dependency.status?.status, status != .done {
                    open("dependency `\(dependency.name)`", status, at: dependency.range)
                } else if case .phase(let number)? = dependency.target, let status = phaseStatus[number], status != .done {
                    open("Phase \(number), which it depends on,", status, at: dependency.range, named: "Phase \(number)")
                }
            }
        }
        return findings
    }
}
