import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PlancKit

/// Every output format on the same findings: the broken agent section of a
/// small report, with a wide character before a finding.
@Suite struct ReporterTests {
    static let text = """
        # T - 2025-12-11

        ## Active Agents

        ### Émile 中文 (Agent ID: a1)
        **Status:** ✅ PENDING
        **Tasks:**
        1. **One** (4h) - SOMEDAY

        ## Phase Plan

        ## Infrastructure

        **NATS:** Running on `nats://localhost:4222`
        - Channels: `agent..x`

        ### Monitoring
        """

    static func result(strict: Bool = false) throws -> CheckResult {
        let source = try SourceLoader.decode(name: "plans/a,b:c.md", bytes: Array(text.utf8))
        let diagnostics = Checker().check(PlanParser.parse(source), source: source)
        return CheckResult(files: [CheckedFile(path: source.name, source: source, diagnostics: diagnostics)], strict: strict)
    }

    @Test func findingsUnderTest() throws {
        let codes = try Self.result().diagnostics.map(\.code)
        #expect(codes == ["PLAN016", "PLAN020", "PLAN022"])
    }

    @Test func jsonHasTheShapeOfTheContract() throws {
        let output = JSONReporter().report(try Self.result())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(Set(diagnostics[0].keys) == ["code", "rule", "severity", "message", "file", "line", "column",
                                             "endLine", "endColumn", "help", "fix"])
        #expect(diagnostics[0]["code"] as? String == "PLAN016")
        #expect(diagnostics[0]["rule"] as? String == "status-contradiction")
        #expect(diagnostics[0]["line"] as? Int == 6 && diagnostics[0]["column"] as? Int == 13)
        #expect(diagnostics[0]["fix"] is NSNull)
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary == ["files": 1, "errors": 2, "warnings": 1, "notes": 0])
        #expect((json["unreadable"] as? [Any])?.isEmpty == true)
        // Keys in the documented order.
        let order = ["\"code\"", "\"rule\"", "\"severity\"", "\"message\"", "\"file\"", "\"line\"", "\"column\"",
                     "\"endLine\"", "\"endColumn\"", "\"help\"", "\"fix\""]
        let positions = order.compactMap { output.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }

