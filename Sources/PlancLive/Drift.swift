import PlancKit

/// One difference between the report and live state.
public struct Change: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable { case service, agent, task, phase, cache }

    /// `update`: the report is behind; `missing`: live state has no such
    /// thing; `unexpected`: live state has a thing the report lacks;
    /// `stale`: a heartbeat or lease has passed, or the cache disagrees
    /// with NATS.
    public enum Action: String, Sendable { case update, missing, unexpected, stale }

    public var kind: Kind
    public var id: String
    public var field: String
    /// The report's value (for the cache: NATS's value).
    public var report: String?
    /// The live value (for the cache: Redis's value).
    public var live: String?
    public var action: Action
    public var file: String?
    public var line: Int?
    /// A note for people (`12m old, stale after 10m`).
    public var detail: String?

    public init(kind: Kind, id: String, field: String, report: String?, live: String?, action: Action,
                file: String?, line: Int?, detail: String? = nil) {
        self.kind = kind
        self.id = id
        self.field = field
        self.report = report
        self.live = live
        self.action = action
        self.file = file
        self.line = line
        self.detail = detail
    }
}

/// Compares a report with live state. Pure: the same plan and snapshot give
/// the same changes, wherever the snapshot came from.
public struct DriftAnalyzer {
    public var staleHeartbeatSeconds: Double
    public var now: Double
    /// `kind:id[:field]` patterns (`*` matches anything) of expected drift.
    public var ignore: [String]
    public var names: LiveNames

    public init(staleHeartbeatSeconds: Double, now: Double, ignore: [String], names: LiveNames = LiveNames()) {
        self.staleHeartbeatSeconds = staleHeartbeatSeconds
        self.now = now
        self.ignore = ignore
        self.names = names
    }

    public func changes(_ plan: Plan, _ live: LiveSnapshot) -> [Change] {
        var changes: [Change] = []
        services(plan, live, &changes)
        agents(plan, live, &changes)
        tasks(plan, live, &changes)
        phases(plan, live, &changes)
        cache(live, &changes)
        return changes.filter { !isIgnored($0) }.sorted {
            let left = (Change.Kind.allCases.firstIndex(of: $0.kind)!, $0.line ?? Int.max, $0.id, $0.field)
            let right = (Change.Kind.allCases.firstIndex(of: $1.kind)!, $1.line ?? Int.max, $1.id, $1.field)
            return left < right
        }
    }

    private func isIgnored(_ change: Change) -> Bool {
        let parts = [change.kind.rawValue, change.id, change.field]
        return ignore.contains { pattern in
            let wanted = pattern.split(separator: ":", maxSplits: 2).map(String.init)
            return wanted.enumerated().allSatisfy { index, part in part == "*" || part == parts[index] }
        }
    }

    // MARK: Services

    private func services(_ plan: Plan, _ live: LiveSnapshot, _ changes: inout [Change]) {
        for service in plan.services {
            let id = Slug.make(service.name)
            func change(_ field: String, _ report: String?, _ value: String?, _ action: Change.Action = .update) {
                changes.append(Change(kind: .service, id: id, field: field, report: report, live: value, action: action,
                                      file: plan.file, line: service.range.line))
            }
            switch service.kind {
            case .nats:
                guard let nats = live.nats else { continue }
                if service.jetstream && !nats.jetstream { change("jetstream", "enabled", "disabled") }
                if let health = service.healthCheck?.value, let status = live.health[health], status != 200 {
                    change("healthCheck", "200", status == 0 ? "no answer" : String(status))
                }
                let valid = service.channels.map(\.value).filter { NATSSubject.problem($0) == nil }
                guard let stream = nats.stream else {
                    if !valid.isEmpty { change("stream", names.stream, nil, .missing) }
                    continue
                }
                for channel in valid where !stream.subjects.contains(where: { NATSSubject.covers($0, channel) }) {
                    change("channels", channel, stream.subjects.joined(separator: ", "))
                }
            case .redis:
                guard let redis = live.redis else { continue }
                if let bytes = service.maxMemory?.value, let liveBytes = redis.maxMemory, bytes != liveBytes {
                    change("maxmemory", String(bytes), String(liveBytes))
                }
                if let policy = service.policy?.value, let livePolicy = redis.policy, policy.lowercased() != livePolicy {
                    change("maxmemory-policy", policy, livePolicy)
                }
                if let persistence = service.persistence?.value, let appendOnly = redis.appendOnly {
                    let wanted = persistence == .aof || persistence == .aofAndRdb
                    if wanted != appendOnly { change("appendonly", wanted ? "yes" : "no", appendOnly ? "yes" : "no") }
                }
            case .other:
                continue
            }
        }
    }

