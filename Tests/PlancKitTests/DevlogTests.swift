import Foundation
import Testing
@testable import PlancKit

@Suite struct DevlogTests {
    let plan = try! parse(DevlogExamples.plan)

    @Test func hyphenatedNamesResolveAgainstThePlanNotByGuesswork() {
        let standard = DevlogPattern.standard
        guard case .resolved(let date, let agent, let task) = DevlogContext.resolve(
            "2025-12-11-general-purpose-test-fixes.md", pattern: standard, plan: plan) else {
            Issue.record("did not resolve")
            return
        }
        #expect(date == "2025-12-11" && agent.slug == "general-purpose" && task == "test-fixes")
        // `general` + `purpose-docs` is General's own task.
        guard case .resolved(_, let general, let own) = DevlogContext.resolve(
            "2025-12-11-g1-purpose-docs.md", pattern: standard, plan: plan) else {
            Issue.record("did not resolve")
            return
        }
        #expect(general.slug == "general" && own == "purpose-docs")
    }

    @Test func ambiguousNamesListTheirCandidates() {
        let resolution = DevlogContext.resolve("2025-12-11-general-purpose-docs.md", pattern: .standard, plan: plan)
        guard case .ambiguous(_, let candidates) = resolution else {
            Issue.record("expected an ambiguity, got \(resolution)")
            return
        }
        #expect(candidates.sorted() == ["general-purpose/docs", "general/purpose-docs"])
        guard case .resolved(_, let agent, _) = DevlogContext.resolve("2025-12-11-gp2-docs.md", pattern: .standard, plan: plan)
        else { Issue.record("the Agent ID should settle it"); return }
        #expect(agent.slug == "general-purpose")
    }

    @Test func unknownAgentsAndTasks() {
        guard case .unknownAgent(_, let agent) = DevlogContext.resolve("2025-12-11-nobody-docs.md", pattern: .standard, plan: plan)
        else { Issue.record("expected an unknown agent"); return }
        #expect(agent == "nobody")
        guard case .unknownTask(_, let owner, let task) = DevlogContext.resolve(
            "2025-12-11-general-purpose-rocket-science.md", pattern: .standard, plan: plan)
        else { Issue.record("expected an unknown task"); return }
        #expect(owner.slug == "general-purpose" && task == "rocket-science")
        guard case .noMatch = DevlogContext.resolve("notes.md", pattern: .standard, plan: plan) else {
            Issue.record("expected no match"); return
        }
    }

