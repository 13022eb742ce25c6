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

    /// All agent tasks of the plan, in order; lazily, because a large plan
    /// has hundreds of thousands and most rules stop early or skip most.
    public var agentTasks: some Sequence<PlanTask> {
        plan.agents.lazy.flatMap(\.tasks)
    }
}
