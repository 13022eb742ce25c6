/// Every rule planc has, in code order.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        MissingTitle.self, MissingDate.self, MissingAgents.self, MissingPhases.self,
        DuplicateAgent.self, DuplicateTask.self, PhaseNumbering.self, UnknownProgressTask.self,
        UnknownAgentReference.self, UnresolvedDependency.self, UnknownCurrentPhase.self,
        EffortMismatch.self, PhaseEffortMismatch.self, UnreadableQuantity.self, DependencyCycle.self,
        StatusContradiction.self, DonePhaseIncomplete.self, IdleRunningAgent.self, StatusNoteMismatch.self,
        UnknownPriority.self, UnknownStatus.self,
        InvalidSubject.self, UncoveredSubject.self, InvalidPort.self, InvalidURL.self,
        InvalidMaxMemory.self, InvalidMaxMemoryPolicy.self,
        InvalidDate.self, LastUpdatedTooEarly.self,
        MojibakeRule.self,
        DevlogPlaceholder.self,
        UnreadContent.self, NothingRead.self, RepeatedSection.self,
    ]

    /// The rules for devlog entries.
    public static let devlog: [any DevlogRule.Type] = [
        DevlogNamePattern.self, DevlogUnknownAgent.self, DevlogUnknownTask.self, DevlogAmbiguousName.self,
        DevlogInvalidDate.self, DevlogDateBeforeStart.self, DevlogFrontMatterMismatch.self,
        DevlogInvalidFrontMatter.self, DevlogMissingTitle.self, DevlogMissingSection.self,
        DevlogStatusMismatch.self, DevlogDuplicateEntry.self,
    ]

    /// Every rule's description: plan rules, then devlog rules.
    public static let descriptions: [RuleDescription] = all.map { $0.description } + devlog.map { $0.description }

    /// A rule by code (`PLAN012`, any case) or alias (`effort-mismatch`).
    public static func rule(named name: String) -> RuleDescription? {
        let wanted = name.lowercased()
        return descriptions.first { $0.code.lowercased() == wanted || $0.alias == wanted }
    }
}
