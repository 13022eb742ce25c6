struct DevlogFrontMatterMismatch: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG007", alias: "devlog-front-matter-mismatch", family: .devlog, severity: .error,
        summary: "A devlog entry's front matter contradicts its file name.",
        what: "Compares the front matter's `date`, `agent` (slug or ID) and `task` with what the file name says.",
        why: "Tools read one or the other; when they disagree, the entry is about two different things.",
        fix: "Make the front matter and the file name say the same date, agent and task.",
        passing: [DevlogExamples.valid, DevlogExamples.entry("2025-12-11-general-purpose-test-fixes.md", agent: "gp2")],
        failing: [DevlogExamples.entry("2025-12-11-general-purpose-test-fixes.md", date: "2025-12-12", task: "docs")
                    .replacing("date: 2025-12-12", with: "↓date: 2025-12-12")
                    .replacing("task: docs", with: "↓task: docs")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        var findings: [DevlogFinding] = []
        for entry in context.entries {
            guard case .resolved(let date, let agent, let task)? = context.resolutions[entry.path] else { continue }
            func report(_ key: String, _ said: String, _ named: String) {
                guard let value = entry.frontMatter[key] else { return }
                findings.append(DevlogFinding(file: entry.path, finding: Finding(
                    range: value.range, message: "the front matter says \(key) `\(said)`, the file name `\(named)`",
                    help: "make the front matter and the file name agree")))
            }
            if let value = entry.frontMatter["date"]?.value, value != date { report("date", value, date) }
            if let value = entry.frontMatter["agent"]?.value.lowercased(), value != agent.slug, value != agent.id?.lowercased() {
                report("agent", value, agent.slug)
            }
            if let value = entry.frontMatter["task"]?.value.lowercased(), value != task { report("task", value, task) }
        }
        return findings
    }
}

struct DevlogInvalidFrontMatter: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG008", alias: "devlog-invalid-front-matter", family: .devlog, severity: .error,
        summary: "A devlog entry's front matter is not valid YAML.",
        what: "Reads the front matter between the `---` lines as a YAML mapping.",
        why: "Front matter that cannot be read says nothing, and its date, agent and status are lost.",
        fix: "Write one `key: value` per line (date, agent, task, status, hours).",
        passing: [DevlogExamples.valid],
        failing: [DevlogExamples.valid.replacing("hours: 3", with: "↓hours: [3")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard let error = entry.frontMatterError else { return nil }
            return DevlogFinding(file: entry.path, finding: Finding(range: error.range, message: error.value,
                                                                    help: "write one `key: value` per line"))
        }
    }
}

struct DevlogMissingTitle: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG009", alias: "devlog-missing-title", family: .devlog, severity: .error,
        summary: "A devlog entry has no `#` title.",
        what: "Checks that the entry has a level-one heading.",
        why: "The title is what a reader and an index show for the entry.",
        fix: "Add a title such as `# Rate limiting: per-endpoint limits`.",
        passing: [DevlogExamples.valid],
        failing: [DevlogExamples.valid.replacing("# Test fixes\n", with: "").replacing("---\ndate", with: "↓---\ndate")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard entry.title == nil else { return nil }
            return DevlogFinding(file: entry.path, finding: Finding(range: .startOfFile, message: "the entry has no `#` title",
                                                                    help: "add a level-one heading"))
        }
    }
}

