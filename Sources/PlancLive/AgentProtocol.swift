import PlancKit

/// The agents' protocol commands over live state. Every change to an entry
/// is a compare-and-set on the revision just read, retried when another
/// writer got there first, so no update is lost and a claim has one winner.
/// After the KV write, the action publishes exactly one event (with a
/// message ID, so a retried publish is stored once) and mirrors the entry
/// into Redis.
public final class AgentProtocol {
    private let nats: NATSClient
    private let endpoints: LiveEndpoints
    private let names: LiveNames
    private let tasks: NATSClient.KVBucket
    /// Messages for people about what went wrong without failing the
    /// command (a Redis mirror that could not be written).
    public private(set) var warnings: [String] = []

    public init(endpoints: LiveEndpoints, names: LiveNames) throws(LiveError) {
        self.endpoints = endpoints
        self.names = names
        nats = try NATSClient(urls: endpoints.natsURLs, timeout: endpoints.timeout, redactor: endpoints.redactor)
        tasks = try Self.open(names.tasksBucket, nats, budget: endpoints.timeout)
    }

    private lazy var statusBucket: Result<NATSClient.KVBucket, LiveError> = Result { () throws(LiveError) in
        try Self.open(names.statusBucket, nats, budget: endpoints.timeout)
    }

    private var statuses: NATSClient.KVBucket {
        get throws(LiveError) { try statusBucket.get() }
    }

    /// Opens a bucket, riding out a cluster that is electing its leaders.
    private static func open(_ name: String, _ nats: NATSClient, budget: Double) throws(LiveError) -> NATSClient.KVBucket {
        let deadline = Clock.monotonic() + max(budget * 3, 3)
        var pause = 0.05
        while true {
            do throws(LiveError) {
                guard let bucket = try nats.bucket(name) else {
                    throw LiveError("NATS at \(nats.displayURLs) has no KV bucket \(name): run `planc state seed PLAN`")
                }
                return bucket
            } catch {
                guard error.transient, Clock.monotonic() + pause < deadline else { throw error }
                Clock.sleep(pause)
                pause = min(pause * 2, 1)
            }
        }
    }

    /// The answer to an action: done, or refused with the reason.
    public enum Outcome: Sendable, Equatable {
        case done(TaskEntry)
        case refused(String)
    }

    // MARK: Claims

    /// Claims a task for an agent: a create where the task has no entry,
    /// else an update on the revision read, allowed only when nobody holds
    /// the task, its holder released it, or its lease has passed.
    ///
    /// The write is then checked against the key's history: it won only if
    /// the revision before it is the one it was conditioned on. A JetStream
    /// cluster can accept two conditional writes on the same revision while
    /// a stream changes leader (nats-server before 2.11); the history orders
    /// them, the first one wins, and the other puts the winner's entry back
    /// and is refused. Only a verified winner announces its claim.
    public func claim(_ id: String, agent: String, leaseSeconds: Double?) throws(LiveError) -> Outcome {
        while true {
            let now = Clock.now()
            let lease = leaseSeconds.map { Clock.rfc3339(now + $0) }
            let current = try retrying { () throws(LiveError) in try tasks.get(id) }
            var entry: TaskEntry
            if let current {
                let existing = try TaskEntry.decode(current.value, key: id)
                if existing.status == Status.done.rawValue {
                    return .refused("\(id) is done" + (existing.agent.map { " (completed by \($0))" } ?? ""))
                }
                if let holder = existing.agent {
                    if holder == agent { return .done(existing) }
                    if !leasePassed(existing, now: now) {
                        return .refused("held by \(holder) since \(existing.updated)")
                    }
                }
                entry = existing
                entry.agent = agent
                entry.status = Status.inProgress.rawValue
            } else {
                entry = TaskEntry(task: id, agent: agent, assignee: nil, status: Status.inProgress.rawValue,
                                  percent: 0, note: "", updated: "", leaseUntil: nil)
            }
            entry.updated = Clock.rfc3339(now)
            entry.leaseUntil = lease
            guard let revision = try write(id, entry, after: current) else { continue }  // someone wrote first
            if let winner = try verify(id, revision: revision, conditionedOn: current?.revision) {
                return .refused("held by \(winner.agent ?? "another agent") since \(winner.updated)")
            }
            try announce(.claim, entry, revision: revision, extra: leaseFields(leaseSeconds))
            return .done(entry)
        }
    }