    @Test func githubEscapesDataAndProperties() throws {
        let output = GitHubReporter().report(try Self.result())
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("::error file=plans/a%2Cb%3Ac.md,line=6,col=13,endLine=6,endColumn="))
        #expect(lines[0].contains(",title=PLAN016 (status-contradiction)::"))
        #expect(lines[1].hasPrefix("::warning file=plans/a%2Cb%3Ac.md,line=8,"))
        #expect(lines[0].contains("%0Ahelp: "))
        #expect(lines.last == "planc: 2 errors, 1 warning and 0 notes in 1 file")
        #expect(GitHubReporter.escapeData("100% done\r\nnext") == "100%25 done%0D%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
        #expect(!output.contains("\r"))
    }

    @Test func githubListsEverythingWhenItHidesAnnotations() throws {
        let source = try SourceLoader.decode(name: "p.md", bytes: Array(CheckerTests.reference.utf8))
        let diagnostics = Checker().check(PlanParser.parse(source), source: source)
        let output = GitHubReporter().report(CheckResult(files: [CheckedFile(path: "p.md", source: source, diagnostics: diagnostics)], strict: false))
        #expect(output.contains("GitHub shows the first 10 annotations of each kind; all of them:"))
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("p.md:") }.count == 13)
        let summary = GitHubReporter().stepSummary(CheckResult(files: [CheckedFile(path: "p.md", source: source, diagnostics: diagnostics)], strict: false))
        #expect(summary.split(separator: "\n").filter { $0.hasPrefix("| warning |") }.count == 13)
    }

    @Test func sarifCarriesWhatCodeScanningRequires() throws {
        let reporter = SARIFReporter(root: "/repo", workingDirectory: "/repo/sub", version: "0.1.0")
        let output = reporter.report(try Self.result())
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        #expect((sarif["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "planc")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.descriptions.count)
        for rule in rules {
            #expect(rule["id"] is String)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            #expect((rule["fullDescription"] as? [String: Any])?["text"] is String)
            let help = try #require(rule["help"] as? [String: Any])
            #expect(help["text"] is String && help["markdown"] is String)
            #expect(((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String).map(["error", "warning", "note"].contains) == true)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleID)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            #expect(artifact["uri"] as? String == "sub/plans/a%2Cb%3Ac.md")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let region = try #require(location["region"] as? [String: Int])
            #expect(region["startLine"] != nil && region["startColumn"] != nil)
            let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"])
            #expect(fingerprint.range(of: "^[0-9a-f]{16}:[0-9]+$", options: .regularExpression) != nil)
        }
        // Columns count characters: `Émile 中文` is 7 wide on screen.
        let first = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((first["region"] as? [String: Int])?["startColumn"] == 13)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func sarifColumnsCountScalarsNotCells() throws {
        let source = try SourceLoader.decode(name: "x", bytes: Array("中文 ok\n".utf8))
        #expect(source.displayColumn(line: 1, byteOffset: 7) == 6)
        #expect(source.scalarColumn(line: 1, displayColumn: 6) == 4)
    }

    @Test func junitIsWellFormedWithOneCasePerFinding() throws {
        let output = JUnitReporter().report(try Self.result())
        let counter = XMLCounter()
        let parser = XMLParser(data: Data(output.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed XML")
        #expect(counter.elements["testcase"] == 3)
        #expect(counter.elements["failure"] == 2)
        #expect(counter.elements["system-out"] == 1)
        let strict = JUnitReporter().report(try Self.result(strict: true))
        #expect(strict.contains("failures=\"3\""))
        #expect(JUnitReporter.escape("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;")
    }

    @Test func textLooksLikeRustc() throws {
        let output = TextReporter(color: false).report(try Self.result())
        let expected = """
            error[PLAN016]: the status of Émile 中文 is contradictory: `✅` means done, `PENDING` means pending
             --> plans/a,b:c.md:6:13
              |
            6 | **Status:** ✅ PENDING
              |             ^^^^^^^^^^
              |
              = help: make the marker and the words say the same thing

            """
        #expect(output.hasPrefix(expected))
        #expect(output.hasSuffix("Found 2 errors, 1 warning and 0 notes in 1 file.\n"))
        #expect(!output.contains("\u{1B}["))
        #expect(TextReporter(color: true).report(try Self.result()).contains("\u{1B}[1;31merror[PLAN016]"))
    }
}

final class XMLCounter: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
    }

    /// A file that could not be read is never reported as passing, in any format.
    @Test func unreadableFilesAreReportedInEveryFormat() throws {
        let clean = try SourceLoader.decode(name: "plans/ok.md", bytes: Array("# T - 2025-12-11\n".utf8))
        let result = CheckResult(files: [
            CheckedFile(path: "plans/ok.md", source: clean, diagnostics: []),
            CheckedFile(path: "plans/bad.md", source: nil, diagnostics: [], error: "not valid UTF-8: byte 0xC3"),
        ], strict: false)
        #expect(result.exitCode == 2)
        let text = TextReporter(color: false).report(result)
        #expect(!text.contains("All checks passed"))
        #expect(text.contains("in 2 files; 1 of them could not be read"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().report(result).utf8)) as? [String: Any])
        let unreadable = try #require(json["unreadable"] as? [[String: String]])
        #expect(unreadable == [["file": "plans/bad.md", "message": "not valid UTF-8: byte 0xC3"]])

        #expect(GitHubReporter().report(result).contains("::error file=plans/bad.md,title=planc (unreadable)::not valid UTF-8: byte 0xC3"))

        let sarif = SARIFReporter(root: "/repo", workingDirectory: "/repo", version: "1").report(result)
        let run = try #require(((try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect((invocation["toolExecutionNotifications"] as? [Any])?.count == 1)

        #expect(JUnitReporter().report(result).contains("<error type=\"input\" message=\"not valid UTF-8: byte 0xC3\"/>"))
    }
}
