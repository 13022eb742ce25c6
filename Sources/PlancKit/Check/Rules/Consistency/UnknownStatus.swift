struct UnknownStatus: Rule {
    static let description = RuleDescription(
        code: "PLAN021", alias: "unknown-status", family: .consistency, severity: .warning,
        summary: "A status marker or status words planc does not know.",
        what: "Checks that markers are ones planc knows, and that the statuses of agents, phases, progress items, phase tasks and dependencies name a status.",
        why: "A status planc cannot read counts as no status: the checks and `planc diff` skip it.",
        fix: "Use a marker and words from the table in docs/plan-format.md (`🟢 RUNNING`, `🟡 IN PROGRESS`, `✅ DONE`...).",
        passing: ["## Active Agents\n\n### A\n**Status:** 🟢 RUNNING\n**Progress:**\n- ✅ Task 1: One (DONE)\n"],
        failing: ["## Active Agents\n\n### A\n**Status:** ↓Thinking hard\n**Progress:**\n- ↓🦄 Task 1: One\n"])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachWrittenStatus { value, place, expected in
            if value.hasUnknownMarker {
                findings.append(Finding(range: value.range, message: "`\(value.marker!)` is not a status marker planc knows",
                                        help: "use one of ✅ 🟡 ⚪ 🟢 🔴 ❌ ⏳ 🤔 📝, see `planc explain unknown-status`"))
            } else if expected && value.status == nil {
                findings.append(Finding(range: value.range, message: "`\(value.text)` names no status for \(place.subject)",
                                        help: "start with a marker or use status words such as RUNNING, IN PROGRESS, DONE, BLOCKED"))
            }
        }
        return findings
    }
}