    /// Nil when the write at `revision` directly follows `conditionedOn`
    /// (nil: the key's first write); else the entry that won the race, which
    /// is put back over ours.
    private func verify(_ id: String, revision: UInt64, conditionedOn expected: UInt64?) throws(LiveError) -> TaskEntry? {
        let between: [NATSClient.Entry]
        if let expected, revision - expected <= 256 {
            // Usually a handful of messages: read them through the leader.
            between = try retrying { () throws(LiveError) in try tasks.revisions(of: id, after: expected, before: revision) }
        } else {
            let history = try retrying { () throws(LiveError) in try tasks.history(id) }
            between = history.filter { $0.revision > (expected ?? 0) && $0.revision < revision }
        }
        // Our write slipped in after another one on the same revision: the
        // first write after `expected` is the winner.
        guard let winnerEntry = between.first else { return nil }
        let winner = try TaskEntry.decode(winnerEntry.value, key: id)
        _ = try retrying { () throws(LiveError) in try tasks.update(id, winnerEntry.value, last: revision) }
        return winner
    }

    private func leasePassed(_ entry: TaskEntry, now: Double) -> Bool {
        guard let lease = entry.leaseUntil, let until = Clock.seconds(lease) else { return false }
        return until < now
    }

    private func leaseFields(_ seconds: Double?) -> [(String, EventValue)] {
        [("lease_seconds", seconds.map { .number($0) } ?? .null)]
    }

    /// Claims the first ready task (`ready` order), moving on when another
    /// agent wins a race. Nil when nothing is ready.
    public func claimNext(agent: String, plan: Plan?, leaseSeconds: Double?) throws(LiveError) -> TaskEntry? {
        var lost = Set<String>()
        while true {
            let candidates = try ready(plan: plan, agent: agent).filter { !lost.contains($0.id) }
            guard !candidates.isEmpty else { return nil }
            for candidate in candidates {
                switch try claim(candidate.id, agent: agent, leaseSeconds: leaseSeconds) {
                case .done(let entry): return entry
                case .refused: lost.insert(candidate.id)
                }
            }
        }
    }

    /// The tasks that can be claimed now, by this agent if one is named.
    public func ready(plan: Plan?, agent: String? = nil) throws(LiveError) -> [ReadyTasks.Candidate] {
        var entries: [String: TaskEntry] = [:]
        for entry in try tasks.entries() { entries[entry.key] = try TaskEntry.decode(entry.value, key: entry.key) }
        return ReadyTasks.candidates(plan: plan, live: entries, agent: agent, now: Clock.now())
    }

    // MARK: The holder's actions

    /// Changes a task its holder holds: read, check the holder, write on the
    /// revision read, again on a conflict.
    private func change(_ id: String, agent: String, action: EventAction, extra: [(String, EventValue)],
                        _ apply: (inout TaskEntry) -> Void) throws(LiveError) -> Outcome {
        while true {
            guard let current = try retrying({ () throws(LiveError) in try tasks.get(id) }) else {
                return .refused("\(id) is not in live state")
            }
            var entry = try TaskEntry.decode(current.value, key: id)
            guard let holder = entry.agent else { return .refused("nobody holds \(id): claim it first") }
            guard holder == agent else { return .refused("held by \(holder) since \(entry.updated)") }
            if entry.status == Status.done.rawValue { return .refused("\(id) is done") }
            apply(&entry)
            entry.updated = Clock.rfc3339(Clock.now())
            if let revision = try write(id, entry, after: current) {
                try announce(action, entry, revision: revision, extra: extra)
                return .done(entry)
            }
        }
    }

    public func release(_ id: String, agent: String) throws(LiveError) -> Outcome {
        try change(id, agent: agent, action: .release, extra: []) {
            $0.agent = nil
            $0.status = Status.pending.rawValue
            $0.leaseUntil = nil
        }
    }

    public func progress(_ id: String, agent: String, percent: Int, note: String) throws(LiveError) -> Outcome {
        try change(id, agent: agent, action: .progress, extra: [("percent", .number(Double(percent))), ("note", .string(note))]) {
            $0.percent = percent
            $0.note = note
            $0.status = Status.inProgress.rawValue
        }
    }

    public func block(_ id: String, agent: String, reason: String, clarifications: [String]) throws(LiveError) -> Outcome {
        try change(id, agent: agent, action: .blocked,
                   extra: [("reason", .string(reason)), ("clarifications", .strings(clarifications))]) {
            $0.status = Status.blocked.rawValue
            $0.note = reason
        }
    }

    public func complete(_ id: String, agent: String, result: String) throws(LiveError) -> Outcome {
        try change(id, agent: agent, action: .complete, extra: [("result", .string(result))]) {
            $0.status = Status.done.rawValue
            $0.percent = 100
            $0.note = result
            $0.leaseUntil = nil
        }
    }

    // MARK: Agents

