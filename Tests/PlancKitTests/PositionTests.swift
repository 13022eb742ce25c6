import Testing
@testable import PlancKit

/// Ranges come from the source lines, so they are right where cmark's
/// inline positions are not: after hard breaks, next to autolinks, after
/// wide characters and tabs.
@Suite struct PositionTests {
    @Test func keysAfterHardBreaksAndAutolinks() throws {
        let text = """
            # T

            ## Active Agents

            ### A
            **Status:** 🟢 RUNNING  
            **Started:** 2025-12-11 16:37\\
            **Current Task:** see https://example.com/x first (4h)
            **Owner:** 中文 team
            """
        let plan = try parse(text)
        let agent = try #require(plan.agents.first)
        // Line 6: `**Status:** ` is 12 columns, the emoji takes two.
        #expect(agent.status?.range == SourceRange(line: 6, column: 13, endLine: 6, endColumn: 23))
        #expect(agent.started?.range == SourceRange(line: 7, column: 14, endLine: 7, endColumn: 30))
        #expect(agent.started?.value?.description == "2025-12-11T16:37:00Z")
        #expect(agent.currentTask?.range == SourceRange(line: 8, column: 19, endLine: 8, endColumn: 55))
        #expect(agent.currentTask?.effort?.range == SourceRange(line: 8, column: 52, endLine: 8, endColumn: 54))
        #expect(agent.extras.first?.range == SourceRange(line: 9, column: 1, endLine: 9, endColumn: 21))
    }

    @Test func displayColumnsCountCells() throws {
        let source = try SourceLoader.decode(name: "t", bytes: Array("a\tb🟢c☑️d中e\u{301}f\n".utf8))
        func column(before scalar: Unicode.Scalar) -> Int {
            let line = source.rawLine(1).unicodeScalars
            let prefix = String(String.UnicodeScalarView(line.prefix { $0 != scalar }))
            return source.displayColumn(line: 1, byteOffset: prefix.utf8.count)
        }
        #expect(column(before: "b") == 5)   // the tab advances to column 5
        #expect(column(before: "c") == 8)   // 🟢 takes two cells
        #expect(column(before: "d") == 11)  // ☑ with VS16 takes two
        #expect(column(before: "e") == 14)  // 中 takes two
        #expect(column(before: "f") == 15)  // the combining accent takes none
    }

    @Test func mojibakeRangesReferToTheFileAsWritten() throws {
        let garbled = Mojibake.garble("✅")
        let plan = try parse("# T\n\n## Next Steps\n\n1. \(garbled) **Ship** it\n")
        #expect(plan.nextSteps.first?.status?.marker == "✅")
        #expect(plan.repairs.first?.range == SourceRange(line: 5, column: 4, endLine: 5, endColumn: 7))
    }

    @Test func crlfAndCRLineEndingsCountAsLines() throws {
        let plan = try parse("# T - 2025-01-02\r\n\r\n## Active Agents\r\n\r\n### A\r**Status:** 🟢 RUNNING\r\n")
        #expect(plan.date?.value?.description == "2025-01-02")
        #expect(plan.agents.first?.status?.range == SourceRange(line: 6, column: 13, endLine: 6, endColumn: 23))
    }
}