    @Test func patternsFromThePlan() {
        let reference = DevlogPattern(text: "/devlog/2025-12-11-<agent>-<task>.md")
        #expect(reference?.text == "<date>-<agent>-<task>.md")
        let custom = DevlogPattern(text: "log/<agent>__<task>__<date>.md")
        #expect(custom?.matches("alpha__rate-limiting__2025-12-11.md").map { "\($0.agent) \($0.task) \($0.date)" }
                == ["alpha rate-limiting 2025-12-11"])
        #expect(DevlogPattern(text: "/devlog/<agent>.md") == nil, "a pattern needs date, agent and task")
    }

    @Test func entriesAreReadWithFrontMatterTitleAndSections() throws {
        let text = DevlogExamples.valid.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        let entry = DevlogEntry.parse(try SourceLoader.decode(name: "x.md", bytes: Array(text.utf8)), path: "devlog/x.md")
        #expect(entry.frontMatter["agent"]?.value == "general-purpose")
        #expect(entry.frontMatter["agent"]?.range.line == 3)
        #expect(entry.status?.value == .done)
        #expect(entry.title?.value == "Test fixes")
        #expect(entry.title?.range.line == 9)
        #expect(entry.sections.map(\.title) == ["Summary", "Changes", "Verification", "Next"])
        #expect(entry.sections.allSatisfy { !$0.isEmpty })
    }

    @Test func theRepositorysDevlogPassesAgainstItsPlans() throws {
        let plans = try Repository.plans.map(parseFile)
        let directory = Repository.path("devlog")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        #expect(files.count >= 6)
        for file in files {
            let entry = DevlogEntry.parse(try SourceLoader.load(path: directory + "/" + file), path: "devlog/" + file)
            let plan = plans.first { plan in
                if case .resolved = DevlogContext.resolve(entry.name, pattern: DevlogContext(entries: [], plan: plan).pattern, plan: plan) {
                    return true
                }
                return false
            }
            let owner = try #require(plan, "\(file) belongs to no sample plan")
            let diagnostics = DevlogLinter().lint(DevlogContext(entries: [entry], plan: owner,
                                                                today: CalendarDate(year: 2026, month: 11, day: 25)!))
            #expect(diagnostics[entry.path]?.isEmpty == true, "\(file): \(diagnostics[entry.path]?.map(\.message) ?? [])")
        }
    }

    @Test func requiredSectionsComeFromTheConfiguration() throws {
        var configuration = Configuration()
        configuration.devlogSections = ["Summary", "Risks"]
        let text = DevlogExamples.valid.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        let entry = DevlogEntry.parse(try SourceLoader.decode(name: "devlog/2025-12-11-general-purpose-test-fixes.md",
                                                              bytes: Array(text.utf8)),
                                      path: "devlog/2025-12-11-general-purpose-test-fixes.md")
        let result = DevlogLinter(configuration: configuration)
            .lint(DevlogContext(entries: [entry], plan: plan, configuration: configuration, today: DevlogExamples.today))
        #expect(result[entry.path]?.map(\.message) == ["the entry has no `Risks` section"])
    }

    private func entry(_ text: String, path: String = "devlog/notes.md") throws -> DevlogEntry {
        DevlogEntry.parse(try SourceLoader.decode(name: path, bytes: Array(text.utf8)), path: path)
    }

    @Test(arguments: [
        "# Pose detail\n\n**Date:** 2026-03-04\n**Agent:** Pose Engineer\n**Task:** Pose detail\n**Status:** 🟡 IN PROGRESS\n\n## Summary\nx\n",
        "# Pose detail\n\n**Date**: 2026-03-04\n**Agent**: Pose Engineer\n**Task**: Pose detail\n**Status**: 🟡 IN PROGRESS\n\n## Summary\nx\n",
        "# Pose detail\n\n- **Date:** 2026-03-04\n- **Agent:** Pose Engineer\n- **Task:** Pose detail\n- **Status:** 🟡 IN PROGRESS\n\n## Summary\nx\n",
        "# Pose detail\n\n__Date:__ `2026-03-04`\n__Agent:__ Pose Engineer\n__Task:__ Pose detail\n__Status:__ 🟡 IN PROGRESS\n\n## Summary\nx\n",
        "# Pose detail\n\nDate: 2026-03-04 14:30\nAgent: Pose Engineer\nTask: Pose detail\nStatus: 🟡 IN PROGRESS\n\n## Summary\nx\n",
        // Keys underlined by `---` read as a setext heading in markdown.
        "# Pose detail\n**Date:** 2026-03-04\n**Agent:** Pose Engineer\n**Task:** Pose detail\n**Status:** 🟡 IN PROGRESS\n---\n\n## Summary\nx\n",
    ])
    func entryKeysAreReadFromTheBodyInEveryStyle(_ text: String) throws {
        let entry = try entry(text)
        #expect(entry.hasEntryKeys)
        #expect(entry.dateKey?.value.value == "2026-03-04")
        #expect(entry.dateKey?.origin == .body)
        #expect(entry.key("agent")?.value.value == "Pose Engineer")
        #expect(entry.key("agent")?.value.range.line == (text.contains("\n---\n") ? 3 : 4))
        #expect(entry.key("task")?.value.value == "Pose detail")
        #expect(entry.status?.value == .inProgress)
        #expect(entry.title?.value == "Pose detail")
        #expect(entry.sections.map(\.title) == ["Summary"])
    }

    @Test func keysAreReadOnlyAtTheTop() throws {
        let later = try entry("# Notes\n\n## Summary\n\n**Agent:** someone\nDate: 2026-03-04\n")
        #expect(!later.hasEntryKeys)
        let prose = try entry("# Notes\n\nThe agent: a program. Task: none.\n")
        #expect(!prose.hasEntryKeys)
        // Front matter wins over the body.
        let both = try entry("---\nagent: a\n---\n\n# T\n\n**Agent:** b\n")
        #expect(both.key("agent")?.value.value == "a" && both.key("agent")?.origin == .frontMatter)
        // A day written otherwise is not read as a date.
        #expect(try entry("# T\n\n**Date:** March 4, 2026\n").dateKey == nil)
    }

    @Test func aPatternWrittenWithADateHoldsThatDay() throws {
        let reference = try #require(DevlogPattern(text: "/devlog/2025-12-11-<agent>-<task>.md"))
        #expect(reference.writtenDate == "2025-12-11")
        #expect(reference.holds(date: "2025-12-11") && !reference.holds(date: "2025-12-12") && !reference.holds(date: nil))
        #expect(DevlogPattern.standard.writtenDate == nil && DevlogPattern.standard.holds(date: nil))
        #expect(reference.name(date: "2025-12-12", agent: "a", task: "b") == "2025-12-12-a-b.md")
    }
}
