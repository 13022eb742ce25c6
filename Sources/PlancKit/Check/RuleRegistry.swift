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
    ]

    /// A rule by code (`PLAN012`, any case) or alias (`effort-mismatch`).
    public static func rule(named name: String) -> (any Rule.Type)? {
        let wanted = name.lowercased()
        return all.first { $0.description.code.lowercased() == wanted || $0.description.alias == wanted }
    }
}
