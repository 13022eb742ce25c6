/// Every status written in the report, with what it is the status of.
struct WrittenStatus {
    var value: StatusValue
    /// What the status is of, worded for a message only when one is made.
    var describe: () -> String
    var subject: String { describe() }
    /// Whether the place expects a status, so that words naming none are
    /// a finding (an agent's status) rather than prose (a next step).
    var expected: Bool
}

extension CheckContext {
    var writtenStatuses: [WrittenStatus] {
        var all: [WrittenStatus] = []
        for section in plan.sections {
            if let status = section.heading?.status {
                all.append(WrittenStatus(value: status, describe: { "section `\(section.heading!.text)`" }, expected: false))
            }
        }
        for agent in plan.agents {
            if let status = agent.status { all.append(WrittenStatus(value: status, describe: { agent.name }, expected: true)) }
            for item in agent.progress {
                if let status = item.status {
                    all.append(WrittenStatus(value: status, describe: { "progress item `\(item.text)`" }, expected: true))
                }
            }
            for task in agent.tasks {
                if let marker = task.marker { all.append(WrittenStatus(value: marker, describe: { "task `\(task.title)`" }, expected: false)) }
            }
        }
        for phase in plan.phases {
            let name = phase.number.map { "Phase \($0)" } ?? phase.name
            if let status = phase.status { all.append(WrittenStatus(value: status, describe: { name }, expected: true)) }
            if let note = phase.statusNote { all.append(WrittenStatus(value: note, describe: { "\(name)'s status" }, expected: true)) }
            for task in phase.tasks {
                if let status = task.status { all.append(WrittenStatus(value: status, describe: { "task `\(task.title)`" }, expected: true)) }
            }
            for dependency in phase.dependencies {
                if let status = dependency.status {
                    all.append(WrittenStatus(value: status, describe: { "dependency `\(dependency.name)`" }, expected: true))
                }
            }
        }
        for step in plan.nextSteps {
            if let status = step.status { all.append(WrittenStatus(value: status, describe: { "next step" }, expected: false)) }
        }
        return all
    }
}
