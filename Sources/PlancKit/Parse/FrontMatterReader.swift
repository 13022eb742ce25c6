extension PlanParser {
    /// YAML front matter: `---` on the first line, up to the next line that
    /// is `---` or `...`. Kept as written in `plan.frontMatter`; its `title`
    /// stands in for a missing `#` title. Returns the last line it covers
    /// (0 when there is none), so that the sections start after it.
    mutating func readFrontMatter() -> Int {
        guard source.lineCount >= 2, source.rawLine(1).trimmingSpaces() == "---",
              !source.isBlank(2) else { return 0 }
        var close: Int?
        for line in 2...source.lineCount {
            let text = source.rawLine(line).trimmingSpaces()
            if line > 2 && (text == "---" || text == "...") {
                close = line
                break
            }
        }
        guard let close else { return 0 }
        let yaml = (2..<close).map { source.text(line: $0) }.joined(separator: "\n")
        var values: [(key: String, value: String)] = []
        guard let root = try? YAML.compose(yaml), let mapping = root.mapping else { return 0 }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            values.append((name, value.string ?? ""))
        }
        let text = (1...close).map { source.text(line: $0) }.joined(separator: "\n")
        plan.frontMatter = FrontMatter(yaml: yaml, text: text, values: values,
                                       range: source.range(lines: 1, through: close))
        return close
    }
}
