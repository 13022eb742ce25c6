import PlancKit

/// Creates the live state a plan describes (`planc state seed`) and refills
/// the Redis cache from NATS (`planc state rebuild`).
public struct StateWriter {
    public var endpoints: LiveEndpoints
    public var names: LiveNames

    public init(endpoints: LiveEndpoints, names: LiveNames) {
        self.endpoints = endpoints
        self.names = names
    }

    public struct SeedResult: Sendable {
        public var created = 0
        public var kept = 0
        public var overwritten = 0
    }

    /// The entries a plan starts live state with. In-progress, blocked and
    /// done tasks are held by their agent; pending tasks by nobody.
    public static func entries(for plan: Plan, now: String) -> (tasks: [TaskEntry], agents: [AgentEntry]) {
        var tasks: [TaskEntry] = []
        var seen = Set<String>()
        for agent in plan.agents {
            for task in agent.tasks where seen.insert(task.id).inserted {
                let percent = task.status == .done ? 100 : (agent.progress.first { $0.taskID == task.id }?.percent ?? 0)
                tasks.append(TaskEntry(task: task.id, agent: holds(task.status) ? agent.slug : nil, assignee: agent.slug,
                                       status: task.status.rawValue, percent: percent, note: "", updated: now,
                                       leaseUntil: nil))
            }
        }
        for phase in plan.phases {
            let assignee = phase.agents.compactMap(\.agent).first
            for task in phase.tasks where seen.insert(task.id).inserted {
                let status = task.status?.status ?? .pending
                tasks.append(TaskEntry(task: task.id, agent: holds(status) ? assignee : nil, assignee: assignee,
                                       status: status.rawValue, percent: status == .done ? 100 : 0, note: "",
                                       updated: now, leaseUntil: nil))
            }
        }
        let agents = plan.agents.map { agent in
            AgentEntry(agent: agent.slug, id: agent.id, name: agent.name,
                       status: agent.status?.status?.rawValue ?? Status.pending.rawValue,
                       currentTask: agent.tasks.first { $0.status == .inProgress || $0.status == .blocked }?.id,
                       heartbeat: now)
        }
        return (tasks, agents)
    }

    static func holds(_ status: Status) -> Bool {
        status == .inProgress || status == .blocked || status == .done
    }

    /// Creates the stream and buckets when missing and writes the plan's
    /// entries; existing entries are kept unless `force`.
    public func seed(_ plan: Plan, force: Bool) throws(LiveError) -> SeedResult {
        let nats = try NATSClient(urls: endpoints.natsURLs, timeout: endpoints.timeout, redactor: endpoints.redactor)
        guard try nats.jetStreamEnabled() else {
            throw LiveError("NATS at \(nats.displayURLs) has JetStream disabled: start nats-server with -js")
        }
        if try nats.streamInfo(names.stream) == nil {
            try nats.addStream(names.stream, subjects: names.streamSubjects, replicas: names.replicas)
        }
        let tasksBucket = try openOrCreate(nats, names.tasksBucket)
        let statusBucket = try openOrCreate(nats, names.statusBucket)
        let redis = try RedisClient(url: endpoints.redisURL, timeout: endpoints.timeout, redactor: endpoints.redactor)
        let (tasks, agents) = Self.entries(for: plan, now: Clock.rfc3339(Clock.now()))
        var result = SeedResult()
        var mirror: [[String]] = []
        func write(_ bucket: NATSClient.KVBucket, key: String, value: [UInt8], fields: [String: String],
                   redisKey: String) throws(LiveError) {
            if try bucket.create(key, value) != nil {
                result.created += 1
            } else if force {
                try bucket.put(key, value)
                result.overwritten += 1
            } else {
                result.kept += 1
                return
            }
            mirror.append(["DEL", redisKey])
            mirror.append(["HSET", redisKey] + fields.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        }
        for task in tasks {
            try write(tasksBucket, key: task.task, value: task.json, fields: task.fields, redisKey: names.taskKey(task.task))
        }
        for agent in agents {
            try write(statusBucket, key: agent.agent, value: agent.json, fields: agent.fields, redisKey: names.agentKey(agent.agent))
        }
        try runPipeline(redis, mirror)
        return result
    }

    private func openOrCreate(_ nats: NATSClient, _ name: String) throws(LiveError) -> NATSClient.KVBucket {
        if let bucket = try nats.bucket(name) { return bucket }
        return try nats.createBucket(name, history: 5, replicas: names.replicas)
    }

    /// Replaces the Redis cache with the KV's entries; returns how many.
    public func rebuild() throws(LiveError) -> Int {
        let snapshot = try LiveReader(endpoints: endpoints, names: names).capture()
        let redis = try RedisClient(url: endpoints.redisURL, timeout: endpoints.timeout, redactor: endpoints.redactor)
        var commands: [[String]] = []
        for key in snapshot.taskCache.keys where snapshot.tasks[key] == nil { commands.append(["DEL", names.taskKey(key)]) }
        for key in snapshot.agentCache.keys where snapshot.agents[key] == nil { commands.append(["DEL", names.agentKey(key)]) }
        for (id, entry) in snapshot.tasks {
            commands.append(["DEL", names.taskKey(id)])
            commands.append(["HSET", names.taskKey(id)] + entry.value.fields.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        }
        for (slug, entry) in snapshot.agents {
            commands.append(["DEL", names.agentKey(slug)])
            commands.append(["HSET", names.agentKey(slug)] + entry.value.fields.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
        }
        try runPipeline(redis, commands)
        return snapshot.tasks.count + snapshot.agents.count
    }

    private func runPipeline(_ redis: RedisClient, _ commands: [[String]]) throws(LiveError) {
        var start = 0
        while start < commands.count {
            let batch = Array(commands[start..<min(start + 1000, commands.count)])
            for reply in try redis.pipeline(batch) {
                if case .error(let message) = reply { throw LiveError("Redis at \(redis.displayURL): \(message)") }
            }
            start += batch.count
        }
    }
}
