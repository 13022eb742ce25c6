/// What a rule sees: the parsed plan, the source it came from and the
/// configuration.
public struct CheckContext: Sendable {
    public let plan: Plan
    public let source: SourceText
    public let configuration: Configuration

    public init(plan: Plan, source: SourceText, configuration: Configuration = Configuration()) {
        self.plan = plan
        self.source = source
        self.configuration = configuration
    }

    /// The byte offset in the file of a position on a line.
    public func offset(line: Int, byte: Int) -> Int {
        source.lineRange(line).lowerBound + byte
    }

    /// The range of a part of a located range's text: `prefix` characters
    /// in, `length` characters long. For values on one line.
    public func subrange(of range: SourceRange, text: String, from start: String.Index, to end: String.Index)
    -> SourceRange {
        let before = DisplayWidth.width(of: String(text[..<start]))
        let inside = DisplayWidth.width(of: String(text[start..<end]))
        return SourceRange(line: range.line, column: range.column + before,
                           endLine: range.line, endColumn: range.column + before + inside)
    }

    /// Calls `visit` with every task of the plan: the agents' in order,
    /// then those of a Tasks section that name no agent. A large plan has
    /// hundreds of thousands: they are visited in place, never copied out
    /// (a task is a dozen strings to retain and release).
    public func forEachAgentTask(_ visit: (PlanTask) -> Void) {
        for agent in plan.agents.indices {
            for task in plan.agents[agent].tasks.indices { visit(plan.agents[agent].tasks[task]) }
        }
        for task in plan.tasks.indices { visit(plan.tasks[task]) }
    }

    /// How many agent tasks the plan has.
    public var agentTaskCount: Int {
        plan.agents.reduce(0) { $0 + $1.tasks.count }
    }
}
