struct StatusContradiction: Rule {
    static let description = RuleDescription(
        code: "PLAN016", alias: "status-contradiction", family: .consistency, severity: .error,
        summary: "A status marker says one thing and its words another.",
        what: "Checks every status written with both a marker and words (`✅ PENDING`) for agreement.",
        why: "Readers trust the marker, tools may trust the words: the report says two things at once.",
        fix: "Change the marker or the words so that both say the same status.",
        passing: ["## Active Agents\n\n### A\n**Status:** 🟢 RUNNING\n"],
        failing: ["## Active Agents\n\n### A\n**Status:** ↓✅ PENDING\n**Progress:**\n- ↓🟡 Task 1: One (DONE)\n"])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachWrittenStatus { value, place, _ in
            guard value.isContradictory else { return }
            // Long words (a progress item's whole text) are not quoted whole:
            // the status they name is what contradicts the marker.
            let words = value.words.count <= 30 ? "`\(value.words)`" : "its words"
            findings.append(Finding(range: value.range,
                                    message: "the status of \(place.subject) is contradictory: `\(value.marker ?? "")` means \(value.markerStatus!.rawValue), \(words) mean\(value.words.count <= 30 ? "s" : "") \(value.wordStatus!.rawValue)",
                                    help: "make the marker and the words say the same thing"))
        }
        return findings
    }
}