    // MARK: Agents

    private func agents(_ plan: Plan, _ live: LiveSnapshot, _ changes: inout [Change]) {
        var reported = Set<String>()
        for agent in plan.agents {
            reported.insert(agent.slug)
            let line = agent.heading.range.line
            let status = agent.status?.status?.rawValue
            guard let entry = live.agents[agent.slug]?.value else {
                changes.append(Change(kind: .agent, id: agent.slug, field: "status", report: status, live: nil,
                                      action: .missing, file: plan.file, line: line))
                continue
            }
            if let status, status != entry.status {
                changes.append(Change(kind: .agent, id: agent.slug, field: "status", report: status, live: entry.status,
                                      action: .update, file: plan.file, line: line))
            }
            if entry.status == Status.running.rawValue, let beat = Clock.seconds(entry.heartbeat),
               now - beat > staleHeartbeatSeconds, !(agent.status?.words.lowercased().contains("stale") ?? false) {
                changes.append(Change(kind: .agent, id: agent.slug, field: "heartbeat", report: nil, live: entry.heartbeat,
                                      action: .stale, file: plan.file, line: line,
                                      detail: "\(Self.age(now - beat)) old, stale after \(Self.age(staleHeartbeatSeconds))"))
            }
        }
        for slug in live.agents.keys.sorted() where !reported.contains(slug) {
            changes.append(Change(kind: .agent, id: slug, field: "status", report: nil, live: live.agents[slug]!.value.status,
                                  action: .unexpected, file: nil, line: nil))
        }
    }

    // MARK: Tasks

    /// What the report says of each task, in plan order.
    struct ReportedTask {
        var id: String
        var status: Status
        var holder: String?
        var percent: Int
        var line: Int
    }

    static func reportedTasks(_ plan: Plan) -> [ReportedTask] {
        var result: [ReportedTask] = []
        var seen: [String: Int] = [:]
        for agent in plan.agents {
            for task in agent.tasks where seen[task.id] == nil {
                let item = agent.progress.first { $0.taskID == task.id }
                let holder = item?.holder ?? (StateWriter.holds(task.status) ? agent.slug : nil)
                let percent = item?.percent ?? (task.status == .done ? 100 : 0)
                seen[task.id] = result.count
                result.append(ReportedTask(id: task.id, status: task.status, holder: holder, percent: percent,
                                           line: task.range.line))
            }
        }
        for phase in plan.phases {
            let assignee = phase.agents.compactMap(\.agent).first
            for task in phase.tasks where seen[task.id] == nil {
                let status = task.status?.status ?? .pending
                seen[task.id] = result.count
                result.append(ReportedTask(id: task.id, status: status,
                                           holder: task.holder ?? (StateWriter.holds(status) ? assignee : nil),
                                           percent: status == .done ? 100 : 0, line: task.range.line))
            }
        }
        return result
    }

