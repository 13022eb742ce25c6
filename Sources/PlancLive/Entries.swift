import PlancKit

/// The current state of a task, as the `AGENT_TASKS` bucket holds it.
public struct TaskEntry: Sendable, Hashable {
    public var task: String
    /// The holder; nil when nobody holds the task.
    public var agent: String?
    /// The agent the plan lists the task under.
    public var assignee: String?
    public var status: String
    public var percent: Int
    public var note: String
    /// RFC 3339, UTC.
    public var updated: String
    public var leaseUntil: String?

    public init(task: String, agent: String?, assignee: String?, status: String, percent: Int, note: String,
                updated: String, leaseUntil: String?) {
        self.task = task
        self.agent = agent
        self.assignee = assignee
        self.status = status
        self.percent = percent
        self.note = note
        self.updated = updated
        self.leaseUntil = leaseUntil
    }

    /// The KV value: JSON with the contract's keys, in its order.
    public var json: [UInt8] {
        var writer = JSONWriter(pretty: false)
        writer.beginObject()
        writer.member("task", task)
        writer.member("agent", agent)
        writer.member("assignee", assignee)
        writer.member("status", status)
        writer.member("percent", percent)
        writer.member("note", note)
        writer.member("updated", updated)
        writer.member("lease_until", leaseUntil)
        writer.endObject()
        return writer.bytes
    }

    public static func decode(_ bytes: [UInt8], key: String) throws(LiveError) -> TaskEntry {
        decode(try JSONObject.parse(bytes, what: "task entry \(key)"), key: key)
    }

    static func decode(_ object: JSONObject, key: String) -> TaskEntry {
        TaskEntry(task: object.string("task") ?? key, agent: object.string("agent"),
                         assignee: object.string("assignee"), status: object.string("status") ?? "pending",
                         percent: object.int("percent") ?? 0, note: object.string("note") ?? "",
                         updated: object.string("updated") ?? "", leaseUntil: object.string("lease_until"))
    }

    /// The Redis hash mirroring the entry (null as an empty string).
    public var fields: [String: String] {
        ["task": task, "agent": agent ?? "", "assignee": assignee ?? "", "status": status,
         "percent": String(percent), "note": note, "updated": updated, "lease_until": leaseUntil ?? ""]
    }
}

/// An agent's status and heartbeat, as the `AGENT_STATUS` bucket holds it.
public struct AgentEntry: Sendable, Hashable {
    public var agent: String
    public var id: String?
    public var name: String
    public var status: String
    public var currentTask: String?
    /// RFC 3339, UTC.
    public var heartbeat: String

    public init(agent: String, id: String?, name: String, status: String, currentTask: String?, heartbeat: String) {
        self.agent = agent
        self.id = id
        self.name = name
        self.status = status
        self.currentTask = currentTask
        self.heartbeat = heartbeat
    }

    public var json: [UInt8] {
        var writer = JSONWriter(pretty: false)
        writer.beginObject()
        writer.member("agent", agent)
        writer.member("id", id)
        writer.member("name", name)
        writer.member("status", status)
        writer.member("current_task", currentTask)
        writer.member("heartbeat", heartbeat)
        writer.endObject()
        return writer.bytes
    }

    public static func decode(_ bytes: [UInt8], key: String) throws(LiveError) -> AgentEntry {
        decode(try JSONObject.parse(bytes, what: "agent entry \(key)"), key: key)
    }

    static func decode(_ object: JSONObject, key: String) -> AgentEntry {
        AgentEntry(agent: object.string("agent") ?? key, id: object.string("id"),
                          name: object.string("name") ?? key, status: object.string("status") ?? "pending",
                          currentTask: object.string("current_task"), heartbeat: object.string("heartbeat") ?? "")
    }

    public var fields: [String: String] {
        ["agent": agent, "id": id ?? "", "name": name, "status": status, "current_task": currentTask ?? "",
         "heartbeat": heartbeat]
    }
}

/// A JSON object, with typed lookups.
struct JSONObject {
    let values: [String: JSONValue]

    static func parse(_ bytes: [UInt8], what: String) throws(LiveError) -> JSONObject {
        guard let object = (try? JSONReader.parse(bytes))?.object else {
            throw LiveError("\(what) is not a JSON object")
        }
        return JSONObject(values: object)
    }

    func string(_ key: String) -> String? { values[key]?.string }

    func int(_ key: String) -> Int? { values[key]?.int }

    func bool(_ key: String) -> Bool? { values[key]?.bool }

    func object(_ key: String) -> JSONObject? { values[key]?.object.map(JSONObject.init) }

    var keys: [String] { Array(values.keys) }
}
