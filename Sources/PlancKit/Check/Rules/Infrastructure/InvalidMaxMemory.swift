struct InvalidMaxMemory: Rule {
    static let description = RuleDescription(
        code: "PLAN026", alias: "invalid-maxmemory", family: .infrastructure, severity: .error,
        summary: "Redis's max memory is a size Redis would not accept.",
        what: "Checks that `Max memory` is a number of bytes, optionally with `k`, `kb`, `m`, `mb`, `g` or `gb`, as Redis reads `maxmemory`.",
        why: "`planc diff` compares it with the server's `maxmemory`; Redis itself refuses anything else.",
        fix: "Write the size as Redis does: `256mb`, `1gb`, `268435456`.",
        passing: ["## Infrastructure\n\n**Redis:** Running on `localhost:6379`\n- Max memory: 256MB\n"],
        failing: ["## Infrastructure\n\n**Redis:** Running on `localhost:6379`\n- Max memory: ↓1.5GB\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.services.compactMap { service in
            guard let memory = service.maxMemory, memory.value == nil else { return nil }
            return Finding(range: memory.range, message: "Redis would not accept `\(memory.text)` as maxmemory",
                           help: "use whole numbers with k, kb, m, mb, g or gb: `256mb`, `1gb`")
        }
    }
}
