import Foundation
import Testing

@Suite struct CompileCommandTests {
    let reference = CLI.path("plans/coordination-status.md")

    @Test func compilesTheReferenceReportToVersionedJSON() throws {
        let result = try CLI.run(["compile", reference])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["title"] as? String == "Agent Coordination Status")
        #expect(json["lastUpdated"] as? String == "2025-12-11T16:37:00Z")
        let agents = try #require(json["agents"] as? [[String: Any]])
        #expect(agents.map { $0["id"] as? String } == ["aa13444", nil])
        // Keys come in the documented order.
        let order = ["\"version\"", "\"title\"", "\"date\"", "\"services\"", "\"agents\"", "\"phases\"",
                     "\"protocol\"", "\"nextSteps\"", "\"questions\"", "\"extraSections\"", "\"lastUpdated\"",
                     "\"nextCheck\""]
        let positions = order.map { key in result.stdout.range(of: "\n  " + key)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func compactJSONIsOneLine() throws {
        let result = try CLI.run(["compile", "--compact", reference])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 1)
        _ = try JSONSerialization.jsonObject(with: result.stdoutData)
    }

    @Test func emitsCanonicalMarkdownLikeFmt() throws {
        let compiled = try CLI.run(["compile", "--emit", "markdown", reference])
        let formatted = try CLI.run(["fmt", reference])
        #expect(compiled.status == 0)
        #expect(compiled.stdout == formatted.stdout)
        #expect(compiled.stdout.contains("## Infrastructure Setup ✅"))
    }

    @Test func readsStandardInput() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: reference))
        let result = try CLI.run(["compile", "-"], stdin: data)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"file\": \"<stdin>\""))
    }

    @Test func daysOfEffortFollowTheConfiguration() throws {
        let directory = try CLI.temporaryDirectory()
        try Data("# T - 2025-01-01\n\n## Active Agents\n\n### A\n**Tasks:**\n1. **One** (2d) - HIGH\n".utf8)
            .write(to: URL(fileURLWithPath: directory + "/plan.md"))
        #expect(try CLI.run(["compile", "--compact", "plan.md"], in: directory).stdout.contains("\"effortHours\":16"))
        try Data("hours-per-day: 6\n".utf8).write(to: URL(fileURLWithPath: directory + "/.planc.yml"))
        #expect(try CLI.run(["compile", "--compact", "plan.md"], in: directory).stdout.contains("\"effortHours\":12"))
        try Data("hours-per-day: many\n".utf8).write(to: URL(fileURLWithPath: directory + "/.planc.yml"))
        let refused = try CLI.run(["compile", "plan.md"], in: directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains(".planc.yml:1: `hours-per-day`"))
    }

    @Test func helpExplainsExitCodes() throws {
        let result = try CLI.run(["compile", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Exit codes"))
        #expect(result.stdout.contains("--emit"))
    }

    @Test func badFlagsAreUsageErrors() throws {
        #expect(try CLI.run(["compile"]).status == 64)
        #expect(try CLI.run(["compile", reference, "--emit", "yaml"]).status == 64)
        #expect(try CLI.run(["compile", reference, "--no-such-flag"]).status == 64)
        #expect(try CLI.run(["no-such-command"]).status == 64)
    }
}
