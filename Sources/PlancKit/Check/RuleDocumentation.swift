/// A rule's documentation in fixed headings, for `planc explain` and the
/// help of SARIF rules. Its examples are the rule's own test examples.
public enum RuleDocumentation {
    public static func markdown(_ rule: RuleDescription) -> String {
        var out = "# \(rule.code) `\(rule.alias)`\n\n"
        out += "\(rule.summary)\n\n"
        out += "Default severity: \(rule.severity.rawValue). Family: \(rule.family.rawValue)."
        out += rule.fixable ? " Fixable with `planc check --fix`.\n\n" : "\n\n"
        out += "## What it does\n\n\(rule.what)\n\n"
        out += "## Why\n\n\(rule.why)\n\n"
        if let failing = rule.failing.first {
            out += "## Example\n\nThis is reported:\n\n```markdown\n"
                + failing.filter { $0 != RuleDescription.marker }.trimmingTrailingNewlines() + "\n```\n\n"
        }
        if let passing = rule.passing.first {
            out += "This is not:\n\n```markdown\n" + passing.trimmingTrailingNewlines() + "\n```\n\n"
        }
        out += "## How to fix\n\n\(rule.fix)\n\n"
        out += "Switch it off with `rules: {\(rule.alias): off}` in `.planc.yml`, or for one line with "
            + "`<!-- planc-disable-next-line \(rule.code) -->`.\n"
        return out
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
