/// `### Backend-Node-Optimizer (Agent ID: aa13444)` and its keys.
public struct Agent: Sendable, Hashable {
    public var name: String
    public var id: String?
    /// The value of an `Agent ID` key, as written, when the ID came from one.
    public var idText: String?
    /// The name in kebab case without a trailing `-agent`.
    public var slug: String
    public var heading: Heading
    public var status: StatusValue?
    public var started: Parsed<DateTime>?
    public var currentTask: CurrentTask?
    public var progress: [ProgressItem] = []
    public var tasks: [PlanTask] = []
    /// Whether the task list was written tight (no blank line between
    /// items); nil for planc's own layout.
    public var tasksTight: Bool?
    public var availableFor: [Located<String>]?
    /// `Available for` as written.
    public var availableForText: String?
    public var extras: [ExtraField] = []
    /// Other facts about the agent written beside its name or in its row:
    /// `(Priority: HIGH)`, a table's `Type` column.
    public var attributes: [Attribute] = []
    public var layout: [FieldSlot] = []
    public var written = WrittenForm()
    public var range: SourceRange

    public init(name: String, id: String?, slug: String, heading: Heading, range: SourceRange) {
        self.name = name
        self.id = id
        self.slug = slug
        self.heading = heading
        self.range = range
    }

    /// The task with a given number (`Task 2`), if there is one.
    public func task(number: Int) -> PlanTask? {
        tasks.first { $0.number == number }
    }
}

/// `Phase 1 - Production Blockers (8 hours)`.
public struct CurrentTask: Sendable, Hashable {
    public var text: String
    public var phaseNumber: Int?
    public var name: String
    public var effort: Parsed<Effort>?
    public var range: SourceRange
}

/// One line of an agent's `Progress` list.
public struct ProgressItem: Sendable, Hashable {
    public var status: StatusValue?
    /// The item's marker as written.
    public var listMarker: ListMarker = .dash
    /// The text after the marker.
    public var text: String
    /// `Task <n>:` at the start links the item to the agent's task n.
    public var taskNumber: Int?
    /// The linked task's ID, when the agent has task n.
    public var taskID: String?
    /// `40%` in the item's closing parenthesis: how far the task is.
    public var percent: Int?
    /// `held by <agent>` in the closing parenthesis: who holds the task, when
    /// it is not the agent the task is listed under.
    public var holder: String?
    public var continuation: [String] = []
    public var children: RawMarkdown?
    public var range: SourceRange

    public init(status: StatusValue?, text: String, taskNumber: Int?, taskID: String?, percent: Int? = nil,
                holder: String? = nil, continuation: [String] = [], children: RawMarkdown? = nil, range: SourceRange) {
        self.status = status
        self.text = text
        self.taskNumber = taskNumber
        self.taskID = taskID
        self.percent = percent
        self.holder = holder
        self.continuation = continuation
        self.children = children
        self.range = range
    }
}

/// A task: `1. **Rate Limiting** (4h) - CRITICAL` with its steps.
public struct PlanTask: Sendable, Hashable {
    public enum Priority: String, Sendable, Hashable, CaseIterable {
        case critical = "CRITICAL", high = "HIGH", medium = "MEDIUM", low = "LOW"
    }

    public var id: String
    /// The item's marker as written (`1.`, `-`).
    public var listMarker: ListMarker = .ordered
    /// Whether the ID was written (`` `#id` ``) rather than made from the title.
    public var hasExplicitID: Bool
    public var number: Int
    public var title: String
    /// Whether the title was written in bold (the canonical form); a title
    /// that was not is written back as it was.
    public var boldTitle: Bool = true
    /// The title's range.
    public var titleRange: SourceRange
    public var effort: Parsed<Effort>?
    public var priority: Parsed<Priority>?
    /// The task's own marker or box, if it has one.
    public var marker: StatusValue?
    /// The task's status: from the progress item that links to it, else its
    /// own marker, else pending.
    public var status: Status
    /// Text after the priority that planc does not interpret.
    public var trailing: String?
    /// A status named by the words of the task's line (`(IN PROGRESS)`,
    /// `- DONE`, a table's Status cell), beside or instead of a marker.
    public var wordStatus: StatusValue?
    /// The agent a task of a table or a phase list names (`Agent` column,
    /// `(Agent: search)`), as written.
    public var assignee: String?
    /// `Phase 1.2:` before the title: the phase the task belongs to.
    public var phaseNumber: Int?
    /// Where the task is listed: under its agent, or in a Tasks section
    /// (rendered there, as written).
    public var place: Place = .agentList
    /// What the task depends on, as written (`(depends on #2, #7)`).
    public var dependsOn: [String] = []
    /// Other facts in its row or beside its title: a table's other columns.
    public var attributes: [Attribute] = []
    /// The line after its marker as written, for tasks in a shape planc
    /// does not write itself; used while the task is unchanged.
    public var written = WrittenForm()
    public var continuation: [String] = []
    public var steps: [Step] = []
    /// Markdown in the item before and after the steps.
    public var before: [RawMarkdown] = []
    public var after: [RawMarkdown] = []
    public var range: SourceRange

    public enum Place: String, Sendable, Hashable {
        case agentList, taskSection
    }

    public struct Step: Sendable, Hashable {
        public var text: String
        /// The item's marker as written.
        public var listMarker: ListMarker = .dash
        /// For GFM task items: whether the box is ticked.
        public var checked: Bool?
        public var continuation: [String] = []
        public var children: RawMarkdown?
        public var range: SourceRange
    }
}

/// A fact written beside a name: `(Priority: HIGH)`, a table cell.
public struct Attribute: Sendable, Hashable {
    public var key: String
    public var value: String
    public var range: SourceRange

    public init(key: String, value: String, range: SourceRange) {
        self.key = key
        self.value = value
        self.range = range
    }
}
