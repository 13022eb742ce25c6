import PlancKit

/// Everything `planc diff` compares, captured at one moment: from the
/// servers, or from a snapshot file written by `planc state export`.
public struct LiveSnapshot: Sendable, Hashable {
    public static let version = 1

    public struct NATSState: Sendable, Hashable {
        public var urls: String
        public var jetstream: Bool
        public var stream: StreamState?
    }

    public struct StreamState: Sendable, Hashable {
        public var name: String
        public var subjects: [String]
        public var lastSequence: UInt64
    }

    public struct RedisState: Sendable, Hashable {
        public var url: String
        public var maxMemory: Int64?
        public var policy: String?
        public var appendOnly: Bool?
    }

    public struct Versioned<Value: Sendable & Hashable>: Sendable, Hashable {
        public var value: Value
        public var revision: UInt64
    }

    public var capturedAt: String
    public var nats: NATSState?
    /// Health-check URL → HTTP status (0 when nothing answered).
    public var health: [String: Int] = [:]
    public var redis: RedisState?
    public var tasks: [String: Versioned<TaskEntry>] = [:]
    public var agents: [String: Versioned<AgentEntry>] = [:]
    /// The Redis hashes, by task ID and agent slug.
    public var taskCache: [String: [String: String]] = [:]
    public var agentCache: [String: [String: String]] = [:]

    public init(capturedAt: String) { self.capturedAt = capturedAt }

    /// The latest time written in the live state (updates and heartbeats).
    public var latestUpdate: String? {
        let times = tasks.values.map(\.value.updated) + agents.values.map(\.value.heartbeat)
        return times.compactMap { time in Clock.seconds(time).map { (time, $0) } }.max { $0.1 < $1.1 }?.0
    }
}

/// The snapshot file: one JSON document, keys sorted, described in
/// docs/live-state.md.
public enum SnapshotFile {
    public static func encode(_ snapshot: LiveSnapshot) -> [UInt8] {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.member("version", LiveSnapshot.version)
        json.member("capturedAt", snapshot.capturedAt)
        json.key("nats")
        if let nats = snapshot.nats {
            json.beginObject()
            json.member("urls", nats.urls)
            json.member("jetstream", nats.jetstream)
            json.key("stream")
            if let stream = nats.stream {
                json.beginObject()
                json.member("name", stream.name)
                json.key("subjects")
                json.beginArray()
                for subject in stream.subjects { json.element(); json.string(subject) }
                json.endArray()
                json.member("lastSequence", Int(stream.lastSequence))
                json.endObject()
            } else {
                json.null()
            }
            json.endObject()
        } else {
            json.null()
        }
        json.key("health")
        json.beginObject()
        for (url, status) in snapshot.health.sorted(by: { $0.key < $1.key }) { json.member(dynamic: url, status) }
        json.endObject()
        json.key("redis")
        if let redis = snapshot.redis {
            json.beginObject()
            json.member("url", redis.url)
            json.key("maxmemory"); json.int(redis.maxMemory.map(Int.init))
            json.member("maxmemoryPolicy", redis.policy)
            json.member("appendonly", redis.appendOnly)
            json.endObject()
        } else {
            json.null()
        }
        json.key("tasks")
        json.beginObject()
        for (id, entry) in snapshot.tasks.sorted(by: { $0.key < $1.key }) {
            json.key(dynamic: id)
            json.beginObject()
            json.member("revision", Int(entry.revision))
            json.key("value"); json.raw(entry.value.json)
            json.endObject()
        }
        json.endObject()
        json.key("agents")
        json.beginObject()
        for (slug, entry) in snapshot.agents.sorted(by: { $0.key < $1.key }) {
            json.key(dynamic: slug)
            json.beginObject()
            json.member("revision", Int(entry.revision))
            json.key("value"); json.raw(entry.value.json)
            json.endObject()
        }
        json.endObject()
        json.key("cache")
        json.beginObject()
        for (name, cache) in [("tasks", snapshot.taskCache), ("agents", snapshot.agentCache)] {
            json.key(dynamic: name)
            json.beginObject()
            for (key, fields) in cache.sorted(by: { $0.key < $1.key }) {
                json.key(dynamic: key)
                json.beginObject()
                for (field, value) in fields.sorted(by: { $0.key < $1.key }) { json.member(dynamic: field, value) }
                json.endObject()
            }
            json.endObject()
        }
        json.endObject()
        json.endObject()
        return json.bytes + [0x0A]
    }

    public static func decode(_ bytes: [UInt8], file: String) throws(LiveError) -> LiveSnapshot {
        let root = try JSONObject.parse(bytes, what: "the snapshot \(file)")
        guard root.int("version") == LiveSnapshot.version else {
            throw LiveError("\(file): not a planc snapshot of version \(LiveSnapshot.version)")
        }
        var snapshot = LiveSnapshot(capturedAt: root.string("capturedAt") ?? "")
        if let nats = root.object("nats") {
            var stream: LiveSnapshot.StreamState?
            if let info = nats.object("stream") {
                stream = .init(name: info.string("name") ?? "", subjects: info.values["subjects"]?.array?.compactMap(\.string) ?? [],
                               lastSequence: UInt64(info.int("lastSequence") ?? 0))
            }
            snapshot.nats = .init(urls: nats.string("urls") ?? "", jetstream: nats.bool("jetstream") ?? false, stream: stream)
        }
        if let health = root.object("health") {
            for key in health.keys { snapshot.health[key] = health.int(key) ?? 0 }
        }
        if let redis = root.object("redis") {
            snapshot.redis = .init(url: redis.string("url") ?? "", maxMemory: redis.int("maxmemory").map(Int64.init),
                                   policy: redis.string("maxmemoryPolicy"), appendOnly: redis.bool("appendonly"))
        }
        for (name, isTask) in [("tasks", true), ("agents", false)] {
            guard let entries = root.object(name) else { continue }
            for key in entries.keys {
                guard let entry = entries.object(key), let value = entry.object("value") else {
                    throw LiveError("\(file): \(name).\(key) has no value")
                }
                let revision = UInt64(max(entry.int("revision") ?? 0, 0))
                if isTask {
                    snapshot.tasks[key] = .init(value: TaskEntry.decode(value, key: key), revision: revision)
                } else {
                    snapshot.agents[key] = .init(value: AgentEntry.decode(value, key: key), revision: revision)
                }
            }
        }
        if let cache = root.object("cache") {
            for (name, isTask) in [("tasks", true), ("agents", false)] {
                guard let entries = cache.object(name) else { continue }
                for key in entries.keys {
                    let fields = entries.values[key]?.object?.compactMapValues(\.string) ?? [:]
                    if isTask { snapshot.taskCache[key] = fields } else { snapshot.agentCache[key] = fields }
                }
            }
        }
        return snapshot
    }
}
