/// Captures live state from the servers in one pass: a bucket is read with
/// one watcher, the Redis cache with one SCAN loop and pipelined HGETALLs,
/// so the cost grows with the number of entries, not with round trips.
public struct LiveReader {
    public var endpoints: LiveEndpoints
    public var names: LiveNames

    public init(endpoints: LiveEndpoints, names: LiveNames) {
        self.endpoints = endpoints
        self.names = names
    }

    /// - Parameter healthURLs: health checks to ask (from the report).
    public func capture(healthURLs: [String] = []) throws(LiveError) -> LiveSnapshot {
        let redactor = endpoints.redactor
        var snapshot = LiveSnapshot(capturedAt: Clock.rfc3339(Clock.now()))
        let nats = try NATSClient(urls: endpoints.natsURLs, timeout: endpoints.timeout, redactor: redactor)
        let jetstream = try nats.jetStreamEnabled()
        var natsState = LiveSnapshot.NATSState(urls: nats.displayURLs, jetstream: jetstream, stream: nil)
        guard jetstream else {
            throw LiveError("NATS at \(nats.displayURLs) has JetStream disabled: start nats-server with -js")
        }
        if let stream = try nats.streamInfo(names.stream) {
            natsState.stream = .init(name: stream.name, subjects: stream.subjects, lastSequence: stream.lastSequence)
        }
        snapshot.nats = natsState
        guard let tasks = try nats.bucket(names.tasksBucket) else {
            throw LiveError("NATS at \(nats.displayURLs) has no KV bucket \(names.tasksBucket): run `planc state seed PLAN`")
        }
        guard let statuses = try nats.bucket(names.statusBucket) else {
            throw LiveError("NATS at \(nats.displayURLs) has no KV bucket \(names.statusBucket): run `planc state seed PLAN`")
        }
        for entry in try tasks.entries() {
            snapshot.tasks[entry.key] = .init(value: try TaskEntry.decode(entry.value, key: entry.key), revision: entry.revision)
        }
        for entry in try statuses.entries() {
            snapshot.agents[entry.key] = .init(value: try AgentEntry.decode(entry.value, key: entry.key), revision: entry.revision)
        }
        for url in healthURLs {
            switch HTTPProbe.get(url, timeout: endpoints.timeout) {
            case .status(let code): snapshot.health[url] = code
            case .failed: snapshot.health[url] = 0
            }
        }
        let redis = try RedisClient(url: endpoints.redisURL, timeout: endpoints.timeout, redactor: redactor)
        snapshot.redis = try redisState(redis)
        snapshot.taskCache = try hashes(redis, prefix: names.taskKey(""))
        snapshot.agentCache = try hashes(redis, prefix: names.agentKey(""))
        return snapshot
    }

    private func redisState(_ redis: RedisClient) throws(LiveError) -> LiveSnapshot.RedisState {
        let replies = try redis.pipeline([["PING"], ["CONFIG", "GET", "maxmemory"], ["CONFIG", "GET", "maxmemory-policy"],
                                          ["CONFIG", "GET", "appendonly"]])
        if case .error(let message) = replies[0] {
            throw LiveError("Redis at \(redis.displayURL) does not answer PING: \(message)")
        }
        func value(_ reply: RedisReply) -> String? { reply.elements.count == 2 ? reply.elements[1].text : nil }
        return .init(url: redis.displayURL, maxMemory: value(replies[1]).flatMap { Int64($0) },
                     policy: value(replies[2]), appendOnly: value(replies[3]).map { $0 == "yes" })
    }

    /// Every hash under a key prefix, by the rest of its key.
    private func hashes(_ redis: RedisClient, prefix: String) throws(LiveError) -> [String: [String: String]] {
        var keys: [String] = []
        var cursor = "0"
        repeat {
            let reply = try redis.command(["SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000"])
            guard reply.elements.count == 2, let next = reply.elements[0].text else {
                throw LiveError("Redis at \(redis.displayURL): unexpected SCAN reply")
            }
            keys += reply.elements[1].elements.compactMap(\.text)
            cursor = next
        } while cursor != "0"
        var result: [String: [String: String]] = [:]
        var start = 0
        while start < keys.count {
            let batch = Array(keys[start..<min(start + 1000, keys.count)])
            let replies = try redis.pipeline(batch.map { ["HGETALL", $0] })
            for (key, reply) in zip(batch, replies) {
                let items = reply.elements.compactMap(\.text)
                var fields: [String: String] = [:]
                var index = 0
                while index + 1 < items.count {
                    fields[items[index]] = items[index + 1]
                    index += 2
                }
                result[String(key.dropFirst(prefix.count))] = fields
            }
            start += batch.count
        }
        return result
    }
}