    private func tasks(_ plan: Plan, _ live: LiveSnapshot, _ changes: inout [Change]) {
        let reported = Self.reportedTasks(plan)
        for task in reported {
            func change(_ field: String, _ report: String?, _ value: String?, _ action: Change.Action = .update,
                        detail: String? = nil) {
                changes.append(Change(kind: .task, id: task.id, field: field, report: report, live: value,
                                      action: action, file: plan.file, line: task.line, detail: detail))
            }
            guard let entry = live.tasks[task.id]?.value else {
                change("status", task.status.rawValue, nil, .missing)
                continue
            }
            if task.status.rawValue != entry.status { change("status", task.status.rawValue, entry.status) }
            if task.holder != entry.agent { change("owner", task.holder ?? "nobody", entry.agent ?? "nobody") }
            if task.percent != entry.percent { change("progress", "\(task.percent)%", "\(entry.percent)%") }
            if entry.status == Status.inProgress.rawValue, let lease = entry.leaseUntil, let until = Clock.seconds(lease),
               until < now {
                change("lease", nil, lease, .stale, detail: "lease of \(entry.agent ?? "nobody") passed \(Self.age(now - until)) ago")
            }
        }
        let ids = Set(reported.map(\.id))
        for id in live.tasks.keys.sorted() where !ids.contains(id) {
            changes.append(Change(kind: .task, id: id, field: "status", report: nil, live: live.tasks[id]!.value.status,
                                  action: .unexpected, file: nil, line: nil))
        }
    }

    // MARK: Phases

    /// A phase's status from its tasks' live statuses: done when all are,
    /// blocked when one is, in progress when work has started, else pending.
    public static func derivedStatus(_ statuses: [Status]) -> Status? {
        guard !statuses.isEmpty else { return nil }
        if statuses.allSatisfy({ $0 == .done }) { return .done }
        if statuses.contains(.blocked) { return .blocked }
        if statuses.contains(where: { $0 == .inProgress || $0 == .done }) { return .inProgress }
        return .pending
    }

    public static func taskIDs(of phase: Phase, in plan: Plan) -> [String] {
        plan.taskIDs(of: phase)
    }

    private func phases(_ plan: Plan, _ live: LiveSnapshot, _ changes: inout [Change]) {
        for phase in plan.phases {
            let statuses = Self.taskIDs(of: phase, in: plan).compactMap { live.tasks[$0].flatMap { Status(rawValue: $0.value.status) } }
            guard let derived = Self.derivedStatus(statuses) else { continue }
            let reported = phase.status?.status
            if reported != derived {
                changes.append(Change(kind: .phase, id: phase.number.map { "phase-\($0)" } ?? Slug.make(phase.name),
                                      field: "status", report: reported?.rawValue, live: derived.rawValue,
                                      action: .update, file: plan.file, line: phase.heading.range.line))
            }
        }
    }

    // MARK: Cache

    private func cache(_ live: LiveSnapshot, _ changes: inout [Change]) {
        func compare(_ key: String, truth: [String: String]?, cached: [String: String]?) {
            switch (truth, cached) {
            case (let truth?, nil):
                changes.append(Change(kind: .cache, id: key, field: "hash", report: truth["status"], live: nil,
                                      action: .missing, file: nil, line: nil))
            case (nil, let cached?):
                changes.append(Change(kind: .cache, id: key, field: "hash", report: nil, live: cached["status"],
                                      action: .unexpected, file: nil, line: nil))
            case (let truth?, let cached?):
                for field in Set(truth.keys).union(cached.keys).sorted() where truth[field] != cached[field] {
                    changes.append(Change(kind: .cache, id: key, field: field, report: truth[field], live: cached[field],
                                          action: .stale, file: nil, line: nil))
                }
            case (nil, nil):
                break
            }
        }
        for id in Set(live.tasks.keys).union(live.taskCache.keys).sorted() {
            compare(names.taskKey(id), truth: live.tasks[id]?.value.fields, cached: live.taskCache[id])
        }
        for slug in Set(live.agents.keys).union(live.agentCache.keys).sorted() {
            compare(names.agentKey(slug), truth: live.agents[slug]?.value.fields, cached: live.agentCache[slug])
        }
    }

    /// `25m`, `2h 5m`, `3d 4h`.
    public static func age(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" }
        if total < 86_400 { return "\(total / 3600)h \(total % 3600 / 60)m" }
        return "\(total / 86_400)d \(total % 86_400 / 3600)h"
    }
}
