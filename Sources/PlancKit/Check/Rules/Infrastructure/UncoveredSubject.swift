struct UncoveredSubject: Rule {
    static let description = RuleDescription(
        code: "PLAN023", alias: "uncovered-subject", family: .infrastructure, severity: .warning,
        summary: "A protocol subject is not covered by the NATS service's channels.",
        what: "Checks that each lifecycle and channel subject matches one of the channels the NATS service declares (`agent.tasks.*` covers `agent.tasks.claim`).",
        why: "The stream captures the declared channels only: events on other subjects are lost.",
        fix: "Add a channel that covers the subject to the NATS service, or correct the subject.",
        passing: ["## Infrastructure\n\n**NATS:** Running on `nats://localhost:4222`\n- Channels: `agent.tasks.*`, `agent.status.*`\n\n## Coordination Protocol\n\n### Communication Channels\n- **Claims:** `agent.tasks.claim`\n- **Status:** `agent.status.<agent>`\n"],
        failing: ["## Infrastructure\n\n**NATS:** Running on `nats://localhost:4222`\n- Channels: `agent.tasks.*`\n\n## Coordination Protocol\n\n### Communication Channels\n- **Claims:** `agent.tasks.claim`\n- **Progress:** `↓agent.progress.<task_id>`\n"])

    func check(_ context: CheckContext) -> [Finding] {
        // Only valid channels cover anything; invalid ones are another finding.
        let patterns = context.plan.services.filter { $0.kind == .nats }.flatMap(\.channels).map(\.value)
            .filter { NATSSubject.problem($0) == nil }
        guard !patterns.isEmpty else { return [] }
        let declared = patterns.map { "`\($0)`" }.joined(separator: ", ")
        return context.protocolSubjects.compactMap { subject in
            guard NATSSubject.problem(subject.value) == nil,
                  !patterns.contains(where: { NATSSubject.covers($0, subject.value) }) else { return nil }
            return Finding(range: subject.range, message: "`\(subject.value)` is not covered by the NATS channels \(declared)",
                           help: "add a channel such as `\(Self.suggestion(for: subject.value))` to the NATS service")
        }
    }

    private static func suggestion(for subject: String) -> String {
        let tokens = NATSSubject.tokens(subject)
        return tokens.count > 1 ? tokens.dropLast().joined(separator: ".") + ".*" : subject
    }
}
