import Foundation
import Testing

/// Hostile and odd input through `compile`, `check` and `fmt`: each file
/// either parses or is refused with one clear message and exit code 2;
/// never a crash, never a hang.
@Suite struct BadInputCorpusTests {
    let directory: String

    init() throws { directory = try CLI.temporaryDirectory() }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        try CLI.write(bytes, named: name, in: directory)
    }

    private func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    private static let reference: [UInt8] = {
        Array((try? Data(contentsOf: URL(fileURLWithPath: CLI.path("plans/coordination-status.md")))) ?? Data())
    }()

    /// Runs the three commands that read a report; none may crash or hang,
    /// and each exits with one of the documented codes.
    @discardableResult
    private func survive(_ path: String, compiles: Bool = true) throws -> [String: CLIResult] {
        var results: [String: CLIResult] = [:]
        for command in [["compile", path], ["check", path], ["fmt", path]] {
            let result = try CLI.run(command, timeLimit: 120)
            #expect(!result.crashed, "\(command) crashed: \(result.stderr)")
            #expect(!result.timedOut, "\(command) hung")
            #expect([0, 1, 2].contains(result.status), "\(command): exit \(result.status)")
            if compiles {
                #expect(result.status != 2, "\(command) refused: \(result.stderr)")
            } else {
                #expect(result.status == 2, "\(command) accepted bad input")
                #expect(result.stderr.hasPrefix("planc: error: \(path): "), "\(result.stderr)")
                // `check` still reports, and says that a file could not be read.
                #expect(command[0] == "check" ? result.stdout.contains("1 of them could not be read")
                                              : result.stdout.isEmpty, "\(command): \(result.stdout)")
            }
            results[command[0]] = result
        }
        return results
    }

    private func expectRefused(_ name: String, _ bytes: [UInt8], offset: Int, byte: String) throws {
        let path = try file(name, bytes)
        let results = try survive(path, compiles: false)
        for result in results.values {
            #expect(result.stderr.contains("not valid UTF-8: byte \(byte) at byte offset \(offset)"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    // MARK: encodings

    @Test func truncatedUTF8() throws {
        let title = Array("# Café".utf8)
        // The file ends in the middle of `é`, then the same cut mid-file.
        try expectRefused("truncated-end.md", Array(title.dropLast()), offset: 5, byte: "0xC3")
        try expectRefused("truncated-middle.md", Array(title.dropLast()) + Array(" - 2025-01-02\n".utf8),
                          offset: 5, byte: "0xC3")
        // A four-byte emoji cut after three bytes.
        let status = Array("**Status:** 🟢".utf8)
        try expectRefused("truncated-emoji.md", Array("# T\n\n".utf8) + Array(status.dropLast()) + [0x0A],
                          offset: 17, byte: "0xF0")
    }

    @Test func overlongEncodings() throws {
        // `/` as two bytes and as three: both forbidden by UTF-8.
        try expectRefused("overlong-2.md", Array("# a".utf8) + [0xC0, 0xAF] + [0x0A], offset: 3, byte: "0xC0")
        try expectRefused("overlong-3.md", Array("# a".utf8) + [0xE0, 0x80, 0xAF] + [0x0A], offset: 3, byte: "0xE0")
    }

    @Test func loneSurrogates() throws {
        // U+D800 and U+DFFF encoded as if they were characters (CESU-8).
        try expectRefused("high-surrogate.md", Array("# a".utf8) + [0xED, 0xA0, 0x80] + [0x0A], offset: 3, byte: "0xED")
        try expectRefused("low-surrogate.md", Array("# T\n\nx".utf8) + [0xED, 0xBF, 0xBF], offset: 6, byte: "0xED")
    }

    // MARK: line endings and whitespace

    /// The reference report with other line endings gives the same
    /// diagnostics at the same lines and columns, and the same formatted
    /// text, in the file's own line endings for CRLF.
    @Test(arguments: [("crlf", [UInt8]([0x0D, 0x0A])), ("cr", [UInt8]([0x0D]))])
    func lineEndings(name: String, ending: [UInt8]) throws {
        var converted: [UInt8] = []
        for byte in Self.reference {
            if byte == 0x0A { converted += ending } else { converted.append(byte) }
        }
        let original = try file("lf.md", Self.reference)
        let path = try file("\(name).md", converted)
        let results = try survive(path)
        let expected = try survive(original)
        #expect(results["compile"]?.status == 0)
        let formatted = expected["fmt"]?.stdout ?? ""
        #expect(results["fmt"]?.stdout == (name == "crlf" ? formatted.replacingOccurrences(of: "\n", with: "\r\n") : formatted))
        let annotations = { (path: String) throws -> String in
            try CLI.run(["check", "--format", "github", path]).stdout
        }
        let plain = try annotations(original).replacingOccurrences(of: original, with: "X")
        let other = try annotations(path).replacingOccurrences(of: path, with: "X")
        #expect(!plain.isEmpty)
        #expect(other == plain)
    }

    @Test func tabs() throws {
        let text = "# Tabs - 2025-01-02\n\n## Active Agents\n\n### Tabbed\n**Status:**\t🟢 RUNNING\n"
            + "**Tasks:**\n-\t[ ] First task\t(2h)\n\t- nested under a tab\n\n## Phase Plan\n\n"
            + "### Phase 1:\tStart (1 day) - PENDING\n-\tTabbed\n"
        let path = try file("tabs.md", text)
        let results = try survive(path)
        let json = try #require(results["compile"]).stdout
        #expect(json.contains("\"name\": \"Tabbed\""))
        #expect(json.contains("First task"))
    }

    @Test func byteOrderMarkBeforeTheReference() throws {
        let path = try file("bom-reference.md", [0xEF, 0xBB, 0xBF] + Self.reference)
        let results = try survive(path)
        let plain = try survive(try file("plain.md", Self.reference))
        #expect(results["fmt"]?.stdout == plain["fmt"]?.stdout)
    }

    // MARK: size

    @Test func hundredThousandAgents() throws {
        var text = "# Crowd - 2025-01-02\n\n## Active Agents\n\n"
        for index in 0..<100_000 {
            text += "### Agent-\(index)\n**Status:** 🟢 RUNNING\n**Tasks:**\n1. Task \(index) (1h)\n\n"
        }
        let path = try file("agents.md", text)
        // Generous limits: the suite also runs on a debug build under ASan.
        let result = try CLI.run(["compile", "--compact", path], timeLimit: 900)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.crashed && !result.timedOut, "crashed \(result.crashed), timed out \(result.timedOut)")
        let model = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        #expect((model?["agents"] as? [Any])?.count == 100_000)
        let check = try CLI.run(["check", "--format", "json", path], timeLimit: 900)
        #expect(check.status == 0 || check.status == 1, "exit \(check.status), timed out \(check.timedOut): \(check.stderr)")
    }

    @Test func oneMegabyteLine() throws {
        let line = String(repeating: "word ", count: 200_000)
        try survive(try file("line.md", "# T - 2025-01-02\n\n" + line))
        try survive(try file("heading.md", "# " + line + "\n"))
        try survive(try file("field.md", "# T\n\n## Active Agents\n\n### A\n**Status:** " + line + "\n"))
        try survive(try file("row.md", "# T\n\n| " + line + " |\n|---|\n| x |\n"))
        // Nothing but one line, without a newline.
        try survive(try file("bare.md", String(repeating: "x", count: 1_048_576)))
    }

    // MARK: structure

    @Test func headingsWithoutText() throws {
        let text = "#\n\n##\n\n###\n\n## \n\n### \n\n####\n- item\n\n#\n"
        let results = try survive(try file("empty-headings.md", text))
        #expect(results["check"]?.status == 0, "no report and no entry: not checked")
        #expect(results["check"]?.stderr.contains("is neither a status report") == true)
    }

    @Test func everySectionEmpty() throws {
        let headings = ["## Infrastructure Setup", "## Active Agents", "## Phase Plan", "## Coordination Protocol",
                        "### Task Lifecycle", "### Communication Channels", "### Monitoring", "## Next Steps",
                        "## Questions for User"]
        let text = "# Empty - 2025-01-02\n\n" + headings.joined(separator: "\n\n") + "\n"
        let results = try survive(try file("empty-sections.md", text))
        #expect(results["compile"]?.stdout.contains("\"agents\": []") == true)
        // The formatted form is stable.
        let formatted = try #require(results["fmt"]).stdoutData
        #expect(try CLI.run(["fmt", "--check", "-"], stdin: formatted).status == 0)
    }

    @Test func everySectionDuplicated() throws {
        let text = String(decoding: Self.reference, as: UTF8.self)
        let body = text[text.range(of: "## Infrastructure")!.lowerBound...]
        let path = try file("duplicated.md", text + "\n" + body)
        let results = try survive(path)
        let check = try CLI.run(["check", "--format", "json", path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("duplicate-agent"), "agents listed twice are reported")
        let formatted = try #require(results["fmt"]).stdoutData
        #expect(try CLI.run(["fmt", "--check", "-"], stdin: formatted).status == 0)
    }
}
