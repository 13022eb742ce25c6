import PlancKit

/// What `planc watch` shows: events as one line each, and a table of agents
/// and tasks kept up to date from them.
public struct EventLog {
    public var agents: [String: (status: String, task: String?, seen: String)] = [:]
    public var tasks: [String: (status: String, holder: String?, percent: Int)] = [:]

    public init() {}

    /// Starts from the entries in the buckets.
    public mutating func load(tasks entries: [TaskEntry], agents agentEntries: [AgentEntry]) {
        for entry in entries { tasks[entry.task] = (entry.status, entry.agent, entry.percent) }
        for entry in agentEntries { agents[entry.agent] = (entry.status, entry.currentTask, entry.heartbeat) }
    }

    /// Applies an event and describes it in one line.
    public mutating func apply(subject: String, data: [UInt8]) -> String {
        let object = (try? JSONReader.parse(data))?.object ?? [:]
        let task = object["task"]?.string
        let agent = object["agent"]?.string ?? ""
        let time = object["ts"]?.string ?? Clock.rfc3339(Clock.now())
        var details: [String] = []
        switch subject {
        case "agent.tasks.claim":
            if let task { tasks[task] = (Status.inProgress.rawValue, agent, tasks[task]?.percent ?? 0) }
            if let lease = object["lease_seconds"]?.int { details.append("lease \(lease)s") }
        case "agent.tasks.release":
            if let task { tasks[task] = (Status.pending.rawValue, nil, tasks[task]?.percent ?? 0) }
        case "agent.tasks.blocked":
            if let task { tasks[task] = (Status.blocked.rawValue, agent, tasks[task]?.percent ?? 0) }
            if let reason = object["reason"]?.string { details.append("reason: \(reason)") }
        case "agent.tasks.complete":
            if let task { tasks[task] = (Status.done.rawValue, agent, 100) }
            if let result = object["result"]?.string { details.append("result: \(result)") }
        default:
            if subject.hasPrefix("agent.progress."), let task {
                let percent = object["percent"]?.int ?? 0
                tasks[task] = (Status.inProgress.rawValue, agent, percent)
                details.append("\(percent)%")
                if let note = object["note"]?.string, !note.isEmpty { details.append(note) }
            } else if subject.hasPrefix("agent.status.") {
                let status = object["status"]?.string ?? "?"
                agents[agent] = (status, object["current_task"]?.string, time)
                details.append(status)
            }
        }
        if !agent.isEmpty, subject.hasPrefix("agent.tasks.") || subject.hasPrefix("agent.progress.") {
            let current = agents[agent]
            agents[agent] = (current?.status ?? "running", task ?? current?.task, time)
        }
        return ([time, subject, task ?? "-", agent] + details).joined(separator: " ")
    }

    /// The table, as a screen's worth of text.
    public func table(width: Int = 100) -> String {
        var out = "AGENT                          STATUS       TASK                           LAST SEEN\n"
        for (agent, state) in agents.sorted(by: { $0.key < $1.key }) {
            out += column(agent, 31) + column(state.status, 13) + column(state.task ?? "-", 31) + state.seen + "\n"
        }
        out += "\nTASK                           STATUS       HOLDER                         PROGRESS\n"
        for (task, state) in tasks.sorted(by: { $0.key < $1.key }) {
            out += column(task, 31) + column(state.status, 13) + column(state.holder ?? "-", 31) + "\(state.percent)%\n"
        }
        return out
    }

    private func column(_ text: String, _ width: Int) -> String {
        let clipped = text.count >= width ? String(text.prefix(width - 2)) + "…" : text
        return clipped + String(repeating: " ", count: max(width - clipped.count, 1))
    }
}
