import Foundation
import Testing
import CCmarkGFM
@testable import PlancKit

@Suite struct MojibakeTests {
    @Test(arguments: [
        ("‚úÖ", "✅"), ("üü°", "🟡"), ("‚ö™", "⚪"), ("üü¢", "🟢"),
        ("‚è≥", "⏳"), ("ü§î", "🤔"), ("üìä", "📊"), ("üöÄ", "🚀"),
    ])
    func repairsTheReferenceMarkers(garbled: String, expected: String) {
        // The file holds U+F8FF before four-byte emoji: the Apple logo that
        // Mac Roman puts at 0xF0.
        let input = garbled.hasPrefix("ü") ? "\u{F8FF}" + garbled : garbled
        let (text, runs) = Mojibake.repair(Array(input.utf8))
        #expect(text == expected)
        #expect(runs.count == 1)
        #expect(runs[0].start == 0 && runs[0].end == input.utf8.count)
        #expect(runs[0].encoding == .macRoman)
    }

    /// Written out by hand, not made with `garble`, so that they check the
    /// Windows-1252 table too. `\u{9D}` and `\u{8F}` are bytes the code page
    /// leaves undefined, as decoders pass them on.
    @Test(arguments: [
        ("âœ…", "✅"), ("ðŸŸ¢", "🟢"), ("ðŸŸ¡", "🟡"), ("ðŸš€", "🚀"), ("ðŸ¤”", "🤔"),
        ("âšª", "⚪"), ("â\u{8F}³", "⏳"), ("â˜‘ï¸\u{8F}", "☑️"), ("â€”", "—"), ("â€“", "–"),
        ("â€™", "’"), ("â€œ", "“"), ("â€\u{9D}", "”"), ("â€¦", "…"), ("â‚¬", "€"), ("â†’", "→"),
        ("Ã©", "é"), ("Ã¨", "è"), ("Ã¼", "ü"), ("ÃŸ", "ß"), ("Ã–", "Ö"), ("Ã\u{A0}", "à"),
    ])
    func repairsWindows1252(garbled: String, expected: String) {
        let (text, runs) = Mojibake.repair(Array(("x " + garbled + " y").utf8))
        #expect(text == "x " + expected + " y")
        #expect(runs.count == 1)
        #expect(runs.first?.encoding == .windows1252)
        #expect(runs.first?.original == garbled && runs.first?.repaired == expected)
        #expect(Mojibake.garble(expected, as: .windows1252) == garbled)
    }

    /// Latin-1 reads bytes 0x80–0x9F as the C1 controls.
    @Test(arguments: [
        ("â\u{9C}\u{85}", "✅"), ("ð\u{9F}\u{9F}¢", "🟢"), ("ð\u{9F}\u{9A}\u{80}", "🚀"),
        ("â\u{80}\u{94}", "—"), ("â\u{80}\u{99}", "’"), ("â\u{98}\u{91}ï¸\u{8F}", "☑️"),
    ])
    func repairsLatin1(garbled: String, expected: String) {
        let (text, runs) = Mojibake.repair(Array(("x " + garbled + " y").utf8))
        #expect(text == "x " + expected + " y")
        #expect(runs.count == 1)
        #expect(runs.first?.encoding == .latin1)
        #expect(Mojibake.garble(expected, as: .latin1) == garbled)
    }

    @Test func sequencesBothCodePagesReadAlikeAreWindows1252() {
        // `Ã©` is the same bytes in Windows-1252 and Latin-1.
        #expect(Mojibake.repair(Array("cafÃ©".utf8)).runs.map(\.encoding) == [.windows1252])
        // Next to a sequence only Latin-1 reads, it is Latin-1: one run.
        let runs = Mojibake.repair(Array("Ã©â\u{80}\u{94}".utf8)).runs
        #expect(runs.count == 1)
        #expect(runs.first?.encoding == .latin1 && runs.first?.repaired == "é—")
    }

