import Foundation
import Testing

@Suite struct DevlogCommandTests {
    let reference = CLI.path("plans/coordination-status.md")

    @Test func checkLintsPlansAndDevlogTogether() throws {
        let result = try CLI.run(["check", "--format", "json", "plans", "devlog"], in: CLI.repositoryRoot)
        #expect(result.status == 0, "\(result.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["files"] == 3 + 6 && summary["errors"] == 0)
        #expect(json["skipped"] as? [String] == [])
        let codes = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.allSatisfy { $0 == "PLAN030" })
    }

    @Test func newWritesAnEntryAndNeverOverwrites() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/devlog", withIntermediateDirectories: true)
        let created = try CLI.run(["devlog", "new", "--plan", reference, "--agent", "aa13444", "--task", "database-indexes",
                                   "--date", "2025-12-11"], in: directory)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "devlog/2025-12-11-backend-node-optimizer-database-indexes.md\n")
        let text = try String(contentsOfFile: directory + "/devlog/2025-12-11-backend-node-optimizer-database-indexes.md",
                              encoding: .utf8)
        #expect(text.hasPrefix("---\ndate: 2025-12-11\nagent: backend-node-optimizer\ntask: database-indexes\nstatus: pending\n"))
        #expect(text.contains("# Database Indexes\n") && text.contains("## Verification\n"))
        let again = try CLI.run(["devlog", "new", "--plan", reference, "--agent", "backend-node-optimizer",
                                 "--task", "database-indexes", "--date", "2025-12-11"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists already"))
        // No section is required by default: the unfilled template passes.
        #expect(try CLI.run(["devlog", "lint", "--plan", reference], in: directory).status == 0)
        // Where sections are required, the unfilled template fails: its sections are empty.
        try "devlog:\n  sections: [Summary, Changes, Verification, Next]\n"
            .write(toFile: directory + "/.planc.yml", atomically: true, encoding: .utf8)
        let lint = try CLI.run(["devlog", "lint", "--plan", reference, "--config", ".planc.yml", "--format", "json"],
                               in: directory)
        #expect(lint.status == 1)
        #expect(lint.stdout.components(separatedBy: "\"DEVLOG010\"").count - 1 == 4)
        // The template writes the sections required.
        try "devlog:\n  sections: [Summary, Risks]\n".write(toFile: directory + "/.planc.yml", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["devlog", "new", "--plan", reference, "--agent", "aa13444", "--task", "rate-limiting",
                             "--date", "2025-12-11", "--config", ".planc.yml"], in: directory).status == 0)
        let risks = try String(contentsOfFile: directory + "/devlog/2025-12-11-backend-node-optimizer-rate-limiting.md",
                               encoding: .utf8)
        #expect(risks.contains("## Risks\n") && !risks.contains("## Changes\n"))
        #expect(try CLI.run(["devlog", "new", "--plan", reference, "--agent", "nobody", "--task", "x"], in: directory).status == 2)
        #expect(try CLI.run(["devlog", "new", "--plan", reference, "--agent", "general-purpose", "--task", "rate-limiting"],
                            in: directory).stderr.contains("not a task of general-purpose"))
        #expect(try CLI.run(["devlog", "new", "--plan", reference, "--agent", "a", "--task", "b", "--date", "2025-02-30"]).status == 64)
    }

    @Test func lintReportsEveryKindOfFault() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/devlog", withIntermediateDirectories: true)
        let good = try String(contentsOfFile: CLI.path("devlog/2025-12-11-backend-node-optimizer-rate-limiting.md"), encoding: .utf8)
        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: directory + "/devlog/" + name, atomically: true, encoding: .utf8)
        }
        try write("2025-12-11-backend-node-optimizer-rate-limiting.md", good)
        try write("2025-12-11-aa13444-rate-limiting.md", good)                     // the same entry, by Agent ID
        try write("notes.md", "# Notes\n")                                          // no entry: skipped
        try write("rate-limiting-notes.md", good)       // name (dated 2025-12-11, the pattern's day), and a second entry
        try write("2025-12-11-backend-node-optimizer-database-indexes.md",
                  good.replacingOccurrences(of: "task: rate-limiting", with: "task: database-indexes")
                      .replacingOccurrences(of: "status: inProgress", with: "status: done"))   // status vs plan
        try write("2030-01-01-backend-node-optimizer-cors-restriction.md", good)    // future, front matter mismatch
        try write("batch2-indexes.md", "# Indexes\n\n- **Agent:** Nobody\n- **Task:** Database indexes\n")   // unknown agent
        let result = try CLI.run(["devlog", "lint", "--plan", reference, "--format", "json"], in: directory,
                                 environment: ["PLANC_NOW": "2025-12-12T00:00:00Z"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let found = (json["diagnostics"] as? [[String: Any]] ?? []).map {
            "\(($0["file"] as? String ?? "").split(separator: "/").last!) \($0["code"]!) \($0["line"]!)"
        }.sorted()
        #expect(found == [
            "2025-12-11-backend-node-optimizer-database-indexes.md DEVLOG011 5",
            "2025-12-11-backend-node-optimizer-rate-limiting.md DEVLOG012 1",
            "2030-01-01-backend-node-optimizer-cors-restriction.md DEVLOG005 1",
            "2030-01-01-backend-node-optimizer-cors-restriction.md DEVLOG007 2",
            "2030-01-01-backend-node-optimizer-cors-restriction.md DEVLOG007 4",
            "2030-01-01-backend-node-optimizer-cors-restriction.md DEVLOG011 5",
            "batch2-indexes.md DEVLOG002 3",
            "rate-limiting-notes.md DEVLOG001 1",
            "rate-limiting-notes.md DEVLOG012 1",
        ])
        #expect(json["skipped"] as? [String] == ["devlog/notes.md"])
        let text = try CLI.run(["devlog", "lint", "--plan", reference], in: directory,
                               environment: ["PLANC_NOW": "2025-12-12T00:00:00Z"])
        #expect(text.stdout.contains("warning[DEVLOG011]: this entry says done, \(reference):39 says pending"))
    }

    @Test func devlogEntriesWithoutAPlanInCheckGetThePlanFreeChecks() throws {
        let result = try CLI.run(["check", "devlog"], in: CLI.repositoryRoot, environment: ["PLANC_NOW": "2026-03-03T00:00:00Z"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("6 devlog entries checked without a plan: agent and task checks need one"))
        #expect(result.stdout.contains("error[DEVLOG005]: `2026-03-04-schema-migrator-dual-write-adapter.md` is dated 2026-03-04, after today (2026-03-03)"))
        #expect(result.stdout.contains("Found 1 error, 0 warnings and 0 notes in 6 files."))
    }

    @Test func aPatternWrittenWithADateHoldsThatDayOnly() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/devlog", withIntermediateDirectories: true)
        // The reference plan's pattern is `/devlog/2025-12-11-<agent>-<task>.md`.
        let keys = "# Indexes\n\n**Agent:** backend-node-optimizer\n**Task:** Database indexes\n"
        try ("**Date:** 2025-12-11\n" + keys).write(toFile: directory + "/devlog/indexes-day-one.md", atomically: true, encoding: .utf8)
        try ("**Date:** 2025-12-12\n" + keys).write(toFile: directory + "/devlog/indexes-day-two.md", atomically: true, encoding: .utf8)
        let result = try CLI.run(["devlog", "lint", "--plan", reference, "--format", "json"], in: directory,
                                 environment: ["PLANC_NOW": "2025-12-12T00:00:00Z"])
        let found = try findings(result).map { $0.replacingOccurrences(of: "devlog/", with: "") }
        #expect(found == ["indexes-day-one.md DEVLOG001 1"])
    }
}
