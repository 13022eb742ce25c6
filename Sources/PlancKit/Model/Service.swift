/// A service of the Infrastructure section: `**NATS Messaging:** Running on
/// \`nats://localhost:4222\`` and the list of properties under it.
public struct Service: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case nats, redis, other }

    public enum Persistence: String, Sendable, Hashable {
        case aof, rdb, aofAndRdb = "aof+rdb", none
    }

    /// One line of the property list, as written.
    public struct Property: Sendable, Hashable {
        public var text: String
        /// `Key: value` lines split, for tools.
        public var key: String?
        public var value: String?
        public var continuation: [String] = []
        /// Markdown nested under the line.
        public var children: RawMarkdown?
        public var range: SourceRange
    }

    public var name: String
    public var kind: Kind
    /// The value after the name, as written (`Running on \`...\``).
    public var value: String
    /// Later lines of the value's paragraph that are not keys.
    public var continuation: [String] = []
    public var endpoint: Located<String>?
    public var properties: [Property] = []

    // NATS
    public var jetstream: Bool = false
    public var healthCheck: Located<String>?
    public var channels: [Located<String>] = []

    // Redis
    public var maxMemory: Parsed<Int64>?
    public var policy: Located<String>?
    public var persistence: Parsed<Persistence>?

    public var nameRange: SourceRange
    public var range: SourceRange

    public init(name: String, kind: Kind, value: String, endpoint: Located<String>?,
                nameRange: SourceRange, range: SourceRange) {
        self.name = name
        self.kind = kind
        self.value = value
        self.endpoint = endpoint
        self.nameRange = nameRange
        self.range = range
    }
}
