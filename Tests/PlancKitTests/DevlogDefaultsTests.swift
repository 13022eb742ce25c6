import Testing
@testable import PlancKit

/// What markdown is, by content; and what is checked of an entry when the
/// repository declares nothing.
@Suite struct DevlogDefaultsTests {
    let plan = try! parse(DevlogExamples.plan)

    private func entry(_ text: String, path: String) throws -> DevlogEntry {
        DevlogEntry.parse(try SourceLoader.decode(name: path, bytes: Array(text.utf8)), path: path)
    }

    private func kind(_ text: String, path: String = "notes.md") throws -> DocumentKind? {
        let source = try SourceLoader.decode(name: path, bytes: Array(text.utf8))
        return DocumentKind.byContent(plan: PlanParser.parse(source)) { DevlogEntry.parse(source, path: path) }
    }

    @Test func markdownIsToldApartByContent() throws {
        // Phases and no agents section: a roadmap is a report.
        #expect(try kind("# Roadmap\n\n## Phase Plan\n\n### Phase 1: Start (1 week) - PENDING\n- **Effort:** 1 day\n") == .statusReport)
        #expect(try kind(DevlogExamples.plan, path: "devlog/2025-12-11-status.md") == .statusReport)
        // An agents section planc cannot read yet still makes a report.
        #expect(try kind("# Team\n\n## Agents\n\n| Agent | Status |\n| --- | --- |\n| a | running |\n") == .statusReport)
        // Entry keys outweigh a heading that happens to name a report's section.
        #expect(try kind("# Batch 2\n\n**Agent:** a\n**Task:** b\n\n## Infrastructure changes\n- Redis 7\n\n## Next phase\nx\n")
                == .devlogEntry)
        #expect(try kind("---\ndate: 2025-12-11\n---\n\n# Notes\n") == .devlogEntry)
        // Neither: the name decides.
        #expect(try kind("# Notes\n\n## Summary\nx\n\n## Technical Decisions\ny\n\n## Files Modified\nz\n") == nil)
    }

    @Test func whenTheContentDoesNotTellTheNameDecides() throws {
        let none = Configuration()
        let undeclared = try parse(DevlogExamples.plan.replacing("- **Devlog:** `/devlog/<date>-<agent>-<task>.md`", with: ""))
        let dated = try parse(DevlogExamples.plan.replacing("<date>-<agent>", with: "2025-12-11-<agent>"))
        // A declared pattern: its names.
        #expect(DocumentKind.byName("2025-12-11-nobody-x.md", configuration: none, plans: [plan]) == .devlogEntry)
        #expect(DocumentKind.byName("notes.md", configuration: none, plans: [plan]) == .other)
        // Written with a date: that day's names, and other days' that resolve.
        #expect(DocumentKind.byName("2025-12-11-nobody-x.md", configuration: none, plans: [dated]) == .devlogEntry)
        #expect(DocumentKind.byName("2027-01-01-kickoff-agenda.md", configuration: none, plans: [dated]) == .other)
        #expect(DocumentKind.byName("2025-12-12-gp2-docs.md", configuration: none, plans: [dated]) == .devlogEntry)
        // Nothing declared: only names that read as the plan's agent and task.
        #expect(DocumentKind.byName("2025-12-11-gp2-docs.md", configuration: none, plans: [undeclared]) == .devlogEntry)
        #expect(DocumentKind.byName("2027-01-01-kickoff-agenda.md", configuration: none, plans: [undeclared]) == .other)
        #expect(DocumentKind.byName("2025-12-11-gp2-docs.md", configuration: none, plans: []) == .other)
        // `.planc.yml` declares one for every plan, and without a plan.
        var configured = Configuration()
        configured.devlogPattern = DevlogPattern(text: "<agent>__<task>__<date>.md")
        #expect(DocumentKind.byName("gp2__docs__2025-12-11.md", configuration: configured, plans: []) == .devlogEntry)
        #expect(DocumentKind.byName("2025-12-11-gp2-docs.md", configuration: configured, plans: [plan]) == .other)
    }

    /// The messages of a lint, by file name.
    private func lint(_ files: [(String, String)], plan: Plan?, configuration: Configuration = Configuration())
    throws -> [String: [String]] {
        let entries = try files.map { try entry($0.1, path: "devlog/" + $0.0) }
        let context = DevlogContext(entries: entries, plan: plan, configuration: configuration, today: DevlogExamples.today)
        return DevlogLinter(configuration: configuration).lint(context)
            .filter { !$0.value.isEmpty }
            .reduce(into: [:]) { $0[String($1.key.dropFirst(7))] = $1.value.map { "\($0.code) \($0.message)" } }
    }

    @Test func withoutADeclaredPatternOnlyFactsAreChecked() throws {
        let undeclared = try parse(DevlogExamples.plan.replacing("- **Devlog:** `/devlog/<date>-<agent>-<task>.md`", with: ""))
        let found = try lint([
            // No agent, no task: nothing to check it against.
            ("batch3-notes.md", "# Notes\n\n## Summary\nx\n"),
            // Fits `<date>-<agent>-<task>.md` but names no agent: not read as one.
            ("2025-12-11-weekly-notes.md", "# Weekly\n"),
            // Two entries for a task and day: allowed where no pattern says one.
            ("morning.md", "# AM\n\n**Date:** 2025-12-11\n**Agent:** gp2\n**Task:** Docs\n"),
            ("evening.md", "# PM\n\n**Date:** 2025-12-11\n**Agent:** gp2\n**Task:** Docs\n"),
            // Facts are checked.
            ("ghost.md", "# Ghost\n\n**Agent:** Ghost\n"),
            ("early.md", "# Early\n\n- **Date:** 2025-12-10\n- **Agent:** General-Purpose Agent\n"),
            ("2025-12-11-gp2-docs.md", "# Docs\n\n**Task:** Test fixes\n"),
        ], plan: undeclared)
        #expect(found == [
            "ghost.md": ["DEVLOG002 no agent of `<text>` is `Ghost`"],
            "early.md": ["DEVLOG006 the entry is dated 2025-12-10, before General-Purpose Agent started on 2025-12-11"],
            "2025-12-11-gp2-docs.md": ["DEVLOG007 the entry's `Task:` line says task `Test fixes`, the file name `docs`"],
        ])
    }

    @Test func withoutAPlanOnlyWhatNeedsNoneIsChecked() throws {
        let found = try lint([
            ("2099-01-01-gp2-docs.md", "# Docs\n"),
            ("ghost.md", "# Ghost\n\n**Agent:** Ghost\n**Date:** 2025-02-30\n"),
            ("broken.md", "---\ndate: [\n---\n# Broken\n"),
        ], plan: nil)
        #expect(found == [
            "2099-01-01-gp2-docs.md": ["DEVLOG005 `2099-01-01-gp2-docs.md` is dated 2099-01-01, after today (2025-12-12)"],
            "ghost.md": ["DEVLOG005 `2025-02-30` is not a real date"],
            "broken.md": ["DEVLOG008 the front matter is not valid YAML"],
        ])
    }

    @Test func eachEntryIsReadAgainstThePlanItBelongsTo() throws {
        let roadmap = try parse("# Roadmap\n\n## Phase Plan\n\n### Phase 1: Start (1 week) - PENDING\n- **Tasks:** Kickoff\n")
        let configuration = Configuration()
        let docs = try entry("# Docs\n\n**Agent:** gp2\n**Task:** Docs\n", path: "devlog/docs.md")
        let kickoff = try entry("# Kickoff\n\n**Task:** Kickoff\n", path: "devlog/kickoff.md")
        let ghost = try entry("# Ghost\n\n**Agent:** Ghost\n", path: "devlog/ghost.md")
        #expect(DevlogLinter.owner(of: docs, among: [roadmap, plan], configuration: configuration) == 1)
        #expect(DevlogLinter.owner(of: kickoff, among: [roadmap, plan], configuration: configuration) == 0)
        // Known nowhere: read against the first plan with agents.
        #expect(DevlogLinter.owner(of: ghost, among: [roadmap, plan], configuration: configuration) == 1)
        #expect(DevlogLinter.owner(of: ghost, among: [], configuration: configuration) == nil)
    }
}
