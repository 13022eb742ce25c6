struct MojibakeRule: Rule {
    static let description = RuleDescription(
        code: "PLAN030", alias: "mojibake", family: .encoding, severity: .warning,
        summary: "Text saved as mojibake (UTF-8 read as Mac Roman).",
        what: "Reports each run of characters that is UTF-8 once read as Mac Roman and saved again (`‚úÖ` for ✅). planc reads such runs as what they stand for.",
        why: "Readers see `‚úÖ` where the writer meant ✅, and other tools do not repair it.",
        fix: "`planc check --fix` (or `planc fmt --write`) writes the repaired text.",
        fixable: true,
        passing: ["# Status ✅ café\n"],
        failing: ["# Status ↓‚úÖ\n\n- ↓\u{F8FF}üü° Working\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.source.mojibake.map { run in
            let range = context.source.range(run.span)
            let edit = TextEdit(offset: context.offset(line: run.span.line, byte: run.span.start),
                                length: run.span.end - run.span.start, replacement: run.repaired, range: range)
            return Finding(range: range, message: "`\(run.original)` is `\(run.repaired)` saved as Mac Roman",
                           help: "`planc check --fix` writes `\(run.repaired)`",
                           fix: Fix(description: "write `\(run.repaired)`", edits: [edit]))
        }
    }
}