    @Test func garbleAndRepairAreInverse() {
        let samples = ["✅ done", "☑️ ticked", "🟡 Task 1", "café — naïve ünïcödé", "中文 and 日本語", "€ 20", "plain",
                       "Straße, Öl, voilà, déjà vu", "“quoted” ‘single’ … → ⏳"]
        for encoding in Mojibake.Encoding.allCases {
            for sample in samples {
                let garbled = Mojibake.garble(sample, as: encoding)
                let (text, runs) = Mojibake.repair(Array(garbled.utf8))
                #expect(text == sample, "\(encoding): \(sample)")
                if sample != "plain" {
                    #expect(!runs.isEmpty && runs.allSatisfy { $0.encoding == encoding || encoding == .latin1 },
                            "\(encoding): \(sample) \(runs.map(\.encoding))")
                }
            }
        }
    }

    @Test func realTextIsLeftAlone() {
        let texts = [
            "café", "Ünïcödé façade", "naïve résumé", "Straße — «quotes»", "√2 ≈ 1.41", "—é",
            "Ångström", "Ã la carte", "São Paulo, NÃO, IRMÃ e MÃE", "ÂGE, Â l'heure",
            "Die Größe der Übermäßigen Straße ist schön — für alle Bürger.",
            "« Ça va ? » — Noël à côté de l'hôtel, où le garçon a été déjà vu ; cœur, œuvre, Æsir.",
            "\u{AB}\u{A0}Ça\u{A0}\u{BB}", "Øre, Ålesund, Þór, ðæ", "price: 5 € – “fair” … ok", "Â° and Â© stay",
        ]
        for text in texts {
            let (repaired, runs) = Mojibake.repair(Array(text.utf8))
            #expect(repaired == text)
            #expect(runs.isEmpty, "\(text): \(runs.map(\.original))")
        }
    }

    @Test func onlyLinesThatMayHoldMojibakeAreDecoded() {
        func may(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(Mojibake.mayContainMojibake) }
        for plain in ["plain", "✅ done 🟢 ⏳ ⚪ ☑️", "café", "naïve résumé — “ok”", "中文"] { #expect(!may(plain), "\(plain)") }
        // Every run repair finds is on a line the filter lets through:
        // random strings of upper-half characters of every encoding.
        var pool: [Unicode.Scalar] = ["a", " ", "✅", "é", "\u{F8FF}"]
        for encoding in Mojibake.Encoding.allCases {
            pool += (UInt8(0x80)...UInt8(0xFF)).compactMap { Unicode.Scalar(encoding.scalar(for: $0)) }
        }
        var random = SplitMix(seed: 7)
        var found = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<(1 + random.int(6)) { text.unicodeScalars.append(pool[random.int(pool.count)]) }
            if !Mojibake.repair(Array(text.utf8)).runs.isEmpty {
                found += 1
                #expect(may(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(found > 400)
    }

    @Test func variationSelectorJoinsItsEmojiInOneRun() {
        let garbled = Mojibake.garble("☑️")
        let (text, runs) = Mojibake.repair(Array(("x " + garbled + " y").utf8))
        #expect(text == "x ☑️ y")
        #expect(runs.count == 1)
        #expect(runs[0].repaired == "☑️")
    }

    @Test func tableMatchesMacRomanAtItsLandmarks() {
        // Fixed points of Apple's table: 0x80 Ä, 0xA5 •, 0xDB €, 0xF0 Apple logo, 0xFF ˇ.
        #expect(MacRoman.upperHalf[0x00] == 0x00C4)
        #expect(MacRoman.upperHalf[0x25] == 0x2022)
        #expect(MacRoman.upperHalf[0x5B] == 0x20AC)
        #expect(MacRoman.upperHalf[0x70] == 0xF8FF)
        #expect(MacRoman.upperHalf[0x7F] == 0x02C7)
        #expect(Set(MacRoman.upperHalf).count == 128)
    }

    @Test func tableMatchesWindows1252() {
        // Landmarks: 0x80 €, 0x85 …, 0x96 –, 0x97 —, 0x9F Ÿ; the undefined
        // bytes stand for themselves; 0xA0 and up are Latin-1.
        #expect(Windows1252.scalar(for: 0x80) == 0x20AC)
        #expect(Windows1252.scalar(for: 0x85) == 0x2026)
        #expect(Windows1252.scalar(for: 0x96) == 0x2013)
        #expect(Windows1252.scalar(for: 0x97) == 0x2014)
        #expect(Windows1252.scalar(for: 0x9F) == 0x0178)
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] { #expect(Windows1252.scalar(for: byte) == UInt32(byte)) }
        for byte in UInt8(0x80)...UInt8(0xFF) {
            #expect(Windows1252.byte(for: Windows1252.scalar(for: byte)) == byte)
        }
        #expect(Windows1252.byte(for: 0x0080) == nil && Windows1252.byte(for: 0x221A) == nil)
    }

    // MARK: The file: mixed encodings, the model, the rule, the fix

    static let mixed = """
        # Status ‚úÖ - 2025-12-11

        ## Active Agents

        ### Builder (Agent ID: b1)
        **Status:** ðŸŸ¢ RUNNING
        **Progress:**
        - âœ…Done first
        - \u{F8FF}üü° Task 2: second â€” half way
        - â\u{9C}\u{85} Task 3: third

        Notes: cafÃ© and café, `âœ…` in code.

        """

    @Test func mixedEncodingsInOneFile() throws {
        let source = try SourceLoader.decode(name: "mixed.md", bytes: Array(Self.mixed.utf8))
        #expect(source.mojibake.map(\.repaired) == ["✅", "🟢", "✅", "🟡", "—", "✅", "é"])
        #expect(source.mojibake.map(\.encoding) == [.macRoman, .windows1252, .windows1252, .macRoman,
                                                    .windows1252, .latin1, .windows1252])
        #expect(source.mojibake.map(\.span.line) == [1, 6, 8, 9, 9, 10, 12])
        let plan = PlanParser.parse(source)
        #expect(plan.title == "Status ✅")
        let agent = try #require(plan.agents.first)
        #expect(agent.status?.marker == "🟢")
        #expect(agent.status?.status == .running)
        // `âœ…Done`: the marker glued to its text is found in a prefix of the run.
        #expect(agent.progress.map { $0.status?.marker } == ["✅", "🟡", "✅"])
        #expect(agent.progress.map(\.text) == ["Done first", "Task 2: second — half way", "Task 3: third"])
        #expect(plan.repairs.map(\.encoding) == source.mojibake.map(\.encoding))
        #expect(plan.repairs[1].range == SourceRange(line: 6, column: 13, endLine: 6, endColumn: 17))
    }

    @Test func repairsListTheirEncodingInTheModelJSON() throws {
        let plan = try parse(Self.mixed)
        let object = try JSONSerialization.jsonObject(with: Data(PlanJSON.encode(plan))) as! [String: Any]
        let repairs = try #require(object["repairs"] as? [[String: Any]])
        #expect(repairs.map { $0["encoding"] as? String }
                == ["macRoman", "windows1252", "windows1252", "macRoman", "windows1252", "latin1", "windows1252"])
        #expect(repairs[1]["original"] as? String == "ðŸŸ¢")
        #expect(repairs[1]["repaired"] as? String == "🟢")
        #expect(Array(repairs[1].keys).sorted() == ["encoding", "original", "range", "repaired"])
    }

    func diagnostics(_ text: String) throws -> [Diagnostic] {
        let source = try SourceLoader.decode(name: "plan.md", bytes: Array(text.utf8))
        return Checker().check(PlanParser.parse(source), source: source, only: ["PLAN030"])
    }

    @Test func ruleNamesTheEncoding() throws {
        let messages = try diagnostics(Self.mixed).map(\.message)
        #expect(messages == [
            "`‚úÖ` is `✅` saved as Mac Roman",
            "`ðŸŸ¢` is `🟢` saved as Windows-1252",
            "`âœ…` is `✅` saved as Windows-1252",
            "`\u{F8FF}üü°` is `🟡` saved as Mac Roman",
            "`â€”` is `—` saved as Windows-1252",
            "`â<U+009C><U+0085>` is `✅` saved as Latin-1",
            "`Ã©` is `é` saved as Windows-1252",
        ])
        #expect(MojibakeRule.description.summary == "Text saved as mojibake (UTF-8 read as another encoding).")
    }

    @Test func fixWritesTheRepairedText() throws {
        let found = try diagnostics(Self.mixed)
        let (fixed, applied) = Fixer.apply(found, to: Array(Self.mixed.utf8))
        #expect(applied == 7)
        let expected = """
            # Status ✅ - 2025-12-11

            ## Active Agents

            ### Builder (Agent ID: b1)
            **Status:** 🟢 RUNNING
            **Progress:**
            - ✅Done first
            - 🟡 Task 2: second — half way
            - ✅ Task 3: third

            Notes: café and café, `âœ…` in code.

            """
        #expect(String(decoding: fixed, as: UTF8.self) == expected)
        #expect(try diagnostics(expected).isEmpty)
    }

    // MARK: Code is left as written

    static let code = """
        # Code ✅

        Inline `âœ…` and ``‚úÖ ` ðŸŸ¢`` but âœ… outside, \\`Ã©\\` escaped.

        ```
        âœ… first in the fence
        ðŸŸ¢ second in the fence
        ```

        ~~~~ markdown
        â€” in a tilde fence
        ```
        ‚úÖ still inside: a backtick fence does not close a tilde one
        ~~~~

            âœ… indented code

        - item âœ…

          ```
          ðŸŸ¢ in a fence in an item
          ```

              ‚úÖ indented code in an item

        > ```
        > âœ… in a fence in a quote
        > ```

        ```sh
        âœ… unclosed fence to the end of the file
        ‚úÖ
        """

    @Test func codeIsNotRepairedReportedOrFixed() throws {
        let source = try SourceLoader.decode(name: "code.md", bytes: Array(Self.code.utf8))
        #expect(source.mojibake.map(\.span.line) == [3, 3, 18])
        #expect(source.mojibake.map(\.original) == ["âœ…", "Ã©", "âœ…"])
        #expect(source.text(line: 3) == "Inline `âœ…` and ``‚úÖ ` ðŸŸ¢`` but ✅ outside, \\`é\\` escaped.")
        #expect(source.text(line: 6) == "âœ… first in the fence")
        #expect(source.text(line: 7) == "ðŸŸ¢ second in the fence")

        let plan = PlanParser.parse(source)
        #expect(plan.repairs.count == 3)
        let found = try diagnostics(Self.code)
        #expect(found.count == 3)
        let (fixed, _) = Fixer.apply(found, to: Array(Self.code.utf8))
        let expected = Self.code
            .replacingOccurrences(of: "but âœ… outside, \\`Ã©\\`", with: "but ✅ outside, \\`é\\`")
            .replacingOccurrences(of: "- item âœ…", with: "- item ✅")
        #expect(String(decoding: fixed, as: UTF8.self) == expected)
        // fmt writes the code as it was.
        let rendered = MarkdownRenderer.render(plan)
        for kept in ["`âœ…`", "ðŸŸ¢ second in the fence", "â€” in a tilde fence", "    âœ… indented code",
                     "ðŸŸ¢ in a fence in an item", "> âœ… in a fence in a quote", "âœ… unclosed", "\n‚úÖ"] {
            #expect(rendered.contains(kept), "\(kept)")
        }
        #expect(rendered.contains("but ✅ outside") && rendered.contains("- item ✅"))
    }

    @Test(arguments: [
        "```\nâœ…\n",                          // unclosed backtick fence
        "~~~\nâœ…\n```\nâœ…\n",               // unclosed tilde fence, a backtick line inside
        "   ```\nâœ…\n  ```\n",              // fences indented by up to three spaces
        "````\n```\nâœ…\n````\n",            // a shorter fence does not close a longer one
        "text\n```\nâœ…\n```\n",             // a fence interrupts a paragraph
        "# T\n    âœ…\n",                    // indented code after a heading
        "`âœ…`", "``a ` âœ…``", "x `` âœ… `` y",  // code spans
    ])
    func codeIsLeftAsWritten(text: String) throws {
        let source = try SourceLoader.decode(name: "t.md", bytes: Array(text.utf8))
        #expect(source.mojibake.isEmpty)
    }

    @Test(arguments: [
        "```\nx\n```\nâœ…\n",                 // after a closed fence
        "~~~\nx\n~~~~~\nâœ…\n",               // a longer closing fence closes
        "    ```\nâœ…\n",                     // four spaces: indented code, not a fence
        "text\n    âœ…\n",                    // an indented line continues a paragraph
        "- item\n\n    âœ…\n",                // a paragraph in the item, not code
        "> ```\n> x\n\nâœ…\n",                 // the quote ends, and its fence with it
        "\\`âœ…\\`", "`` âœ… `", "``` âœ… ``",  // no code span: escaped or unmatched
    ])
    func textNextToCodeIsRepaired(text: String) throws {
        let source = try SourceLoader.decode(name: "t.md", bytes: Array(text.utf8))
        #expect(source.mojibake.map(\.repaired) == ["✅"], "\(text)")
    }

    // MARK: The scanner against cmark-gfm

    static let blockLines = [
        "text", "para", "", "", "    indented", "        deep", "```", "```sh", "~~~", "````", "~~~~~", "- item",
        "  - nested", "    - deeper", "      - six", "1. one", "2. two", "10) ten", "1.  two spaces", "   1. x",
        "-     five spaces", "-", "-\t", "* star", "+ plus", "> quote", ">     quoted code", "> ```", "> - item",
        ">> nested", "  >     code", ">", "> ", ">\tquote tab", "# Heading", "---", "***", "- - -", "===", "--",
        "<!-- c", "-->", "<!-- one -->", "<div>", "<div", "</span>", "<a href='x'>", "<pre>", "</pre>", "<?php",
        "| a | b |", "|---|---|", "| - | - |", "x|y", "[a]: /url", "[a]:", "\tTabbed", "\t\tdouble tab",
        "  ```", "   ```", "    ```", " ~~~", "``` a ` b", "~~~ `x`", "\\```", "1. ```", "- ```", "      code in item",
    ]

    @Test func codeBlocksAreWhereCmarkSeesThem() {
        var random = SplitMix(seed: 20251211)
        for _ in 0..<20_000 {
            let lines = (0..<(2 + random.int(14))).map { _ in Self.blockLines[random.int(Self.blockLines.count)] }
            let text = lines.joined(separator: "\n") + "\n"
            let (cmark, unsure) = cmarkCodeLines(text)
            let scanned = scannedCodeLines(text)
            for (index, line) in lines.enumerated()
            where !line.allSatisfy({ $0 == " " || $0 == "\t" }) && !unsure.contains(index + 1) {
                #expect(scanned.contains(index + 1) == cmark.contains(index + 1), "line \(index + 1) of:\n\(text)")
            }
        }
    }

    @Test func codeBlocksOfRandomCharactersAreWhereCmarkSeesThem() {
        let alphabet = Array(" \t>-*+_=#`~</!?[]:|\\019a\"'().".utf8)
        var random = SplitMix(seed: 777)
        for _ in 0..<20_000 {
            let lines = (0..<(1 + random.int(8))).map { _ in
                String(decoding: (0..<random.int(12)).map { _ in alphabet[random.int(alphabet.count)] }, as: UTF8.self)
            }
            let text = lines.joined(separator: "\n") + "\n"
            let (cmark, unsure) = cmarkCodeLines(text)
            let scanned = scannedCodeLines(text)
            for (index, line) in lines.enumerated()
            where !line.allSatisfy({ $0 == " " || $0 == "\t" }) && !unsure.contains(index + 1) {
                #expect(scanned.contains(index + 1) == cmark.contains(index + 1), "line \(index + 1) of:\n\(text)")
            }
        }
    }

    @Test func codeSpansAreWhereCmarkSeesThem() {
        var random = SplitMix(seed: 4242)
        let pieces = ["`", "``", "```", "\\", "\\`", "\\\\", " ", "a", "*", "_", "[", "]", "(", ")", "!", "|"]
        for _ in 0..<20_000 {
            var line = "p "
            var words = 0
            for _ in 0..<(1 + random.int(12)) {
                if random.int(3) == 0 {
                    line += " w\(words) "
                    words += 1
                } else {
                    line += pieces[random.int(pieces.count)]
                }
            }
            let bytes = Array(line.utf8)
            let spans = bytes.withUnsafeBufferPointer { CodeSpans.ranges(in: $0) }
            var scanned = Set<String>()
            for word in 0..<words {
                let found = line.range(of: " w\(word) ")!
                let offset = line.utf8.distance(from: line.startIndex, to: found.lowerBound) + 1
                if spans.contains(where: { $0.contains(offset) }) { scanned.insert("w\(word)") }
            }
            #expect(scanned == cmarkCodeWords(line + "\n"), "\(line)")
        }
    }
}

