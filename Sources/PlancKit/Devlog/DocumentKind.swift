extension Plan {
    /// Whether agents, phases or tasks were read from the markdown, in
    /// whatever shape the parser reads them (sections, tables, lists).
    public var hasAgentsOrPhases: Bool { !agents.isEmpty || !phases.isEmpty || !tasks.isEmpty }

    /// Whether the markdown has an agents, phase plan or tasks section.
    public var hasPlanSection: Bool { sections.contains { [.agents, .phases, .tasks].contains($0.kind) } }

    /// Whether the markdown is a status report: agents, phases or tasks were
    /// read from it; or it has two kinds of a report's sections (agents,
    /// phase plan, tasks, infrastructure, protocol); or a table or list in
    /// such a section looks like plan content that planc could not read.
    /// One section alone with prose (a document with a `## Phases`
    /// chapter) is not a report. Its name and folder do not matter. This is
    /// the one place planc decides it.
    public var isStatusReport: Bool {
        if hasAgentsOrPhases { return true }
        let kinds = Set(sections.map(\.kind)).intersection([.agents, .phases, .tasks, .infrastructure, .protocol])
        return kinds.count >= 2 || notes.contains { $0.kind == .unread }
    }
}

/// What a markdown file is to `planc check`, judged by its content first.
public enum DocumentKind: Sendable, Hashable {
    case statusReport
    case devlogEntry
    /// Neither: a README, notes, other documents.
    case other

    /// The kind as the content tells it: a status report when agents or
    /// phases were read from it; else a devlog entry when it says its date,
    /// agent or task (front matter or body keys); else a status report when
    /// it has a report's sections. Nil when the content does not tell, and
    /// the name decides (`byName`). `entry` is read only when agents and
    /// phases did not decide (a large report is not read twice).
    public static func byContent(plan: Plan, entry: () -> DevlogEntry) -> DocumentKind? {
        if plan.hasAgentsOrPhases { return .statusReport }
        if entry().hasEntryKeys { return .devlogEntry }
        if plan.isStatusReport { return .statusReport }
        return nil
    }

    /// For markdown whose content does not tell: a devlog entry when its
    /// file name follows a declared pattern that holds it (`.planc.yml`'s,
    /// else a plan's Monitoring pattern), or reads as an agent and task of a
    /// plan of the run (with `<date>-<agent>-<task>.md` where a plan declares
    /// none); else other. A name alone, with nothing declared and no plan,
    /// makes no entry.
    public static func byName(_ name: String, configuration: Configuration, plans: [Plan]) -> DocumentKind {
        func resolves(_ pattern: DevlogPattern, _ plan: Plan) -> Bool {
            switch DevlogContext.resolve(name, pattern: pattern, plan: plan) {
            case .resolved, .ambiguous: return true
            default: return false
            }
        }
        func held(by pattern: DevlogPattern) -> Bool {
            guard let match = pattern.matches(name).first else { return false }
            return pattern.holds(date: match.date)
        }
        if let pattern = configuration.devlogPattern, held(by: pattern) { return .devlogEntry }
        for plan in plans {
            let declared = DevlogContext.declaredPattern(plan: plan, configuration: configuration)
            if let declared, held(by: declared) { return .devlogEntry }
            if resolves(declared ?? .standard, plan) { return .devlogEntry }
        }
        return .other
    }
}
