struct PhaseNumbering: Rule {
    static let description = RuleDescription(
        code: "PLAN007", alias: "phase-numbering", family: .structure, severity: .error,
        summary: "Phase numbers repeat, skip, or cannot be read.",
        what: "Checks that phases are numbered 1, 2, 3... in order, each number once.",
        why: "Agents and dependencies refer to phases by number; a gap or a repeat makes `Phase 3` ambiguous or empty.",
        fix: "Renumber the phases from 1, or add the missing phase.",
        passing: ["## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n\n### Phase 2: B (1 day) - PENDING\n"],
        failing: [
            "## Phase Plan\n\n### Phase 1: A (1 day) - PENDING\n\n↓### Phase 3: B (1 day) - PENDING\n\n↓### Phase 3: C (1 day) - PENDING\n",
            "## Phase Plan\n\n↓### Phase two: A (1 day) - PENDING\n",
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var seen: [Int: SourceRange] = [:]
        var expected = 1
        for phase in context.plan.phases {
            guard let number = phase.number else {
                findings.append(Finding(range: phase.heading.range, message: "this phase has no number",
                                        help: "write the heading as `### Phase <n>: <Name> ...`"))
                continue
            }
            if let first = seen[number] {
                findings.append(Finding(range: phase.heading.range, message: "Phase \(number) is numbered twice",
                                        help: "renumber the phases from 1",
                                        related: [RelatedLocation(range: first, message: "first Phase \(number)")]))
                continue
            }
            seen[number] = phase.heading.range
            if number != expected {
                let message = number > expected
                    ? "Phase \(number) follows Phase \(expected - 1): Phase \(expected) is missing"
                    : "Phase \(number) comes after Phase \(expected - 1)"
                findings.append(Finding(range: phase.heading.range,
                                        message: expected == 1 ? "phases start at Phase \(number), not Phase 1" : message,
                                        help: "number the phases 1, 2, 3... in order"))
            }
            expected = number + 1
        }
        return findings
    }
}
