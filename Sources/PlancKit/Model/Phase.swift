/// `### Phase 1: Production Blockers (1-2 days) - IN PROGRESS` and its keys.
public struct Phase: Sendable, Hashable {
    public var number: Int?
    public var name: String
    public var duration: Parsed<Duration>?
    /// The status at the end of the heading.
    public var status: StatusValue?
    public var heading: Heading
    public var agents: [AgentReference] = []
    public var agentsText: String?
    public var effort: Parsed<Effort>?
    /// The `Status` key (`🟡 Task 1 in progress`).
    public var statusNote: StatusValue?
    public var blocker: Located<String>?
    public var tasks: [PhaseTask] = []
    public var tasksText: String?
    public var dependencies: [Dependency] = []
    public var dependenciesText: String?
    /// What this phase blocks (`**Blocks:** Phase 3`): the reverse of a
    /// dependency.
    public var blocks: [Dependency] = []
    public var blocksText: String?
    /// Whether `status` came from the `Status` key, the heading having none.
    public var statusFromNote = false
    public var extras: [ExtraField] = []
    /// Other facts written beside the name or in its row.
    public var attributes: [Attribute] = []
    public var layout: [FieldSlot] = []
    public var written = WrittenForm()
    public var range: SourceRange

    public init(number: Int?, name: String, heading: Heading, range: SourceRange) {
        self.number = number
        self.name = name
        self.heading = heading
        self.range = range
    }
}

/// A reference to an agent by ID, slug or name, and the agent it names.
public struct AgentReference: Sendable, Hashable {
    public var text: String
    /// The slug of the agent it resolves to, or nil.
    public var agent: String?
    public var range: SourceRange
}

/// A task named in a phase's `Tasks` list.
public struct PhaseTask: Sendable, Hashable {
    public var id: String
    public var title: String
    /// A status written in parentheses after the title.
    public var status: StatusValue?
    /// `held by <agent>` in those parentheses.
    public var holder: String?
    public var range: SourceRange
    /// For tasks listed under a phase (a list or table): effort, agent,
    /// priority and what they depend on.
    public var effort: Parsed<Effort>?
    public var assignee: String?
    public var priority: Parsed<PlanTask.Priority>?
    public var dependsOn: [String] = []

    public init(id: String, title: String, status: StatusValue?, holder: String?, range: SourceRange) {
        self.id = id
        self.title = title
        self.status = status
        self.holder = holder
        self.range = range
    }
}

/// `Redis (✅ ready)`, `Phase 1`, or a task.
public struct Dependency: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case service(name: String)
        case phase(Int)
        case task(id: String)
        /// Something outside the report (`legal review`, `Elasticsearch`):
        /// read, and taken as written.
        case external
    }

    public var text: String
    /// The name without its status.
    public var name: String
    public var status: StatusValue?
    /// What the name resolves to, or nil when it names a phase or task
    /// that the report does not have (`Phase 9`, `#parser`), or one that
    /// nearly matches something it has (`suggestion`).
    public var target: Target?
    /// The report's name closest to an unresolved one, when close enough to
    /// be a typo.
    public var suggestion: String?
    public var range: SourceRange
}
