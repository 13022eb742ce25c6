struct DevlogInvalidDate: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG005", alias: "devlog-invalid-date", family: .devlog, severity: .error,
        summary: "A devlog entry's date is not a real date, or lies in the future.",
        what: "Checks the entry's date (the file name's when the name holds one, else the `date` key): a real calendar date, not after today (UTC). Checked with or without a plan.",
        why: "Entries are ordered by date; `2025-02-30` or next year's date puts them nowhere.",
        fix: "Write the day the work was done as YYYY-MM-DD.",
        passing: [DevlogExamples.valid, DevlogExamples.bodyKeys("batch2-test-fixes.md")],
        failing: [DevlogExamples.entry("2025-02-30-general-purpose-test-fixes.md", date: "2025-02-30")
                    .replacing("---\ndate", with: "↓---\ndate"),
                  DevlogExamples.entry("2099-01-01-general-purpose-test-fixes.md", date: "2099-01-01")
                    .replacing("---\ndate", with: "↓---\ndate"),
                  DevlogExamples.bodyKeys("batch2-test-fixes.md", date: "2099-01-01")
                    .replacing("**Date:**", with: "↓**Date:**")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard let reading = context.readings[entry.path], let text = reading.date else { return nil }
            let subject = reading.dateFromName ? "`\(entry.name)` is dated" : "the entry is dated"
            guard let date = QuantityParsing.date(text.value) else {
                let place = reading.dateFromName ? " in `\(entry.name)`" : ""
                return DevlogFinding(file: entry.path, finding: Finding(
                    range: text.range, message: "`\(text.value)`\(place) is not a real date", help: "write the date as YYYY-MM-DD"))
            }
            guard date > context.today else { return nil }
            return DevlogFinding(file: entry.path, finding: Finding(
                range: text.range, message: "\(subject) \(date), after today (\(context.today))",
                help: "date entries by the day the work was done"))
        }
    }
}

struct DevlogDateBeforeStart: DevlogRule {
    static let description = RuleDescription(
        code: "DEVLOG006", alias: "devlog-before-start", family: .devlog, severity: .error,
        summary: "A devlog entry is dated before its agent started.",
        what: "Compares the entry's date with the `Started` date in the plan of the agent it names.",
        why: "An agent cannot log work from before it existed: the date or the agent is wrong.",
        fix: "Correct the entry's date, or the agent it names.",
        passing: [DevlogExamples.valid, DevlogExamples.bodyKeys("batch2-test-fixes.md")],
        failing: [DevlogExamples.entry("2025-12-10-general-purpose-test-fixes.md", date: "2025-12-10")
                    .replacing("---\ndate", with: "↓---\ndate"),
                  DevlogExamples.bodyKeys("batch2-test-fixes.md", date: "2025-12-10")
                    .replacing("**Date:**", with: "↓**Date:**")])

    func check(_ context: DevlogContext) -> [DevlogFinding] {
        context.entries.compactMap { entry in
            guard let reading = context.readings[entry.path], let agent = reading.agent, let text = reading.date,
                  let date = QuantityParsing.date(text.value), let started = agent.started?.value, date < started.date
            else { return nil }
            let subject = reading.dateFromName ? "`\(entry.name)` is dated" : "the entry is dated"
            return DevlogFinding(file: entry.path, finding: Finding(
                range: text.range, message: "\(subject) \(date), before \(agent.name) started on \(started.date)",
                help: "correct the entry's date or its agent",
                related: [RelatedLocation(range: agent.started!.range, message: "\(agent.name) started here",
                                          file: context.plan?.file)]))
        }
    }
}
