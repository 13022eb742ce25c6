struct DevlogFrontMatterMismatch: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG007", alias: "devlog-front-matter-mismatch", family: .devlog, severity: .error,
        summary: "A devlog entry's keys contradict its file name.",
        what: "Compares the entry's `date`, `agent` (slug, ID or name) and `task` keys, from the front matter or `**Date:**`-style lines, with what the file name says: the date whenever the name holds one, the agent and task when the name resolves to them.",
        why: "Tools read one or the other; when they disagree, the entry is about two different things.",
        fix: "Make the keys and the file name say the same date, agent and task.",
        passing: [DevlogExamples.valid, DevlogExamples.entry("2025-12-11-general-purpose-test-fixes.md", agent: "gp2"),
                  DevlogExamples.bodyKeys("2025-12-11-gp2-test-fixes.md")],
        failing: [DevlogExamples.entry("2025-12-11-general-purpose-test-fixes.md", date: "2025-12-12", task: "docs")
                    .replacing("date: 2025-12-12", with: "↓date: 2025-12-12")
                    .replacing("task: docs", with: "↓task: docs"),
                  DevlogExamples.bodyKeys("2025-12-11-gp2-docs.md")
                    .replacing("**Task:**", with: "↓**Task:**")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        var findings: [DevlogFinding] = []
        for entry in context.entries {
            guard let reading = context.readings[entry.path] else { continue }
            func report(_ key: String, _ said: Located<String>, _ origin: DevlogEntry.KeyOrigin, _ named: String) {
                findings.append(DevlogFinding(file: entry.path, finding: Finding(
                    range: said.range, message: "\(origin.describe(key)) says \(key) `\(said.value)`, the file name `\(named)`",
                    help: "make the keys and the file name agree")))
            }
            if reading.dateFromName, let date = reading.date?.value, let (said, origin) = entry.key("date"),
               String(said.value.prefix(10)) != date {
                report("date", said, origin, date)
            }
            guard reading.source == .name, let plan = context.plan, let agent = reading.agent, let task = reading.task
            else { continue }
            if let (said, origin) = entry.key("agent"), DevlogReading.agent(named: said.value, in: plan)?.slug != agent.slug {
                report("agent", said, origin, agent.slug)
            }
            if let (said, origin) = entry.key("task"), DevlogReading.task(named: said.value, among: [task]) == nil {
                report("task", said, origin, task)
            }
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
        what: "Checks that the entry has a level-one heading. A convention: off unless `.planc.yml` turns it on (`rules: {devlog-missing-title: error}`).",
        why: "The title is what a reader and an index show for the entry.",
        fix: "Add a title such as `# Rate limiting: per-endpoint limits`.",
        enabledByDefault: false,
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
        what: "Checks that each section `devlog: sections:` in `.planc.yml` requires is a heading with content; a section holding only comments is empty. No section is required unless declared. (The examples are read with `sections: [Summary, Changes, Verification, Next]`.)",
        why: "Where a team has agreed on sections, readers rely on every entry answering the same questions: what, how, how it was checked, what next.",
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
        what: "Compares the status the entry gives (front matter `status`, or a `**Status:**` line) with the status in the plan of the task it names.",
        why: "An entry saying done while the plan says pending means one of them is stale.",
        fix: "Update the plan (or `planc sync` it from live state), or correct the entry.",
        passing: [DevlogExamples.valid, DevlogExamples.bodyKeys("batch2-test-fixes.md")],
        failing: [DevlogExamples.entry("2025-12-11-general-purpose-changelog.md", task: "changelog", status: "done")
                    .replacing("status: done", with: "↓status: done"),
                  DevlogExamples.bodyKeys("batch2-changelog.md", task: "Changelog")
                    .replacing("**Status:** ✅", with: "**Status:** ↓✅")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard let task = context.readings[entry.path]?.task, let plan = context.plan, let said = entry.status,
                  let planned = plan.status(ofTask: task), planned.status != said.value else { return nil }
            let place = "\(plan.file):\(planned.range.line)"
            return DevlogFinding(file: entry.path, finding: Finding(
                range: said.range, message: "this entry says \(said.value.rawValue), \(place) says \(planned.status.rawValue)",
                help: "update the plan (planc sync) or the entry",
                related: [RelatedLocation(range: planned.range, message: "the task in the plan", file: plan.file)]))
        }
    }
}

struct DevlogDuplicateEntry: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG012", alias: "devlog-duplicate", family: .devlog, severity: .error,
        summary: "Two devlog entries for the same agent, task and day.",
        what: "Among entries held to a declared devlog pattern, groups them by the day, agent (by slug or ID) and task they are about and reports every one after the first of a group.",
        why: "Where names follow a pattern, one entry per task and day: two split the record and one of them is usually stale.",
        fix: "Merge the entries into one.",
        passing: [DevlogExamples.valid + DevlogExamples.entry("2025-12-11-gp2-docs.md", agent: "gp2", task: "docs",
                                                                 status: "inProgress")],
        failing: [DevlogExamples.valid + DevlogExamples.entry("2025-12-11-gp2-test-fixes.md", agent: "gp2")
                    .replacing("-->\n---", with: "-->\n↓---")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        var first: [String: DevlogEntry] = [:]
        var findings: [DevlogFinding] = []
        for entry in context.entries.sorted(by: { $0.path < $1.path }) {
            guard let reading = context.readings[entry.path], reading.heldToPattern, let date = reading.date?.value,
                  let agent = reading.agent, let task = reading.task else { continue }
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
