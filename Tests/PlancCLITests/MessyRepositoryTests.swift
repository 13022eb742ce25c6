import Foundation
import Testing

/// `planc check` on a repository that follows none of planc's conventions:
/// files are told apart by content, and only real faults are reported.
@Suite struct MessyRepositoryTests {
    @Test func checkReportsOnlyThePlantedFaults() throws {
        let directory = try MessyRepository.write()
        let result = try CLI.run(["check", "--format", "json", "plans", "devlog"], in: directory,
                                 environment: MessyRepository.now)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let found = try findings(result)
        // The roadmap has phases and no agents section: a plan, not an error.
        let roadmap = found.filter { $0.hasPrefix("plans/roadmap.md ") }
        #expect(roadmap.isEmpty, "\(roadmap)")
        #expect(found.filter { !$0.hasPrefix("plans/roadmap.md ") } == [
            "devlog/batch2-calibration.md DEVLOG002 4",
            "devlog/batch4-export.md DEVLOG005 3",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        // Three reports (the dated one in devlog/ among them) and five entries.
        #expect((json["summary"] as? [String: Int])?["files"] == 8)
        #expect(json["skipped"] as? [String] == ["plans/README.md", "devlog/batch3-notes.md"])
    }

    @Test func aDatedStatusReportInTheDevlogFolderIsCheckedAsAReport() throws {
        let directory = try MessyRepository.write()
        let path = directory + "/devlog/2026-03-02-status.md"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "(2h)", with: "(3h)")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--format", "json", "plans", "devlog"], in: directory,
                                 environment: MessyRepository.now)
        let found = try findings(result).filter { $0.hasPrefix("devlog/2026-03-02-status.md") }
        #expect(found == ["devlog/2026-03-02-status.md PLAN012 8", "devlog/2026-03-02-status.md PLAN013 23"],
                "the plan rules run on it, and no devlog rule")
    }

    @Test func skippedFilesAreCountedAndListedWithVerbose() throws {
        let directory = try MessyRepository.write()
        let plain = try CLI.run(["check", "plans", "devlog"], in: directory, environment: MessyRepository.now)
        #expect(plain.stdout.hasSuffix("""
            Found 2 errors, 0 warnings and 0 notes in 8 files.
            2 files skipped: not status reports or devlog entries (--verbose lists them).

            """), "\(plain.stdout)")
        let verbose = try CLI.run(["check", "--verbose", "plans", "devlog"], in: directory, environment: MessyRepository.now)
        #expect(verbose.stdout.hasSuffix("""
            2 files skipped: not status reports or devlog entries:
              plans/README.md
              devlog/batch3-notes.md

            """), "\(verbose.stdout)")
        #expect(verbose.status == plain.status)
    }

    @Test func aFileNamedThatIsNeitherGetsANote() throws {
        let directory = try MessyRepository.write()
        let result = try CLI.run(["check", "README.md"], in: directory)
        #expect(result.status == 0)
        #expect(result.stderr == "planc: note: README.md is neither a status report (no agents, phases or tasks) "
                + "nor a devlog entry (no date, agent or task keys, and its name follows no devlog pattern): not checked\n")
        // Named beside a report, the report is checked and the note still given.
        let both = try CLI.run(["check", "--format", "json", "README.md", "plans/status.md"], in: directory)
        #expect(both.status == 0)
        #expect(both.stderr.contains("README.md is neither"))
        #expect(both.stdout.contains("\"files\": 1"))
    }

    @Test func aFolderWithNothingToCheckExitsTwo() throws {
        let directory = try MessyRepository.write()
        try FileManager.default.createDirectory(atPath: directory + "/docs", withIntermediateDirectories: true)
        try "# Notes\n\nNothing planned here.\n".write(toFile: directory + "/docs/notes.md", atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "docs"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr == "planc: error: no status reports or devlog entries under docs (--allow-empty accepts that)\n")
        #expect(result.stdout.isEmpty)
        let allowed = try CLI.run(["check", "--allow-empty", "--verbose", "docs"], in: directory)
        #expect(allowed.status == 0)
        #expect(allowed.stdout == "Nothing checked: no status report or devlog entry among the files.\n1 file skipped: not a status report or devlog entry:\n  docs/notes.md\n")
        // An empty folder too.
        try FileManager.default.createDirectory(atPath: directory + "/empty", withIntermediateDirectories: true)
        #expect(try CLI.run(["check", "empty"], in: directory).status == 2)
        #expect(try CLI.run(["check", "--allow-empty", "empty"], in: directory).status == 0)
    }

    @Test func entriesWithoutAPlanGetTheChecksThatNeedNone() throws {
        let directory = try MessyRepository.write()
        try FileManager.default.removeItem(atPath: directory + "/devlog/2026-03-02-status.md")
        let result = try CLI.run(["check", "--format", "json", "devlog"], in: directory, environment: MessyRepository.now)
        #expect(result.status == 1)
        #expect(result.stderr.contains("planc: note: 5 devlog entries checked without a plan: agent and task checks need one"))
        // The future date; not the unknown agent, which needs the plan.
        #expect(try findings(result) == ["devlog/batch4-export.md DEVLOG005 3"])
    }

    @Test func conventionsApplyWhereDeclared() throws {
        let directory = try MessyRepository.write()
        try """
            devlog:
              pattern: "<date>-<agent>-<task>.md"
              sections: [Summary]
            """.write(toFile: directory + "/.planc.yml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--format", "json", "plans", "devlog"], in: directory,
                                 environment: MessyRepository.now)
        let found = try findings(result).filter { !$0.hasPrefix("plans/roadmap.md ") }
        // `2026-03-05-ui-polish.md` is now held to the pattern: `ui` is no agent.
        #expect(found == [
            "devlog/2026-03-05-ui-polish.md DEVLOG002 1",
            "devlog/2026-03-05-ui-polish.md DEVLOG010 5",
            "devlog/batch2-calibration.md DEVLOG001 1",
            "devlog/batch2-calibration.md DEVLOG002 4",
            "devlog/batch2-pose-detail.md DEVLOG001 1",
            "devlog/batch4-export.md DEVLOG001 1",
            "devlog/batch4-export.md DEVLOG005 3",
        ])
        // The name the pattern wants, from the entry's keys.
        let text = try CLI.run(["check", "devlog/batch2-pose-detail.md", "plans/status.md"], in: directory,
                               environment: MessyRepository.now)
        #expect(text.stdout.contains("help: rename it after the pattern: `2026-03-04-pose-engineer-pose-detail.md`"))
    }
}
