/// Where a status is written, worded for a message only when one is made.
enum StatusPlace {
    case section(String), agent(String), progressItem(String), agentTask(String)
    case phase(String), phaseNote(String), phaseTask(String), dependency(String), nextStep

    var subject: String {
        switch self {
        case .section(let heading): return "section `\(heading)`"
        case .agent(let name), .phase(let name): return name
        case .progressItem(let text): return "progress item `\(text)`"
        case .agentTask(let title), .phaseTask(let title): return "task `\(title)`"
        case .phaseNote(let name): return "\(name)'s status"
        case .dependency(let name): return "dependency `\(name)`"
        case .nextStep: return "next step"
        }
    }
}

extension CheckContext {
    /// Calls `visit` with every status written in the report, where it is,
    /// and whether the place expects a status (so that words naming none
    /// are a finding, as for an agent's status, rather than prose, as in a
    /// next step). Visits in place: a large report has hundreds of
    /// thousands of statuses, and copying them into an array cost more than
    /// the rules that read them.
    func forEachWrittenStatus(_ visit: (_ value: StatusValue, _ place: StatusPlace, _ expected: Bool) -> Void) {
        for section in plan.sections {
            if let heading = section.heading, let status = heading.status { visit(status, .section(heading.text), false) }
        }
        for agent in plan.agents.indices {
            if let status = plan.agents[agent].status { visit(status, .agent(plan.agents[agent].name), true) }
            for item in plan.agents[agent].progress.indices {
                if let status = plan.agents[agent].progress[item].status {
                    visit(status, .progressItem(plan.agents[agent].progress[item].text), true)
                }
            }
            for task in plan.agents[agent].tasks.indices {
                if let marker = plan.agents[agent].tasks[task].marker {
                    visit(marker, .agentTask(plan.agents[agent].tasks[task].title), false)
                }
            }
        }
        for task in plan.tasks {
            if let marker = task.marker { visit(marker, .agentTask(task.title), false) }
            // Words alone come from a Status cell or key: they should name one.
            if let words = task.wordStatus, task.marker == nil { visit(words, .agentTask(task.title), true) }
        }
        for phase in plan.phases {
            let name = phase.number.map { "Phase \($0)" } ?? phase.name
            if let status = phase.status { visit(status, .phase(name), true) }
            if let note = phase.statusNote { visit(note, .phaseNote(name), true) }
            for task in phase.tasks {
                if let status = task.status { visit(status, .phaseTask(task.title), true) }
            }
            for dependency in phase.dependencies {
                if let status = dependency.status { visit(status, .dependency(dependency.name), true) }
            }
        }
        for step in plan.nextSteps {
            if let status = step.status { visit(status, .nextStep, false) }
        }
    }
}
