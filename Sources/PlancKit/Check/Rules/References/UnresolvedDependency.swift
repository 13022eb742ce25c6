struct UnresolvedDependency: Rule {
    static let description = RuleDescription(
        code: "PLAN010", alias: "unresolved-dependency", family: .references, severity: .error,
        summary: "A dependency names a phase or task the report does not have.",
        what: "Checks that a dependency written as a phase (`Phase 4`) or a task ID (`#parser`) names one the report has, and that a name that nearly matches a task or service (a typo) is not left unresolved. Other names (`legal review`, `Elasticsearch`) are outside the report and taken as written.",
        why: "A dependency that resolves to nothing is never satisfied and never checked.",
        fix: "Name the phase by number, the service as in the Infrastructure section, or the task by its title.",
        passing: ["## Infrastructure\n\n**Redis Caching:** Running on `localhost:6379`\n\n## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n\n### Phase 2: B (1 day) - PENDING\n- **Dependencies:** Phase 1, Redis (✅ ready), legal review\n"],
        failing: [
            "## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n- **Dependencies:** ↓Phase 4, ↓#parser\n",
            "## Active Agents\n\n### A\n**Tasks:**\n1. **Rate limiting** (1h) - HIGH\n\n## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n- **Dependencies:** ↓Rate limitng\n",
            "## Active Agents\n\n### A\n**Tasks:**\n↓1. Lexer (1h) (depends on #1)\n↓2. Parser (1h) (depends on #lexr)\n3. Printer (1h) (depends on #2, #lexer)\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        phaseFindings(context) + taskFindings(context.plan)
    }

    /// `(depends on #2, #parser)` on a task: `#<n>` is task n of the same
    /// list, `#<id>` a task ID; a task that depends on itself is a finding
    /// too. Other names are outside the report.
    private func taskFindings(_ plan: Plan) -> [Finding] {
        // Most reports write no task dependency: the IDs are gathered only
        // for those that do.
        let writes = plan.agents.contains { $0.tasks.contains { !$0.dependsOn.isEmpty } }
            || plan.tasks.contains { !$0.dependsOn.isEmpty }
        guard writes else { return [] }
        let ids = Set(plan.allTaskIDs)
        var findings: [Finding] = []
        func check(_ tasks: [PlanTask]) {
            let numbers = Set(tasks.map(\.number))
            for task in tasks {
                for reference in task.dependsOn {
                    let name = reference.trimmingSpaces()
                    guard name.hasPrefix("#") else { continue }
                    let target = String(name.dropFirst())
                    if let number = Int(target) {
                        if number == task.number {
                            findings.append(Finding(range: task.range, message: "task `\(task.title)` depends on itself (`\(name)`)",
                                                    help: "name the task it waits for"))
                        } else if !numbers.contains(number) {
                            findings.append(Finding(range: task.range, message: "task `\(task.title)` depends on `\(name)`, which its list does not have",
                                                    help: "its list numbers tasks \(numbers.sorted().map { "#\($0)" }.joined(separator: ", "))"))
                        }
                    } else if target == task.id {
                        findings.append(Finding(range: task.range, message: "task `\(task.title)` depends on itself (`\(name)`)",
                                                help: "name the task it waits for"))
                    } else if !ids.contains(target) {
                        let near = ids.filter { abs($0.count - target.count) <= 2 && editDistance($0, target) <= 2 }
                        findings.append(Finding(range: task.range, message: "task `\(task.title)` depends on `\(name)`, which is no task of this report",
                                                help: near.count == 1 ? "did you mean `#\(near.first!)`?" : "name a task by its ID"))
                    }
                }
            }
        }
        for agent in plan.agents { check(agent.tasks) }
        check(plan.tasks)
        return findings
    }

    private func phaseFindings(_ context: CheckContext) -> [Finding] {
        context.plan.phases.flatMap { phase in
            phase.dependencies.filter { $0.target == nil }.map { dependency in
                let isPhase = PhaseNames.number(inHeading: dependency.name) != nil
                let help: String
                if let suggestion = dependency.suggestion {
                    help = "did you mean `\(suggestion)`?"
                } else if isPhase {
                    help = "phases: \(context.plan.phases.compactMap(\.number).map { "Phase \($0)" }.joined(separator: ", "))"
                } else {
                    help = "name a task by its ID or title"
                }
                return Finding(range: dependency.range,
                               message: isPhase ? "there is no \(dependency.name)"
                                   : "`\(dependency.name)` is not a phase, service or task of this report",
                               help: help)
            }
        }
    }
}
