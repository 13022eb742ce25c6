struct InvalidSubject: Rule {
    static let description = RuleDescription(
        code: "PLAN022", alias: "invalid-subject", family: .infrastructure, severity: .error,
        summary: "A NATS subject is not a valid subject.",
        what: "Checks the NATS service's channels and the protocol's lifecycle and channel subjects: no empty tokens, `*` and `>` only as whole tokens, `>` only last, no spaces. `<name>` placeholders are allowed.",
        why: "NATS refuses such subjects: agents following the report would fail to publish or subscribe.",
        fix: "Write tokens between single dots; use `*` for one token and `>` for the rest.",
        passing: ["## Coordination Protocol\n\n### Communication Channels\n- **Claims:** `agent.tasks.claim`\n- **Progress:** `agent.progress.<task_id>`\n- **All:** `agent.>`\n"],
        failing: ["## Coordination Protocol\n\n### Communication Channels\n- **Claims:** `↓agent..claim`\n- **All:** `↓agent.>.x`\n- **Some:** `↓agent.ta*`\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.subjects.compactMap { subject in
            guard let problem = NATSSubject.problem(subject.value) else { return nil }
            return Finding(range: subject.range, message: "`\(subject.value)` is not a valid NATS subject: \(problem)",
                           help: "tokens go between single dots; `*` stands for one token, `>` for the rest")
        }
    }
}

extension CheckContext {
    /// The subjects the report declares: the NATS services' channels and
    /// the protocol's lifecycle and channel subjects.
    var subjects: [Located<String>] {
        plan.services.filter { $0.kind == .nats }.flatMap(\.channels) + protocolSubjects
    }

    /// The subjects the protocol section uses.
    var protocolSubjects: [Located<String>] {
        (plan.protocolSpec?.lifecycle?.entries.flatMap(\.subjects) ?? [])
            + (plan.protocolSpec?.channels?.entries.compactMap(\.subject) ?? [])
            + (plan.protocolSpec?.otherSubjects ?? [])
    }
}
