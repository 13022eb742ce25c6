struct InvalidMaxMemoryPolicy: Rule {
    static let description = RuleDescription(
        code: "PLAN027", alias: "invalid-maxmemory-policy", family: .infrastructure, severity: .error,
        summary: "Redis's eviction policy is not one Redis has.",
        what: "Checks `Policy` against Redis's eight maxmemory policies.",
        why: "Redis refuses any other policy, and `planc diff` could never find the report in sync.",
        fix: "Use noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, volatile-lfu, volatile-random or volatile-ttl.",
        passing: ["## Infrastructure\n\n**Redis:** Running on `localhost:6379`\n- Policy: allkeys-lru\n"],
        failing: ["## Infrastructure\n\n**Redis:** Running on `localhost:6379`\n- Policy: ↓all-keys-lru\n"])

    static let policies = ["noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random",
                           "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"]

    func check(_ context: CheckContext) -> [Finding] {
        context.plan.services.compactMap { service in
            guard let policy = service.policy, !Self.policies.contains(policy.value.lowercased()) else { return nil }
            let guess = Self.policies.min { editDistance($0, policy.value.lowercased()) < editDistance($1, policy.value.lowercased()) }!
            return Finding(range: policy.range, message: "`\(policy.value)` is not a Redis maxmemory policy",
                           help: editDistance(guess, policy.value.lowercased()) <= 3 ? "did you mean `\(guess)`?"
                               : "use one of \(Self.policies.joined(separator: ", "))")
        }
    }
}
