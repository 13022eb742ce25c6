/// Every status written in the report, with what it is the status of.
struct WrittenStatus {
    var value: StatusValue
    var subject: String
    /// Whether the place expects a status, so that words naming none are
    /// a finding (an agent's status) rather than prose (a next step).
    var expected: Bool
}

extension CheckContext {
    var writtenStatuses: [WrittenStatus] {
        var all: [WrittenStatus] = []
        for section in plan.sections {
            if let status = section.heading?.status {
                all.append(WrittenStatus(value: status, subject: "section `\(section.heading!.text)`", expected: false))
            }
        }
        for agent in plan.agents {
            if let status = agent.status { all.append(WrittenStatus(value: status, subject: agent.name, expected: true)) }
            for item in agent.progress {
                if let status = item.status {
                    all.append(WrittenStatus(value: status, subject: "progress item `\(item.text)`", expected: true))
                }
            }
            for task in agent.tasks {
                if let marker = task.marker { all.append(WrittenStatus(value: marker, subject: "task `\(task.title)`", expected: false)) }
            }
        }
        for phase in plan.phases {
            let name = phase.number.map { "Phase \($0)" } ?? phase.name
            if let status = phase.status { all.append(WrittenStatus(value: status, subject: name, expected: true)) }
            if let note = phase.statusNote { all.append(WrittenStatus(value: note, subject: "\(name)'s status", expected: true)) }
            for task in phase.tasks {
                if let status = task.status { all.append(WrittenStatus(value: status, subject: "task `\(task.title)`", expected: true)) }
            }
            for dependency in phase.dependencies {
                if let status = dependency.status {
                    all.append(WrittenStatus(value: status, subject: "dependency `\(dependency.name)`", expected: true))
                }
            }
        }
        for step in plan.nextSteps {
            if let status = step.status { all.append(WrittenStatus(value: status, subject: "next step", expected: false)) }
        }
        return all
    }
}
