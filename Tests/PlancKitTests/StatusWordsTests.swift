import Testing
@testable import PlancKit

@Suite struct StatusWordsTests {
    @Test(arguments: [
        ("RUNNING", Status.running), ("NOT STARTED", .pending), ("IN PROGRESS", .inProgress),
        ("Task 1 in progress", .inProgress), ("Implementing rate limiting (IN PROGRESS)", .inProgress),
        ("ready", .done), ("Decision needed", .decision), ("Redis UP", .running), ("Pending", .pending),
    ])
    func wordsNameStatuses(text: String, status: Status) {
        #expect(StatusWords.status(ofWords: text) == status)
    }

    @Test(arguments: ["Created task tracking", "set up Redis", "Test fixes (41 tests)", ""])
    func plainTextNamesNoStatus(text: String) {
        #expect(StatusWords.status(ofWords: text) == nil)
    }

    /// ASCII text is matched on bytes; the general path must agree on it.
    @Test func asciiPathAgreesWithTheGeneralPath() {
        let pieces = ["in", "IN", "progress", "PROGRESS", "Task", "1", "UP", "up", "set", "(", ")", ",", " ",
                      "  ", "-", "done", "DONE", "not", "NOT", "STARTED", "decision", "needed", "42%",
                      "held by a", "Redis", "to", "DO", "WIP", "wip", "x", "**", "🙂"]
        var generator = SystemRandomNumberGenerator()
        var texts = StatusWords.words.map(\.phrase) + ["(IN PROGRESS)", "a (", ")", "()", "(DONE", "DONE)"]
        for _ in 0..<3000 {
            let count = Int.random(in: 1...7, using: &generator)
            texts.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " "))
        }
        for text in texts {
            #expect(StatusWords.status(ofWords: text) == StatusWords.unicodeStatus(ofWords: text), "\(text)")
        }
    }

    @Test func markersWithAndWithoutVariationSelector() {
        #expect(StatusWords.status(ofMarker: "☑️") == .done)
        #expect(StatusWords.status(ofMarker: "☑") == .done)
        #expect(StatusWords.status(ofMarker: "ℹ️") == .info)
        #expect(StatusWords.status(ofMarker: "🦄") == nil)
    }

    @Test func markerAndWordsThatDisagree() throws {
        let plan = try parse("# T\n\n## Active Agents\n\n### A\n**Status:** ✅ PENDING\n")
        let status = try #require(plan.agents.first?.status)
        #expect(status.isContradictory)
        #expect(status.status == .done)
        #expect(status.wordStatus == .pending)
    }

    @Test func unknownMarkerIsKept() throws {
        let plan = try parse("# T\n\n## Active Agents\n\n### A\n**Status:** 🦄 RUNNING\n")
        let status = try #require(plan.agents.first?.status)
        #expect(status.marker == "🦄")
        #expect(status.hasUnknownMarker)
        #expect(status.status == .running)
        #expect(MarkdownRenderer.render(plan).contains("**Status:** 🦄 RUNNING"))
    }
}

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("phase plan", "phase", true), ("Phase", "phase", false), ("x", "", true), ("", "a", false),
        ("nats://host", "://", true), ("a:/b", "://", false), ("ababac", "abac", true), ("abab", "abac", false),
        ("déjà vu", "à v", true), ("no jetstream", "no jetstream", true), ("jetstrea", "jetstream", false),
    ])
    func findsByteSequences(text: String, needle: String, found: Bool) {
        #expect(text.includes(needle) == found)
    }
}

@Suite struct IndentTests {
    /// The line-by-line definition the byte loop must match.
    static func reference(_ text: String, by width: Int) -> String {
        let pad = String(repeating: " ", count: width)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n")
    }

    @Test func matchesTheLineByLineDefinition() {
        let pieces = ["a", "- item", "\n", "\n", "\r\n", "\r", " ", "é", "e\u{301}", "\n\u{301}", "🟢", "\t", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let count = Int.random(in: 0...8, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 0...6, using: &generator)
            #expect(MarkdownBlocks.indent(text, by: width) == Self.reference(text, by: width), "\(Array(text.utf8))")
        }
    }
}
