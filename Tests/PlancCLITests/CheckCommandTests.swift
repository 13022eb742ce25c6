import Foundation
import Testing

@Suite struct CheckCommandTests {
    let reference = CLI.path("plans/coordination-status.md")

    private func temporaryCopy(of path: String, named name: String = "status.md") throws -> (String, String) {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(atPath: path, toPath: directory + "/" + name)
        return (directory, directory + "/" + name)
    }

    @Test func samplePlansPassWithTheEncodingWarnings() throws {
        let result = try CLI.run(["check", CLI.path("plans")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning[PLAN030]"))
        #expect(result.stdout.hasSuffix("Found 0 errors, 13 warnings and 0 notes in 3 files. 13 fixable with `planc check --fix` [*].\n"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func strictFailsOnWarnings() throws {
        #expect(try CLI.run(["check", "--strict", reference]).status == 1)
        #expect(try CLI.run(["check", "--strict", CLI.path("plans/payments-migration.md")]).status == 0)
    }

    @Test func errorsExitOne() throws {
        let (directory, path) = try temporaryCopy(of: reference)
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "(4h)", with: "(5h)")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--format", "json", "status.md"], in: directory)
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        let codes = (json["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(codes.contains("PLAN012"))
        #expect((json["summary"] as? [String: Int])?["errors"] == 1)
        #expect((json["summary"] as? [String: Int])?["warnings"] == 14)
    }

    @Test func foldersSkipMarkdownThatIsNoReport() throws {
        let (directory, _) = try temporaryCopy(of: reference)
        try Data("# Notes\n\nJust notes.\n".utf8).write(to: URL(fileURLWithPath: directory + "/README.md"))
        let result = try CLI.run(["check", "--format", "json", directory])
        #expect(result.stdout.contains("\"files\": 1"))
        #expect(result.stdout.contains("\"skipped\": [\n    \"\(directory)/README.md\"\n  ]"), "\(result.stdout)")
        // Named explicitly, it is not skipped in silence: a note says why it is not checked.
        let named = try CLI.run(["check", "--format", "json", directory + "/README.md"])
        #expect(named.status == 0)
        #expect(named.stderr.contains("README.md is neither a status report"))
        #expect(!named.stdout.contains("PLAN003"))
    }

    @Test func fixRepairsTheFileAtomically() throws {
        let (directory, path) = try temporaryCopy(of: reference)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let result = try CLI.run(["check", "--fix", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("fixed 13 findings in \(path)"))
        #expect(result.stdout.contains("All checks passed"))
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(fixed.contains("## Infrastructure Setup ✅"))
        #expect(!fixed.contains("‚úÖ"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["status.md"])
        #expect(try CLI.run(["fmt", "--check", path]).status == 0, "fixed and canonical")
    }

    @Test func configurationIsFoundAboveTheFile() throws {
        let (directory, _) = try temporaryCopy(of: reference)
        try Data("rules:\n  mojibake: off\n".utf8).write(to: URL(fileURLWithPath: directory + "/.planc.yml"))
        let result = try CLI.run(["check", "--strict", directory + "/status.md"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("All checks passed"))
        // --config wins over the file found.
        try Data("rules:\n  PLAN030: error\n".utf8).write(to: URL(fileURLWithPath: directory + "/strict.yml"))
        #expect(try CLI.run(["check", "--config", directory + "/strict.yml", directory + "/status.md"]).status == 1)
    }

    @Test func invalidConfigurationExitsTwoWithTheLine() throws {
        let (directory, _) = try temporaryCopy(of: reference)
        try Data("rules:\n  mojibake: off\nhours-per-day: lots\n".utf8).write(to: URL(fileURLWithPath: directory + "/.planc.yml"))
        let result = try CLI.run(["check", directory + "/status.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".planc.yml:3: `hours-per-day`"))
        #expect(result.stdout.isEmpty)
    }

    @Test func unreadableFilesExitTwo() throws {
        let result = try CLI.run(["check", reference, "/nonexistent/status.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/status.md: no such file"))
    }

    @Test func colourOnRequestAndNeverWithNoColor() throws {
        #expect(try CLI.run(["check", "--color", "always", reference]).stdout.contains("\u{1B}[1;33mwarning[PLAN030]"))
        #expect(!(try CLI.run(["check", "--color", "auto", reference], environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}[")))
    }

    @Test func githubFormatWritesTheStepSummary() throws {
        let directory = try CLI.temporaryDirectory()
        let summary = directory + "/summary.md"
        let result = try CLI.run(["check", "--format", "github", reference], environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("::warning file="))
        let table = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(table.contains("### planc check"))
        #expect(table.split(separator: "\n").filter { $0.hasPrefix("| warning | PLAN030 mojibake |") }.count == 13)
    }

    @Test func sarifAndJUnitFormats() throws {
        let sarif = try CLI.run(["check", "--format", "sarif", "plans/coordination-status.md"], in: CLI.repositoryRoot)
        #expect(sarif.status == 0)
        #expect(sarif.stdout.contains("\"uri\": \"plans/coordination-status.md\""))
        let junit = try CLI.run(["check", "--format", "junit", "--strict", reference])
        #expect(junit.status == 1)
        #expect(junit.stdout.contains("failures=\"13\""))
    }

    @Test func rulesAndExplain() throws {
        let rules = try CLI.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.split(separator: "\n").filter { $0.hasPrefix("  PLAN") }.count == 34)
        #expect(rules.stdout.split(separator: "\n").filter { $0.hasPrefix("  DEVLOG") }.count == 12)
        #expect(rules.stdout.contains("PLAN012    effort-mismatch"))
        let json = try CLI.run(["rules", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect((parsed["rules"] as? [Any])?.count == 46)
        for name in ["PLAN012", "plan012", "effort-mismatch"] {
            let explained = try CLI.run(["explain", name])
            #expect(explained.status == 0)
            for heading in ["# PLAN012 `effort-mismatch`", "## What it does", "## Why", "## Example", "## How to fix"] {
                #expect(explained.stdout.contains(heading))
            }
        }
        let unknown = try CLI.run(["explain", "effort-mismatches"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean `effort-mismatch`"))
    }
}
