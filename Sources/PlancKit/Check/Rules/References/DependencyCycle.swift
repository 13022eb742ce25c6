struct DependencyCycle: Rule {
    static let description = RuleDescription(
        code: "PLAN015", alias: "dependency-cycle", family: .references, severity: .error,
        summary: "Phases depend on each other in a circle.",
        what: "Follows the `Phase <n>` dependencies of every phase and reports each cycle once, with its full path.",
        why: "No phase of a cycle can ever start: each waits for another that waits for it.",
        fix: "Remove one dependency of the cycle.",
        passing: ["## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n\n### Phase 2: B (1 day) - PENDING\n- **Dependencies:** Phase 1\n"],
        failing: [
            "## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n- **Dependencies:** ↓Phase 3\n\n### Phase 2: B (1 day) - PENDING\n\n### Phase 3: C (1 day) - PENDING\n- **Dependencies:** Phase 1\n",
            "## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n- **Dependencies:** ↓Phase 1\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let phases = context.plan.phases.filter { $0.number != nil }
        var edges: [Int: [(target: Int, range: SourceRange)]] = [:]
        for phase in phases {
            for dependency in phase.dependencies {
                if case .phase(let target)? = dependency.target {
                    edges[phase.number!, default: []].append((target, dependency.range))
                }
            }
        }
        var findings: [Finding] = []
        var reported = Set<[Int]>()
        // Depth-first search from every phase; a path that comes back to
        // its start is a cycle, reported once from its smallest phase.
        for start in phases.compactMap(\.number) {
            var stack: [(node: Int, path: [Int], ranges: [SourceRange])] = [(start, [start], [])]
            var visited = Set<Int>()
            while let (node, path, ranges) = stack.popLast() {
                for edge in edges[node] ?? [] {
                    if edge.target == start {
                        let cycle = path
                        guard cycle.min() == start, reported.insert(cycle).inserted else { continue }
                        let text = (cycle + [start]).map { "Phase \($0)" }.joined(separator: " → ")
                        findings.append(Finding(range: (ranges + [edge.range])[0],
                                                message: "dependency cycle: \(text)",
                                                help: "remove one of these dependencies; no phase of the cycle can start"))
                    } else if !path.contains(edge.target), visited.insert(edge.target).inserted {
                        stack.append((edge.target, path + [edge.target], ranges + [edge.range]))
                    }
                }
            }
        }
        return findings
    }
}