struct DevlogMissingSection: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG010", alias: "devlog-missing-section", family: .devlog, severity: .error,
        summary: "A required section of a devlog entry is missing or empty.",
        what: "Checks that each section `.planc.yml` requires (by default Summary, Changes, Verification, Next) is a heading with content; a section holding only comments is empty.",
        why: "Readers rely on every entry answering the same questions: what, how, how it was checked, what next.",
        fix: "Add the section and write it; `planc devlog new` writes them all.",
        passing: [DevlogExamples.valid],
        failing: [DevlogExamples.valid.replacing("## Verification\nAll tests pass.\n\n", with: "")
                    .replacing("# Test fixes", with: "↓# Test fixes")
                    .replacing("## Next\nNothing left.\n", with: "↓## Next\n<!-- what comes next -->\n")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        var findings: [DevlogFinding] = []
        for entry in context.entries {
            for required in context.configuration.devlogSections {
                let wanted = required.lowercased()
                guard let section = entry.sections.first(where: { Self.normalise($0.title) == wanted }) else {
                    findings.append(DevlogFinding(file: entry.path, finding: Finding(
                        range: entry.title?.range ?? .startOfFile, message: "the entry has no `\(required)` section",
                        help: "add `## \(required)` and write it")))
                    continue
                }
                if section.isEmpty {
                    findings.append(DevlogFinding(file: entry.path, finding: Finding(
                        range: section.range, message: "the `\(required)` section is empty", help: "write it")))
                }
            }
        }
        return findings
    }

    static func normalise(_ title: String) -> String {
        title.lowercased().trimmingCharacters(":")
    }
}

struct DevlogStatusMismatch: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG011", alias: "devlog-status-mismatch", family: .devlog, severity: .warning,
        summary: "A devlog entry's status contradicts the plan's.",
        what: "Compares the status the entry gives (front matter `status`, or a `**Status:**` line) with the task's status in the plan.",
        why: "An entry saying done while the plan says pending means one of them is stale.",
        fix: "Update the plan (or `planc sync` it from live state), or correct the entry.",
        passing: [DevlogExamples.valid],
        failing: [DevlogExamples.entry("2025-12-11-general-purpose-changelog.md", task: "changelog", status: "done")
                    .replacing("status: done", with: "↓status: done")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard case .resolved(_, _, let task)? = context.resolutions[entry.path], let said = entry.status,
                  let planned = context.plan.status(ofTask: task), planned.status != said.value else { return nil }
            let place = "\(context.plan.file):\(planned.range.line)"
            return DevlogFinding(file: entry.path, finding: Finding(
                range: said.range, message: "this entry says \(said.value.rawValue), \(place) says \(planned.status.rawValue)",
                help: "update the plan (planc sync) or the entry",
                related: [RelatedLocation(range: planned.range, message: "the task in the plan", file: context.plan.file)]))
        }
    }
}

struct DevlogDuplicateEntry: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG012", alias: "devlog-duplicate", family: .devlog, severity: .error,
        summary: "Two devlog entries for the same agent, task and day.",
        what: "Groups entries by what their names resolve to (agent by slug or ID) and reports every one after the first of a group.",
        why: "One entry per task and day: two split the record and one of them is usually stale.",
        fix: "Merge the entries into one.",
        passing: [DevlogExamples.valid + DevlogExamples.entry("2025-12-11-gp2-docs.md", agent: "gp2", task: "docs",
                                                                 status: "inProgress")],
        failing: [DevlogExamples.valid + DevlogExamples.entry("2025-12-11-gp2-test-fixes.md", agent: "gp2")
                    .replacing("-->\n---", with: "-->\n↓---")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        var first: [String: DevlogEntry] = [:]
        var findings: [DevlogFinding] = []
        for entry in context.entries.sorted(by: { $0.path < $1.path }) {
            guard case .resolved(let date, let agent, let task)? = context.resolutions[entry.path] else { continue }
            let key = "\(date)|\(agent.slug)|\(task)"
            if let earlier = first[key] {
                findings.append(DevlogFinding(file: entry.path, finding: Finding(
                    range: .startOfFile, message: "\(entry.name) is a second entry for \(agent.slug)'s \(task) on \(date)",
                    help: "merge it into \(earlier.name)",
                    related: [RelatedLocation(range: .startOfFile, message: "the first entry", file: earlier.path)])))
            } else {
                first[key] = entry
            }
        }
        return findings
    }
}
