struct MojibakeRule: Rule {
    static let description = RuleDescription(
        code: "PLAN030", alias: "mojibake", family: .encoding, severity: .warning,
        summary: "Text saved as mojibake (UTF-8 read as another encoding).",
        what: "Reports each run of characters that is UTF-8 once read as Mac Roman, Windows-1252 or Latin-1 "
            + "and saved again (`‚úÖ` or `âœ…` for ✅, `â€”` for —, `Ã©` for é), naming the encoding. planc "
            + "reads such runs as what they stand for. Mojibake inside code (code spans, fenced and indented "
            + "code blocks) is left as written and not reported.",
        why: "Readers see `‚úÖ` where the writer meant ✅, and other tools do not repair it.",
        fix: "`planc check --fix` (or `planc fmt --write`) writes the repaired text.",
        fixable: true,
        passing: [
            "# Status ✅ café\n",
            "# Notes — naïve, Ångström, à la carte\n\nThe log shows `âœ…` as written.\n\n```\n‚úÖ Ã©\n```\n",
        ],
        failing: [
            "# Status ↓‚úÖ\n\n- ↓\u{F8FF}üü° Working\n",
            "# Status ↓âœ…\n\n- ↓ðŸŸ¢ Running ↓â€” on time\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.source.mojibake.map { run in
            let range = context.source.range(run.span)
            let edit = TextEdit(offset: context.offset(line: run.span.line, byte: run.span.start),
                                length: run.span.end - run.span.start, replacement: run.repaired, range: range)
            return Finding(range: range,
                           message: "`\(Self.visible(run.original))` is `\(run.repaired)` saved as \(run.encoding.name)",
                           help: "`planc check --fix` writes `\(run.repaired)`",
                           fix: Fix(description: "write `\(run.repaired)`", edits: [edit]))
        }
    }

    /// Text for a message, with C1 controls (Latin-1 mojibake) spelt out:
    /// a terminal would hide them or act on them.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if (0x80...0x9F).contains(scalar.value) {
                output += "<U+00" + String(scalar.value, radix: 16, uppercase: true) + ">"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
