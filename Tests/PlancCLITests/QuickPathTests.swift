import Foundation
import Testing

/// `check`, `compile` and `fmt` with plain paths and a few flags skip
/// ArgumentParser (start-up cost); everything must come out exactly as when
/// ArgumentParser reads the same arguments.
@Suite struct QuickPathTests {
    static let invocations: [[String]] = [
        ["check", "plans/coordination-status.md"],
        ["check", "plans"],
        ["check", "plans", "devlog"],
        ["check"],
        ["check", "--strict", "plans/payments-migration.md"],
        ["check", "plans", "--format", "json"],
        ["check", "--format", "github", "plans/coordination-status.md"],
        ["check", "--format", "sarif", "--strict", "plans"],
        ["check", "--format", "junit", "plans/docs-portal-launch.md"],
        ["check", "--format", "yaml", "plans"],
        ["check", "--format"],
        ["check", "--strict", "--strict", "plans"],
        ["check", "--format", "json", "--format", "text", "plans"],
        ["check", "no-such-report.md"],
        ["check", "--color", "never", "plans"],
        ["check", "--format=json", "plans"],
        ["check", "-h"],
        ["check", "help"],
        ["compile", "plans/payments-migration.md"],
        ["compile", "--compact", "plans/coordination-status.md"],
        ["compile", "plans/docs-portal-launch.md", "--emit", "markdown"],
        ["compile", "--emit", "html", "plans/docs-portal-launch.md"],
        ["compile"],
        ["compile", "plans/payments-migration.md", "plans/docs-portal-launch.md"],
        ["compile", "no-such-report.md"],
        ["compile", "plans"],
        ["fmt", "plans/coordination-status.md"],
        ["fmt", "--check", "plans"],
        ["fmt", "--check", "plans/payments-migration.md"],
        ["fmt", "plans"],
        ["fmt"],
        ["fmt", "--check", "--check", "plans"],
        ["fmt", "--check", "no-such-report.md"],
        ["--version"],
        ["rules"],
    ]

    @Test(arguments: invocations)
    func answersAsArgumentParserDoes(arguments: [String]) throws {
        let root = CLI.repositoryRoot
        let quick = try CLI.run(arguments, in: root, environment: ["NO_COLOR": "1"])
        let parsed = try CLI.run(arguments, in: root, environment: ["NO_COLOR": "1", "PLANC_NO_QUICK_PATH": "1"])
        #expect(quick.status == parsed.status)
        #expect(quick.stdout == parsed.stdout)
        #expect(quick.stderr == parsed.stderr)
        #expect(!quick.crashed)
    }

    /// `check` with no path checks the current folder either way.
    @Test func checkWithoutPathsReadsTheCurrentFolder() throws {
        let result = try CLI.run(["check"], in: CLI.path("plans"))
        #expect(result.stdout.contains("coordination-status.md"))
        #expect(result.stdout.contains("in 3 files"))
        #expect(result.status == 0)
    }
}
