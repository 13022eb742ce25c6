import PlancKit

/// Writes live state into a report: agents' statuses, tasks' statuses,
/// progress and holders, phases' statuses derived from their tasks, and
/// `Last Updated`. Everything else stays as written; the result renders with
/// the same canonical renderer as `fmt`. Infrastructure is not rewritten.
public enum LiveSync {
    /// - Parameter staleHeartbeatSeconds: a running agent silent longer than
    ///   this is written as stale (`🟢 RUNNING (stale since ...)`), which
    ///   `planc diff` then no longer reports.
    public static func apply(_ live: LiveSnapshot, to original: Plan, now: Double,
                             staleHeartbeatSeconds: Double) -> Plan {
        var plan = original
        for index in plan.agents.indices {
            syncAgent(&plan.agents[index], live: live, now: now, staleAfter: staleHeartbeatSeconds)
        }
        for index in plan.phases.indices {
            syncPhaseTasks(&plan.phases[index], live: live)
        }
        for index in plan.phases.indices {
            let statuses = DriftAnalyzer.taskIDs(of: plan.phases[index], in: plan)
                .compactMap { live.tasks[$0].flatMap { Status(rawValue: $0.value.status) } }
            if let derived = DriftAnalyzer.derivedStatus(statuses), plan.phases[index].status?.status != derived {
                let keepMarker = plan.phases[index].status?.marker != nil
                plan.phases[index].status = statusValue(derived, marker: keepMarker, like: plan.phases[index].status)
            }
        }
        if let latest = live.latestUpdate, let time = Clock.seconds(latest) {
            let dateTime = Clock.dateTime(time)
            let text = "\(dateTime.date) \(pad(dateTime.hour)):\(pad(dateTime.minute)) UTC"
            let range = plan.footer?.lastUpdated?.range ?? plan.range
            if plan.footer == nil { plan.footer = Footer(range: plan.range) }
            plan.footer?.lastUpdated = Parsed(text: text, value: dateTime, range: range)
        }
        return plan
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// A status as planc writes it: the canonical marker and words.
    static func statusValue(_ status: Status, marker: Bool = true, like old: StatusValue?,
                            suffix: String = "") -> StatusValue {
        let canonical = StatusWords.canonical(status)
        let words = canonical.words.isEmpty ? status.rawValue : canonical.words
        let text = (marker ? canonical.marker + " " : "") + words + suffix
        return StatusValue(text: text, marker: marker ? canonical.marker : nil,
                           markerStatus: marker ? status : nil, words: words + suffix,
                           wordStatus: status, range: old?.range ?? .startOfFile)
    }

    private static func syncAgent(_ agent: inout Agent, live: LiveSnapshot, now: Double, staleAfter: Double) {
        if let entry = live.agents[agent.slug]?.value, let status = Status(rawValue: entry.status) {
            var suffix = ""
            if status == .running, let beat = Clock.seconds(entry.heartbeat), now - beat > staleAfter {
                let time = Clock.dateTime(beat)
                suffix = " (stale since \(time.date) \(pad(time.hour)):\(pad(time.minute)) UTC)"
            }
            if agent.status?.status != status || !suffix.isEmpty || agent.status?.words.contains("stale") == true {
                agent.status = statusValue(status, like: agent.status, suffix: suffix)
            }
        }
        for taskIndex in agent.tasks.indices {
            let task = agent.tasks[taskIndex]
            guard let entry = live.tasks[task.id]?.value, let status = Status(rawValue: entry.status) else { continue }
            agent.tasks[taskIndex].status = status
            if let marker = agent.tasks[taskIndex].marker, marker.status != status, marker.marker?.hasPrefix("[") == false {
                agent.tasks[taskIndex].marker = statusValue(status, like: marker)
                agent.tasks[taskIndex].marker?.text = StatusWords.canonical(status).marker
                agent.tasks[taskIndex].marker?.words = ""
            }
            let holder = entry.agent != nil && entry.agent != agent.slug ? entry.agent : nil
            let details = progressWords(status, percent: entry.percent, holder: holder)
            if let itemIndex = agent.progress.firstIndex(where: { $0.taskID == task.id }) {
                var item = agent.progress[itemIndex]
                item.text = replacingDetails(in: item.text, with: details)
                item.status = statusValue(status, like: item.status)
                item.status?.text = StatusWords.canonical(status).marker + " " + item.text
                item.percent = entry.percent
                item.holder = holder
                agent.progress[itemIndex] = item
            } else {
                let text = "Task \(task.number): \(task.title) (\(details))"
                var status = statusValue(status, like: nil)
                status.text = StatusWords.canonical(status.status!).marker + " " + text
                agent.progress.append(ProgressItem(status: status, text: text, taskNumber: task.number,
                                                   taskID: task.id, percent: entry.percent, holder: holder,
                                                   range: task.range))
                if !agent.layout.contains(.known("progress")), let tasks = agent.layout.firstIndex(of: .known("tasks")) {
                    agent.layout.insert(.known("progress"), at: tasks)
                }
            }
        }
    }

    /// `IN PROGRESS, 40%, held by docs-writer`.
    static func progressWords(_ status: Status, percent: Int, holder: String?) -> String {
        var parts = [StatusWords.canonical(status).words.isEmpty ? status.rawValue : StatusWords.canonical(status).words]
        if percent > 0 && percent < 100 { parts.append("\(percent)%") }
        if let holder { parts.append("held by \(holder)") }
        return parts.joined(separator: ", ")
    }

    /// The item's text with its closing parenthesis replaced (or added).
    static func replacingDetails(in text: String, with details: String) -> String {
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            return String(text[..<open]).trimmingSpaces() + " (\(details))"
        }
        return text + " (\(details))"
    }

    private static func syncPhaseTasks(_ phase: inout Phase, live: LiveSnapshot) {
        guard !phase.tasks.isEmpty else { return }
        let assignee = phase.agents.compactMap(\.agent).first
        var changed = false
        for index in phase.tasks.indices {
            let task = phase.tasks[index]
            guard let entry = live.tasks[task.id]?.value, let status = Status(rawValue: entry.status) else { continue }
            let holder = entry.agent != nil && entry.agent != assignee ? entry.agent : nil
            guard (task.status?.status ?? .pending) != status || task.holder != holder else { continue }
            changed = true
            var words = status == .inProgress ? "in progress" : status.rawValue
            if let holder { words += ", held by \(holder)" }
            phase.tasks[index].status = status == .pending && holder == nil ? nil
                : statusValue(status, like: task.status).with(words: words)
            phase.tasks[index].holder = holder
        }
        guard changed else { return }
        phase.tasksText = phase.tasks.map { task in
            var title = task.title
            if let status = task.status {
                title += " (\(status.marker ?? "") \(status.words))"
            }
            return title
        }.joined(separator: ", ")
    }
}

extension StatusValue {
    func with(words: String) -> StatusValue {
        var copy = self
        copy.words = words
        copy.text = (marker.map { $0 + " " } ?? "") + words
        return copy
    }
}