// MARK: Helpers

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func int(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// The lines `CodeBlockScanner` calls code.
func scannedCodeLines(_ text: String) -> Set<Int> {
    var code = Set<Int>()
    Array(text.utf8).withUnsafeBufferPointer { buffer in
        var scanner = CodeBlockScanner()
        var start = 0
        var number = 1
        for index in 0..<buffer.count where buffer[index] == 0x0A {
            if scanner.isCode(UnsafeBufferPointer(rebasing: buffer[start..<index])) { code.insert(number) }
            number += 1
            start = index + 1
        }
    }
    return code
}

/// Parses with cmark-gfm as planc does, and visits each node.
private func withCmarkNodes(_ text: String, _ visit: (OpaquePointer) -> Void) {
    cmark_gfm_core_extensions_ensure_registered()
    let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
    for name in ["table", "tasklist"] {
        if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
    }
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    let document = cmark_parser_finish(parser)!
    cmark_parser_free(parser)
    let iterator = cmark_iter_new(document)!
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
    }
    cmark_iter_free(iterator)
    cmark_node_free(document)
}

/// The lines of cmark-gfm's code blocks: fences and content. cmark ends a
/// fenced block its container closes on the line that closed it; that
/// line is returned apart, as neither code nor not.
func cmarkCodeLines(_ text: String) -> (code: Set<Int>, unsure: Set<Int>) {
    var code = Set<Int>()
    var unsure = Set<Int>()
    withCmarkNodes(text) { node in
        guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { return }
        let start = Int(cmark_node_get_start_line(node))
        let end = Int(cmark_node_get_end_line(node))
        let lines = String(cString: cmark_node_get_literal(node)).utf8.filter { $0 == 0x0A }.count
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        if cmark_node_get_fenced(node, &length, &offset, &character) != 0 {
            code.formUnion(start...(start + lines))
            if end > start + lines { unsure.insert(end) }
        } else {
            code.formUnion(start...end)
        }
    }
    return (code, unsure)
}

/// The words (`w0`, `w1`...) of a one-line paragraph that cmark-gfm puts in
/// code spans.
func cmarkCodeWords(_ text: String) -> Set<String> {
    var words = Set<String>()
    withCmarkNodes(text) { node in
        guard cmark_node_get_type(node) == CMARK_NODE_CODE else { return }
        let literal = String(cString: cmark_node_get_literal(node))
        for word in literal.split(separator: " ") where word.hasPrefix("w") && word.dropFirst().allSatisfy(\.isNumber) {
            words.insert(String(word))
        }
    }
    return words
}
