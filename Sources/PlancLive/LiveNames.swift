/// The names of the live-state contract (docs/live-state.md), each one
/// configurable in `.planc.yml` under `live:`.
public struct LiveNames: Sendable, Hashable {
    public var stream = "AGENT_EVENTS"
    public var streamSubjects = ["agent.>"]
    public var tasksBucket = "AGENT_TASKS"
    public var statusBucket = "AGENT_STATUS"
    public var redisPrefix = "planc"
    /// Replicas for the stream and buckets planc creates (3 in a cluster).
    public var replicas = 1

    public init() {}

    public func taskKey(_ id: String) -> String { "\(redisPrefix):task:\(id)" }
    public func agentKey(_ slug: String) -> String { "\(redisPrefix):agent:\(slug)" }
}
