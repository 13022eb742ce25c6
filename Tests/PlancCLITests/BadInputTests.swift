import Foundation
import Testing

/// Input planc cannot read: one clear message naming the file, exit 2, no
/// crash and no hang.
@Suite struct BadInputTests {
    let directory: String

    init() throws { directory = try CLI.temporaryDirectory() }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        try CLI.write(bytes, named: name, in: directory)
    }

    private func expectRefusal(_ arguments: [String], stdin: Data? = nil, mentions: [String]) throws {
        let result = try CLI.run(arguments, stdin: stdin)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("planc: error: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "one message: \(result.stderr)")
        for text in mentions { #expect(result.stderr.contains(text), "\(result.stderr) lacks \(text)") }
    }

    @Test func missingFile() throws {
        try expectRefusal(["compile", directory + "/absent.md"], mentions: ["absent.md", "no such file"])
        try expectRefusal(["fmt", "--check", directory + "/absent.md"], mentions: ["absent.md", "no such file"])
    }

    @Test func directoryGivenToCompile() throws {
        try expectRefusal(["compile", directory], mentions: [directory, "is a directory"])
    }

    @Test func emptyFile() throws {
        let path = try file("empty.md", [])
        try expectRefusal(["compile", path], mentions: ["empty.md", "empty"])
        let blank = try file("blank.md", Array("  \n\n\t\n".utf8))
        try expectRefusal(["compile", blank], mentions: ["blank.md", "only whitespace"])
    }

    @Test func invalidUTF8() throws {
        let path = try file("latin1.md", Array("# Caf".utf8) + [0xE9] + Array(" status\n".utf8))
        try expectRefusal(["compile", path], mentions: ["latin1.md", "not valid UTF-8", "byte offset 5", "0xE9"])
    }

    @Test func nulBytes() throws {
        let path = try file("binary.md", Array("# T\n\nab".utf8) + [0] + Array("cd\n".utf8))
        try expectRefusal(["compile", path], mentions: ["binary.md", "NUL byte at byte offset 7", "line 3"])
    }

    @Test func fiftyMegabytes() throws {
        let path = directory + "/huge.md"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        try expectRefusal(["compile", path], mentions: ["huge.md", "52428800 bytes", "limit", "--max-file-size"])
        let piped = Data(repeating: 0x61, count: 50 * 1024 * 1024)
        try expectRefusal(["compile", "-"], stdin: piped, mentions: ["<stdin>", "limit"])
    }

    @Test func tenThousandDeepNestedLists() throws {
        let nested = String(repeating: "- ", count: 10_000) + "x\n"
        let path = try file("deep.md", Array(("# Deep\n\n## Active Agents\n\n### A\n**Progress:**\n" + nested).utf8))
        let result = try CLI.run(["compile", path])
        #expect(result.status == 0)
        let quotes = try file("quotes.md", Array(("# Deep\n\n" + String(repeating: ">", count: 10_000) + " x\n").utf8))
        let formatted = try CLI.run(["fmt", quotes])
        #expect(formatted.status == 0)
        #expect(try CLI.run(["fmt", "--check", "-"], stdin: formatted.stdoutData).status == 0)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let path = try file("bom.md", [0xEF, 0xBB, 0xBF] + Array("# T - 2025-01-02\n".utf8))
        let result = try CLI.run(["compile", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"title\": \"T\""))
        #expect(try CLI.run(["fmt", "--check", path]).status == 1)
    }
}
