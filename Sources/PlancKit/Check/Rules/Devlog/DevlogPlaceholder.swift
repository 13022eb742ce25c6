struct DevlogPlaceholder: Rule {
    static let description = RuleDescription(
        code: "PLAN031", alias: "devlog-placeholder", family: .devlog, severity: .error,
        summary: "The devlog path pattern has a placeholder planc does not fill.",
        what: "Checks the `<...>` placeholders of the Monitoring section's devlog pattern: only `<date>`, `<agent>` and `<task>` exist.",
        why: "`planc devlog` names and checks entries with this pattern; an unknown placeholder matches no file name.",
        fix: "Use `<date>`, `<agent>` and `<task>`, or write the date out as an example (`2025-12-11`).",
        passing: ["## Coordination Protocol\n\n### Monitoring\n- **Devlog:** `/devlog/<date>-<agent>-<task>.md`\n"],
        failing: ["## Coordination Protocol\n\n### Monitoring\n- **Devlog:** `/devlog/<date>-↓<agent_type>-<task>.md`\n"])

    func check(_ context: CheckContext) -> [Finding] {
        guard let pattern = context.plan.protocolSpec?.devlogPattern else { return [] }
        var findings: [Finding] = []
        let text = pattern.value
        var search = text.startIndex
        while let open = text[search...].firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let name = String(text[text.index(after: open)..<close])
            if !DevlogPattern.placeholders.contains(name.lowercased()) {
                let end = text.index(after: close)
                findings.append(Finding(
                    range: context.subrange(of: pattern.range, text: text, from: open, to: end),
                    message: "`<\(name)>` is not a devlog placeholder",
                    help: "use <date>, <agent> and <task>"))
            }
            search = text.index(after: close)
        }
        return findings
    }
}
