extension DevlogContext {
    /// Findings about names sit at the start of the file: the name is not in it.
    func nameFinding(_ entry: DevlogEntry, _ message: String, help: String) -> DevlogFinding {
        DevlogFinding(file: entry.path, finding: Finding(range: .startOfFile, message: message, help: help))
    }

    /// How a finding names what the entry says: its file name when the name
    /// said it, else nothing (the finding points at the key's line).
    func subject(_ entry: DevlogEntry, _ reading: DevlogReading) -> String {
        reading.source == .name ? "`\(entry.name)`: " : ""
    }

    /// `the plan` or `plans/status.md`, for messages.
    var planName: String { plan.map { "`\($0.file)`" } ?? "the plan" }
}

/// A list for a help line, cut after a dozen items.
func shortList(_ items: [String]) -> String {
    items.count <= 12 ? items.joined(separator: ", ") : items.prefix(12).joined(separator: ", ") + ", …"
}

struct DevlogNamePattern: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG001", alias: "devlog-name", family: .devlog, severity: .error,
        summary: "A devlog entry's file name does not follow the declared devlog pattern.",
        what: "When a pattern is declared (`devlog: pattern:` in `.planc.yml`, else the plan's Monitoring section), checks that each entry is named after it. A pattern written with a date (`/devlog/2025-12-11-<agent>-<task>.md`) holds that day's entries only. Without a declared pattern, names are not checked, and an entry's agent and task are read from its keys when its name does not say them.",
        why: "The name is how tools find the entry for an agent's task; where the team has agreed on a pattern, a name that does not fit is never found.",
        fix: "Rename the file after the pattern, for example `2025-12-11-backend-node-optimizer-rate-limiting.md`.",
        passing: [DevlogExamples.valid],
        failing: ["<!-- file: notes.md -->\n↓# Notes\n", "<!-- file: 2025-12-11.md -->\n↓# Notes\n",
                  DevlogExamples.bodyKeys("batch2-test-fixes.md").replacing("# Test fixes", with: "↓# Test fixes")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard let reading = context.readings[entry.path], reading.heldToPattern, !reading.nameFits else { return nil }
            var help = "rename it after the pattern"
            if let agent = reading.agent, let task = reading.task {
                help += ": `\(context.pattern.name(date: reading.date?.value ?? context.today.description, agent: agent.slug, task: task))`"
            }
            return context.nameFinding(entry, "`\(entry.name)` does not follow `\(context.pattern.text)` (\(context.patternOrigin))",
                                       help: help)
        }
    }
}

struct DevlogUnknownAgent: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG002", alias: "devlog-unknown-agent", family: .devlog, severity: .error,
        summary: "A devlog entry names an agent the plan does not have.",
        what: "Resolves the agent the entry names, by slug, Agent ID or name, against the plan's agents: the agent in the file name when the name follows the pattern, else the `agent` key (front matter, `**Agent:**` line).",
        why: "An entry for an unknown agent is attached to no one.",
        fix: "Use the agent's slug (its name in kebab case), its Agent ID or its name.",
        passing: [DevlogExamples.valid, DevlogExamples.entry("2025-12-11-gp2-test-fixes.md", agent: "gp2"),
                  DevlogExamples.bodyKeys("batch2-test-fixes.md")],
        failing: ["<!-- file: 2025-12-11-nobody-docs.md -->\n↓# Docs\n",
                  DevlogExamples.bodyKeys("batch2-test-fixes.md", agent: "Nobody")
                    .replacing("**Agent:** Nobody", with: "↓**Agent:** Nobody")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        let agents = context.plan?.agents.map(\.slug) ?? []
        return context.entries.compactMap { entry in
            guard let reading = context.readings[entry.path], case .unknownAgent(let agent, let range)? = reading.issue
            else { return nil }
            return DevlogFinding(file: entry.path, finding: Finding(
                range: range, message: "\(context.subject(entry, reading))no agent of \(context.planName) is `\(agent)`",
                help: agents.isEmpty ? "the plan has no agents" : "agents: \(shortList(agents))"))
        }
    }
}

struct DevlogUnknownTask: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG003", alias: "devlog-unknown-task", family: .devlog, severity: .error,
        summary: "A devlog entry names a task that is not the agent's.",
        what: "Checks that the task the entry names (in the file name when it follows the pattern, else the `task` key, by ID or title) is one of the agent's tasks or a task of a phase the agent works on; without an agent, a task of the plan.",
        why: "An entry about another agent's task, or about no task, cannot be tied to the plan.",
        fix: "Use the task's ID (its title's slug) or its title, and the agent that holds it.",
        passing: [DevlogExamples.valid, DevlogExamples.entry("2025-12-11-general-purpose-changelog.md", task: "changelog", status: "pending"),
                  DevlogExamples.bodyKeys("batch2-docs.md", task: "Task 2: Docs", status: "🟡 IN PROGRESS")],
        failing: ["<!-- file: 2025-12-11-general-purpose-rocket.md -->\n↓# Rocket\n",
                  DevlogExamples.bodyKeys("batch2-rocket.md", task: "Rocket science")
                    .replacing("**Task:** Rocket", with: "↓**Task:** Rocket")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard let reading = context.readings[entry.path], let plan = context.plan,
                  case .unknownTask(let agent, let task, let range)? = reading.issue else { return nil }
            guard let agent else {
                return DevlogFinding(file: entry.path, finding: Finding(
                    range: range, message: "\(context.subject(entry, reading))no task of \(context.planName) is `\(task)`",
                    help: plan.allTaskIDs.isEmpty ? "the plan has no tasks" : "tasks: \(shortList(plan.allTaskIDs))"))
            }
            let tasks = plan.taskIDs(for: agent).sorted()
            return DevlogFinding(file: entry.path, finding: Finding(
                range: range, message: "\(context.subject(entry, reading))`\(task)` is not a task of \(agent.slug)",
                help: tasks.isEmpty ? "\(agent.slug) has no tasks" : "\(agent.slug)'s tasks: \(shortList(tasks))"))
        }
    }
}

struct DevlogAmbiguousName: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG004", alias: "devlog-ambiguous-name", family: .devlog, severity: .error,
        summary: "A devlog entry's name reads as more than one agent and task.",
        what: "Tries every split of the name's agent-task part against the plan; more than one that resolves is ambiguous, unless the entry's `agent` or `task` key says which.",
        why: "`general-purpose-docs` can be `general` + `purpose-docs` or `general-purpose` + `docs`: planc does not guess.",
        fix: "Name the agent by its Agent ID, which does not split (`2025-12-11-gp2-docs.md`), or say `agent:` in the front matter.",
        passing: [DevlogExamples.valid, DevlogExamples.entry("2025-12-11-gp2-docs.md", agent: "gp2", task: "docs", status: "inProgress"),
                  DevlogExamples.entry("2025-12-11-general-purpose-docs.md", agent: "gp2", task: "docs", status: "inProgress")],
        failing: ["<!-- file: 2025-12-11-general-purpose-docs.md -->\n↓# Docs\n"])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard case .ambiguous(let candidates)? = context.readings[entry.path]?.issue else { return nil }
            return context.nameFinding(entry, "`\(entry.name)` reads as \(candidates.map { "`\($0)`" }.joined(separator: " or "))",
                                       help: "name the agent by its Agent ID, or say `agent:` in the front matter")
        }
    }
}
