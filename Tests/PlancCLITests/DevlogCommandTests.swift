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
        // The unfilled template fails lint: its sections are empty.
        let lint = try CLI.run(["devlog", "lint", "--plan", reference, "--format", "json"], in: directory)
        #expect(lint.status == 1)
        #expect(lint.stdout.components(separatedBy: "\"DEVLOG010\"").count - 1 == 4)
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
        try write("notes.md", "# Notes\n")                                          // name
        try write("2025-12-11-backend-node-optimizer-database-indexes.md",
                  good.replacingOccurrences(of: "task: rate-limiting", with: "task: database-indexes")
                      .replacingOccurrences(of: "status: inProgress", with: "status: done"))   // status vs plan
        try write("2030-01-01-backend-node-optimizer-cors-restriction.md", good)    // future, front matter mismatch
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
            "notes.md DEVLOG001 1",
            "notes.md DEVLOG010 1", "notes.md DEVLOG010 1", "notes.md DEVLOG010 1", "notes.md DEVLOG010 1",
        ])
        let text = try CLI.run(["devlog", "lint", "--plan", reference], in: directory,
                               environment: ["PLANC_NOW": "2025-12-12T00:00:00Z"])
        #expect(text.stdout.contains("warning[DEVLOG011]: this entry says done, \(reference):39 says pending"))
    }

    @Test func devlogEntriesNeedAPlanInCheck() throws {
        let result = try CLI.run(["check", "devlog"], in: CLI.repositoryRoot)
        #expect(result.status == 2)
        #expect(result.stderr.contains("devlog entries need the plan"))
    }
}
