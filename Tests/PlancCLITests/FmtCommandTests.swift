import Foundation
import Testing

@Suite struct FmtCommandTests {
    let reference = CLI.path("plans/coordination-status.md")

    @Test func checkPrintsAUnifiedDiffThatPatchApplies() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/plans", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: reference, toPath: directory + "/plans/status.md")
        let result = try CLI.run(["fmt", "--check", "plans/status.md"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("--- a/plans/status.md\n+++ b/plans/status.md\n@@ -1,6 +1,6 @@\n"))
        #expect(result.stdout.contains("-## Infrastructure Setup ‚úÖ\n+## Infrastructure Setup ✅\n"))
        #expect(result.stderr.contains("1 file would be reformatted"))
        // The diff turns the file into fmt's output.
        let patch = try Subprocess("/usr/bin/patch", ["-s", "-p1", "-i", "-"], directory: directory, stdin: .pipe)
        _ = patch.communicate(stdin: result.stdoutData, timeLimit: 60)
        #expect(patch.wait().status == 0)
        #expect(try CLI.run(["fmt", "--check", "plans/status.md"], in: directory).status == 0)
    }

    @Test func canonicalPlansPassTheCheck() throws {
        let result = try CLI.run(["fmt", "--check", CLI.path("plans/payments-migration.md"),
                                  CLI.path("plans/docs-portal-launch.md")])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("2 files already canonical"))
    }

    @Test func writeReplacesAtomicallyAndKeepsPermissions() throws {
        let directory = try CLI.temporaryDirectory()
        let path = directory + "/status.md"
        try FileManager.default.copyItem(atPath: reference, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let expected = try CLI.run(["fmt", path]).stdout
        let result = try CLI.run(["fmt", "--write", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("1 file reformatted"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["status.md"])
        // Already canonical: nothing rewritten.
        let again = try CLI.run(["fmt", "--write", path])
        #expect(again.stderr.contains("0 files reformatted, 1 file already canonical"))
    }

    @Test func foldersStandForTheirMarkdownFiles() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/nested", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: reference, toPath: directory + "/nested/a.md")
        try FileManager.default.copyItem(atPath: CLI.path("plans/payments-migration.md"), toPath: directory + "/b.md")
        try Data("not markdown".utf8).write(to: URL(fileURLWithPath: directory + "/notes.txt"))
        let result = try CLI.run(["fmt", "--check", directory])
        #expect(result.status == 1)
        #expect(result.stderr.contains("1 file would be reformatted, 1 file already canonical"))
    }

    @Test func unreadableFilesAmongOthersExitTwo() throws {
        let result = try CLI.run(["fmt", "--check", reference, "/nonexistent/plan.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/plan.md: no such file"))
    }

    @Test func usageErrors() throws {
        #expect(try CLI.run(["fmt"]).status == 64)
        #expect(try CLI.run(["fmt", "--check", "--write", reference]).status == 64)
        #expect(try CLI.run(["fmt", "--write", "-"]).status == 64)
        let two = try CLI.run(["fmt", reference, CLI.path("plans/payments-migration.md")])
        #expect(two.status == 64)
        #expect(two.stderr.contains("takes one report"))
    }

    @Test func helpDescribesTheModes() throws {
        let result = try CLI.run(["fmt", "--help"])
        #expect(result.status == 0)
        for text in ["--check", "--write", "atomically", "Exit codes"] { #expect(result.stdout.contains(text)) }
    }
}
