/// A status report as a typed model. Every node carries its source range.
///
/// Besides the typed content, the model keeps what it needs to give the
/// report back without loss: each container's `layout` records the order of
/// its parts as written, with markdown planc does not interpret kept in
/// place as `RawMarkdown`.
public struct Plan: Sendable, Hashable {
    /// The file the plan was read from, as named on the command line.
    public var file: String
    public var title: String?
    /// The date at the end of the title (`... - 2025-12-11`).
    public var date: Parsed<CalendarDate>?
    /// What separates the title from its date as written (` - `, ` — `).
    public var dateSeparator = " - "
    /// What closes the date in the title (`)` for `Status (2025-12-11)`).
    public var dateSuffix = ""
    /// Whether the date is the title's, rather than front matter's.
    public var dateInTitle = true
    public var services: [Service] = []
    public var agents: [Agent] = []
    public var phases: [Phase] = []
    public var protocolSpec: ProtocolSpec?
    public var nextSteps: [NextStep] = []
    public var questions: [Question] = []
    public var footer: Footer?
    /// Tasks listed outside any agent (a Tasks section) that name no agent
    /// the report has.
    public var tasks: [PlanTask] = []
    /// YAML front matter, kept as written.
    public var frontMatter: FrontMatter?
    /// What planc noticed while reading and could not map: content it
    /// skipped, sections given twice. The checker reports them.
    public var notes: [ReadingNote] = []
    /// Every top-level part in the order written.
    public var sections: [Section] = []
    /// Text that was mojibake, as repaired.
    public var repairs: [Repair] = []
    /// The range of the whole file.
    public var range: SourceRange

    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }

    public var lastUpdated: Parsed<DateTime>? { footer?.lastUpdated }
    public var nextCheck: Located<String>? { footer?.nextCheck }

    /// Every task of the plan: the agents' tasks in order, then the tasks
    /// that only phases name.
    public var allTaskIDs: [String] {
        var seen = Set<String>()
        var ids: [String] = []
        for agent in agents { for task in agent.tasks where seen.insert(task.id).inserted { ids.append(task.id) } }
        for phase in phases { for task in phase.tasks where seen.insert(task.id).inserted { ids.append(task.id) } }
        for task in tasks where seen.insert(task.id).inserted { ids.append(task.id) }
        return ids
    }
}

extension Plan {
    /// The IDs of the tasks that make a phase: those it lists, and those of
    /// the agents whose current task is in it.
    public func taskIDs(of phase: Phase) -> [String] {
        var ids = phase.tasks.map(\.id)
        if let number = phase.number {
            for agent in agents where agent.currentTask?.phaseNumber == number {
                ids += agent.tasks.map(\.id)
            }
        }
        return ids
    }

    /// An agent by slug, ID or name, in any case.
    public func agent(named reference: String) -> Agent? {
        let lower = reference.lowercased()
        return agents.first { $0.slug == lower || $0.id?.lowercased() == lower || $0.name.lowercased() == lower }
            ?? agents.first { $0.slug == Slug.agent(reference) }
    }

    /// The tasks an agent may write about: its own, and those of the phases
    /// it works on (named in the phase, or its current phase).
    public func taskIDs(for agent: Agent) -> Set<String> {
        var ids = Set(agent.tasks.map(\.id))
        for phase in phases {
            let named = phase.agents.contains { $0.agent == agent.slug }
            let current = phase.number != nil && agent.currentTask?.phaseNumber == phase.number
            if named || current { ids.formUnion(taskIDs(of: phase)) }
        }
        return ids
    }

    /// A task's status as the report gives it (agent tasks, then phase lists).
    public func status(ofTask id: String) -> (status: Status, range: SourceRange)? {
        for agent in agents {
            if let task = agent.tasks.first(where: { $0.id == id }) { return (task.status, task.range) }
        }
        for phase in phases {
            if let task = phase.tasks.first(where: { $0.id == id }) { return (task.status?.status ?? .pending, task.range) }
        }
        if let task = tasks.first(where: { $0.id == id }) { return (task.status, task.range) }
        return nil
    }
}

/// One mojibake run, as written and as planc reads it.
public struct Repair: Sendable, Hashable {
    public var original: String
    public var repaired: String
    /// The encoding the UTF-8 text was read as.
    public var encoding: Mojibake.Encoding
    public var range: SourceRange
}

/// A top-level part of the report: the title, a `##` section, or text
/// before the title.
public struct Section: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case title, infrastructure, agents, phases, tasks, `protocol`, nextSteps, questions, extra

        /// The kind in words, for messages.
        public var displayName: String {
            switch self {
            case .title: return "title"
            case .infrastructure: return "Infrastructure"
            case .agents: return "Agents"
            case .phases: return "Phase Plan"
            case .tasks: return "Tasks"
            case .protocol: return "Coordination Protocol"
            case .nextSteps: return "Next Steps"
            case .questions: return "Questions"
            case .extra: return "other"
            }
        }
    }

    public enum Item: Sendable, Hashable {
        case raw(RawMarkdown)
        /// A table or list that planc read agents, phases or tasks from,
        /// kept as written.
        case read(RawMarkdown)
        case service(Int)
        case agent(Int)
        case phase(Int)
        case lifecycle
        case channels
        case monitoring
        case nextStep(Int)
        case question(Int)
    }

    public var kind: Kind
    /// Nil for text before the title, and for a section that goes on
    /// after a section nested in it or that a phase heading opened.
    public var heading: Heading?
    public var items: [Item]
    public var range: SourceRange

    public init(kind: Kind, heading: Heading?, items: [Item] = [], range: SourceRange) {
        self.kind = kind
        self.heading = heading
        self.items = items
        self.range = range
    }
}

/// `---` and then `**Last Updated:**` / `**Next Check:**`.
public struct Footer: Sendable, Hashable {
    public var lastUpdated: Parsed<DateTime>?
    public var nextCheck: Located<String>?
    public var extras: [ExtraField] = []
    /// Markdown after the footer's keys.
    public var raw: [RawMarkdown] = []
    public var layout: [FieldSlot] = []
    public var range: SourceRange

    public init(range: SourceRange) { self.range = range }
}

/// The order of key lines in a container: a known key, an unknown one, or
/// a block of markdown between them.
public enum FieldSlot: Sendable, Hashable {
    case known(String)
    case extra(Int)
    case raw(RawMarkdown)
    /// Markdown nested under the key item before it (list-item keys only).
    case nested(RawMarkdown)
}

/// YAML front matter: `---` on the first line, up to the next `---`.
public struct FrontMatter: Sendable, Hashable {
    /// The lines between the fences.
    public var yaml: String
    /// The whole block as written, fences included.
    public var text: String
    /// Top-level keys with scalar values, in order.
    public var values: [(key: String, value: String)]
    public var range: SourceRange

    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.text == rhs.text && lhs.range == rhs.range
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(range)
    }

    public func value(_ key: String) -> String? {
        values.first { $0.key.lowercased() == key }?.value
    }
}

/// Something planc saw while reading a report and could not map, or read
/// in a way worth saying.
public struct ReadingNote: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A block that looks like plan content but gave planc nothing.
        case unread
        /// An agent without a status.
        case agentWithoutStatus
        /// A second section of a kind the report already has.
        case repeatedSection
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange

    public init(kind: Kind, message: String, range: SourceRange) {
        self.kind = kind
        self.message = message
        self.range = range
    }
}