    /// Writes an agent's status and heartbeat (and publishes the status
    /// event unless it is only a heartbeat).
    public func status(agent: String, status: Status?, currentTask: String?, heartbeatOnly: Bool = false)
    throws(LiveError) -> AgentEntry {
        while true {
            let now = Clock.rfc3339(Clock.now())
            let current = try statuses.get(agent)
            var entry = try current.map { entry throws(LiveError) in try AgentEntry.decode(entry.value, key: agent) }
                ?? AgentEntry(agent: agent, id: nil, name: agent, status: Status.pending.rawValue, currentTask: nil, heartbeat: now)
            if heartbeatOnly && current == nil {
                throw LiveError("\(agent) has no status in live state: run `planc status \(agent) running` first")
            }
            if let status { entry.status = status.rawValue }
            if let currentTask { entry.currentTask = currentTask.isEmpty ? nil : currentTask }
            entry.heartbeat = now
            let revision: UInt64?
            if let current {
                revision = try statuses.update(agent, entry.json, last: current.revision)
            } else {
                revision = try statuses.create(agent, entry.json)
            }
            guard let revision else { continue }
            if !heartbeatOnly {
                let payload = Event.payload(task: nil, agent: agent, extra: [
                    ("status", .string(entry.status)), ("current_task", entry.currentTask.map { .string($0) } ?? .null),
                ])
                try publish("agent.status.\(agent)", payload, id: "status:\(agent):\(revision)")
            }
            mirror(names.agentKey(agent), entry.fields)
            return entry
        }
    }

    // MARK: Riding out a cluster's leader elections

    /// Runs a step that is safe to repeat, again after transient failures,
    /// backing off, until the command's time budget (three timeouts) is
    /// spent.
    private func retrying<T>(_ step: () throws(LiveError) -> T) throws(LiveError) -> T {
        let deadline = Clock.monotonic() + max(endpoints.timeout * 3, 3)
        var pause = 0.05
        while true {
            do {
                return try step()
            } catch {
                guard error.transient, Clock.monotonic() + pause < deadline else { throw error }
                Clock.sleep(pause)
                pause = min(pause * 2, 1)
            }
        }
    }

    /// A conditional write; when it fails transiently it may still have
    /// landed, so the entry is read again: if it holds what was written, the
    /// write took effect at that revision.
    private func write(_ id: String, _ entry: TaskEntry, after current: NATSClient.Entry?) throws(LiveError) -> UInt64? {
        do {
            if let current { return try tasks.update(id, entry.json, last: current.revision) }
            return try tasks.create(id, entry.json)
        } catch {
            guard error.transient else { throw error }
            let now = try retrying { () throws(LiveError) in try tasks.get(id) }
            if let now, now.value == entry.json { return now.revision }
            if now?.revision != current?.revision { return nil }  // someone else wrote: decide again
            return try retrying { () throws(LiveError) in
                if let current { return try tasks.update(id, entry.json, last: current.revision) }
                return try tasks.create(id, entry.json)
            }
        }
    }

    // MARK: Events and the Redis mirror

    private func announce(_ action: EventAction, _ entry: TaskEntry, revision: UInt64,
                          extra: [(String, EventValue)]) throws(LiveError) {
        let subject = action == .progress ? "agent.progress.\(entry.task)" : "agent.tasks.\(action.rawValue)"
        let payload = Event.payload(task: entry.task, agent: entry.agent ?? "", extra: extra)
        try publish(subject, payload, id: "\(action.rawValue):\(entry.task):\(revision)")
        mirror(names.taskKey(entry.task), entry.fields)
    }

    /// Publishes, again after transient failures: the message ID makes a
    /// retry after a lost acknowledgement harmless.
    private func publish(_ subject: String, _ payload: [UInt8], id: String) throws(LiveError) {
        _ = try retrying { () throws(LiveError) in try nats.publish(subject, payload, messageID: id) }
    }

    private var redis: RedisClient?

    private func mirror(_ key: String, _ fields: [String: String]) {
        do {
            if redis == nil {
                redis = try RedisClient(url: endpoints.redisURL, timeout: endpoints.timeout, redactor: endpoints.redactor)
            }
            let command = ["HSET", key] + fields.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
            for reply in try redis!.pipeline([["DEL", key], command]) {
                if case .error(let message) = reply { throw LiveError(message) }
            }
        } catch {
            warnings.append("the Redis cache was not updated (\(error)): `planc state rebuild` repairs it")
        }
    }
}

/// The actions and their subjects.
enum EventAction: String {
    case claim, release, progress, blocked, complete
}

enum EventValue {
    case string(String)
    case number(Double)
    case strings([String])
    case null
}

/// Event payloads: `task`, `agent`, `ts`, then the action's own fields.
enum Event {
    static func payload(task: String?, agent: String, extra: [(String, EventValue)]) -> [UInt8] {
        var json = JSONWriter(pretty: false)
        json.beginObject()
        if let task { json.member("task", task) }
        json.member("agent", agent)
        json.member("ts", Clock.rfc3339(Clock.now()))
        for (key, value) in extra {
            json.key(dynamic: key)
            switch value {
            case .string(let text): json.string(text)
            case .number(let number): json.number(number)
            case .strings(let list):
                json.beginArray()
                for item in list { json.element(); json.string(item) }
                json.endArray()
            case .null: json.null()
            }
        }
        json.endObject()
        return json.bytes
    }
}
