extension DevlogContext {
    /// Findings about names sit at the start of the file: the name is not in it.
    func nameFinding(_ entry: DevlogEntry, _ message: String, help: String) -> DevlogFinding {
        DevlogFinding(file: entry.path, finding: Finding(range: .startOfFile, message: message, help: help))
    }
}

struct DevlogNamePattern: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG001", alias: "devlog-name", family: .devlog, severity: .error,
        summary: "A devlog entry's file name does not follow the devlog pattern.",
        what: "Checks that each entry is named `<date>-<agent>-<task>.md`, or after the pattern the plan's Monitoring section gives.",
        why: "The name is how tools find the entry for an agent's task; a name that does not fit is never found.",
        fix: "Rename the file, for example `2025-12-11-backend-node-optimizer-rate-limiting.md`.",
        passing: [DevlogExamples.valid],
        failing: ["<!-- file: notes.md -->\n↓# Notes\n", "<!-- file: 2025-12-11.md -->\n↓# Notes\n"])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard case .noMatch? = context.resolutions[entry.path] else { return nil }
            return context.nameFinding(entry, "`\(entry.name)` does not follow `\(context.pattern.text)`",
                                       help: "name the entry `<date>-<agent>-<task>.md`, e.g. 2025-12-11-backend-node-optimizer-rate-limiting.md")
        }
    }
}

struct DevlogUnknownAgent: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG002", alias: "devlog-unknown-agent", family: .devlog, severity: .error,
        summary: "A devlog entry names an agent the plan does not have.",
        what: "Resolves the agent part of the file name against the plan's agents, by slug or Agent ID.",
        why: "An entry for an unknown agent is attached to no one.",
        fix: "Use the agent's slug (its name in kebab case) or its Agent ID.",
        passing: [DevlogExamples.valid, DevlogExamples.entry("2025-12-11-gp2-test-fixes.md", agent: "gp2")],
        failing: ["<!-- file: 2025-12-11-nobody-docs.md -->\n↓# Docs\n"])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        let agents = context.plan.agents.map(\.slug).joined(separator: ", ")
        return context.entries.compactMap { entry in
            guard case .unknownAgent(_, let agent)? = context.resolutions[entry.path] else { return nil }
            return context.nameFinding(entry, "`\(entry.name)`: no agent of the plan is `\(agent)`",
                                       help: agents.isEmpty ? "the plan has no agents" : "agents: \(agents)")
        }
    }
}

struct DevlogUnknownTask: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG003", alias: "devlog-unknown-task", family: .devlog, severity: .error,
        summary: "A devlog entry names a task that is not the agent's.",
        what: "Checks that the task in the file name is one of the agent's tasks, or a task of a phase the agent works on.",
        why: "An entry about another agent's task, or about no task, cannot be tied to the plan.",
        fix: "Use the task's ID (its title's slug), and the agent that holds it.",
        passing: [DevlogExamples.valid, DevlogExamples.entry("2025-12-11-general-purpose-changelog.md", task: "changelog", status: "pending")],
        failing: ["<!-- file: 2025-12-11-general-purpose-rocket.md -->\n↓# Rocket\n"])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard case .unknownTask(_, let agent, let task)? = context.resolutions[entry.path] else { return nil }
            let tasks = context.plan.taskIDs(for: agent).sorted().joined(separator: ", ")
            return context.nameFinding(entry, "`\(entry.name)`: `\(task)` is not a task of \(agent.slug)",
                                       help: tasks.isEmpty ? "\(agent.slug) has no tasks" : "\(agent.slug)'s tasks: \(tasks)")
        }
    }
}

struct DevlogAmbiguousName: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG004", alias: "devlog-ambiguous-name", family: .devlog, severity: .error,
        summary: "A devlog entry's name reads as more than one agent and task.",
        what: "Tries every split of the name's agent-task part against the plan; more than one that resolves is ambiguous.",
        why: "`general-purpose-docs` can be `general` + `purpose-docs` or `general-purpose` + `docs`: planc does not guess.",
        fix: "Name the agent by its Agent ID, which does not split (`2025-12-11-gp2-docs.md`), or add front matter that says which.",
        passing: [DevlogExamples.valid, DevlogExamples.entry("2025-12-11-gp2-docs.md", agent: "gp2", task: "docs", status: "inProgress")],
        failing: ["<!-- file: 2025-12-11-general-purpose-docs.md -->\n↓# Docs\n"])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard case .ambiguous(_, let candidates)? = context.resolutions[entry.path] else { return nil }
            // Front matter naming the agent settles it.
            if let agent = entry.frontMatter["agent"]?.value.lowercased(),
               candidates.filter({ $0.hasPrefix(agent + "/") }).count == 1 { return nil }
            return context.nameFinding(entry, "`\(entry.name)` reads as \(candidates.map { "`\($0)`" }.joined(separator: " or "))",
                                       help: "name the agent by its Agent ID, or say `agent:` in the front matter")
        }
    }
}
