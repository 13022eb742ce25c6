extension Plan {
    /// Whether agents or phases were read from the markdown, in whatever
    /// shape the parser reads them (sections, tables, lists).
    public var hasAgentsOrPhases: Bool { !agents.isEmpty || !phases.isEmpty }

    /// Whether the markdown is a status report: agents or phases were read
    /// from it, or it has an agents, phase plan, infrastructure or protocol
    /// section. Its name and folder do not matter. This is the one place
    /// planc decides it.
    public var isStatusReport: Bool {
        hasAgentsOrPhases || sections.contains { [.agents, .phases, .infrastructure, .protocol].contains($0.kind) }
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
    /// file name fits one of the patterns in force, else other.
    public static func byName(_ name: String, patterns: [DevlogPattern]) -> DocumentKind {
        patterns.contains { !$0.matches(name).isEmpty } ? .devlogEntry : .other
    }

    /// The devlog name patterns in force: the one `.planc.yml` declares,
    /// else each plan's Monitoring pattern (`<date>-<agent>-<task>.md` for a
    /// plan that declares none, or when there is no plan).
    public static func namePatterns(configuration: Configuration, plans: [Plan]) -> [DevlogPattern] {
        if let pattern = configuration.devlogPattern { return [pattern] }
        let patterns = plans.map { DevlogContext.declaredPattern(plan: $0, configuration: configuration) ?? .standard }
        return patterns.isEmpty ? [.standard] : Array(Set(patterns)).sorted { $0.text < $1.text }
    }
}
