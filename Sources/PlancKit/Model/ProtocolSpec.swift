/// The Coordination Protocol section: lifecycle, channels and monitoring.
public struct ProtocolSpec: Sendable, Hashable {
    public var lifecycle: Subsection<LifecycleStep>?
    public var channels: Subsection<Channel>?
    /// Subjects in the section's lists outside its known sub-sections (a
    /// lifecycle written without a `### Lifecycle` heading), checked like
    /// the others.
    public var otherSubjects: [Located<String>] = []
    public var monitoring: Subsection<MonitoringEntry>?
    public var range: SourceRange

    public init(range: SourceRange) { self.range = range }

    /// The devlog path pattern that Monitoring names
    /// (`/devlog/<date>-<agent>-<task>.md`).
    public var devlogPattern: Located<String>? {
        monitoring?.entries.lazy.compactMap(\.devlogPattern).first
    }

    /// A `###` sub-section: its heading, its entries and the markdown
    /// around them.
    public struct Subsection<Entry: Sendable & Hashable>: Sendable, Hashable {
        public var heading: Heading
        public var entries: [Entry] = []
        /// Markdown before and after the entries' list.
        public var before: [RawMarkdown] = []
        public var after: [RawMarkdown] = []
        public var range: SourceRange
    }
}

/// `1. **Claim:** Agent publishes to \`agent.tasks.claim\``.
public struct LifecycleStep: Sendable, Hashable {
    public var number: Int
    public var name: String
    /// The text after the name, as written.
    public var text: String
    public var subjects: [Located<String>]
    public var continuation: [String] = []
    public var children: RawMarkdown?
    public var range: SourceRange
}

/// `- **Task Claims:** \`agent.tasks.claim\``.
public struct Channel: Sendable, Hashable {
    public var name: String
    public var text: String
    public var subject: Located<String>?
    public var continuation: [String] = []
    public var children: RawMarkdown?
    public var range: SourceRange
}

/// `- **Devlog:** \`/devlog/2025-12-11-<agent>-<task>.md\``.
public struct MonitoringEntry: Sendable, Hashable {
    public var name: String
    public var value: String
    /// The path pattern when the entry names the devlog.
    public var devlogPattern: Located<String>?
    public var continuation: [String] = []
    public var children: RawMarkdown?
    public var range: SourceRange
}
