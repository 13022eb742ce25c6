import Testing
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
    }

    @Test func garbleAndRepairAreInverse() {
        let samples = ["✅ done", "☑️ ticked", "🟡 Task 1", "café — naïve ünïcödé", "中文 and 日本語", "€ 20", "plain"]
        for sample in samples {
            let garbled = Mojibake.garble(sample)
            #expect(Mojibake.repair(Array(garbled.utf8)).text == sample, "\(sample)")
        }
    }

    @Test func realTextIsLeftAlone() {
        for text in ["café", "Ünïcödé façade", "naïve résumé", "Straße — «quotes»", "√2 ≈ 1.41", "—é"] {
            let (repaired, runs) = Mojibake.repair(Array(text.utf8))
            #expect(repaired == text)
            #expect(runs.isEmpty, "\(text)")
        }
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
}
