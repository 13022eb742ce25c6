struct UnknownPriority: Rule {
    static let description = RuleDescription(
        code: "PLAN020", alias: "unknown-priority", family: .consistency, severity: .warning,
        summary: "A task's priority is not one planc knows.",
        what: "Checks that task priorities are CRITICAL, HIGH, MEDIUM or LOW.",
        why: "Tools sort and filter by priority; a word outside the scale is sorted nowhere.",
        fix: "Use CRITICAL, HIGH, MEDIUM or LOW (or P0 to P3).",
        passing: ["## Active Agents\n\n### A\n**Tasks:**\n1. **One** (1h) - high\n"],
        failing: ["## Active Agents\n\n### A\n**Tasks:**\n1. **One** (1h) - ↓SOMEDAY\n"])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var priorities: [Parsed<PlanTask.Priority>] = []
        context.forEachAgentTask { task in
            if let priority = task.priority, priority.value == nil { priorities.append(priority) }
        }
        for phase in context.plan.phases {
            for task in phase.tasks { if let priority = task.priority, priority.value == nil { priorities.append(priority) } }
        }
        for priority in priorities {
            let upper = priority.text.uppercased()
            let guess = PlanTask.Priority.allCases.map(\.rawValue).min { editDistance($0, upper) < editDistance($1, upper) }
            let close = guess.map { editDistance($0, upper) <= 2 } ?? false
            findings.append(Finding(range: priority.range, message: "`\(priority.text)` is not a priority",
                                    help: close ? "did you mean `\(guess!)`?" : "use CRITICAL, HIGH, MEDIUM or LOW"))
        }
        return findings
    }
}

/// Levenshtein distance, for "did you mean" hints.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
