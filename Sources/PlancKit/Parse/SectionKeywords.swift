/// Which kind of section a heading opens, from its words.
///
/// A heading names a section when its words, after a leading marker and
/// before any parenthesis, colon or dash, are a section name after at most
/// two words and before only words that qualify it (`Active Agents (3)`, `Infrastructure Setup ✅`,
/// `Questions for User`). Anything else in the heading makes it a section of
/// its own (`Infrastructure Costs`, `Lessons from the previous phase`), so
/// that a word in passing never turns prose into plan content.
enum SectionKeywords {
    /// Words that may follow a section name.
    private static let trailing: Set<String> = [
        "setup", "status", "overview", "summary", "state", "plan", "list", "board", "for", "user", "users",
        "the", "and", "health", "details", "table", "tracker", "tracking", "roster", "assignments",
        "breakdown", "timeline", "schedule", "queue", "log", "to", "decide", "answer", "on", "standby",
        "in", "flight", "this", "week", "sprint", "today",
    ]

    /// Section names, each as its words, with the kind it opens. Longer
    /// names first, so that `Phase Plan` wins over a shorter name.
    private static let names: [(words: [String], kind: Section.Kind)] = [
        (["coordination", "protocol"], .protocol), (["communication", "protocol"], .protocol),
        (["agent", "protocol"], .protocol), (["protocol"], .protocol),
        (["next", "steps"], .nextSteps), (["next", "actions"], .nextSteps), (["action", "items"], .nextSteps),
        (["phase", "plan"], .phases), (["phased", "plan"], .phases), (["phases"], .phases),
        (["roadmap"], .phases), (["milestones"], .phases), (["batches"], .phases), (["sprints"], .phases),
        (["stages"], .phases), (["waves"], .phases), (["iterations"], .phases), (["timeline"], .phases),
        (["implementation", "plan"], .phases), (["project", "plan"], .phases), (["delivery", "plan"], .phases),
        (["execution", "plan"], .phases), (["release", "plan"], .phases),
        (["work", "items"], .tasks), (["task", "list"], .tasks), (["tasks"], .tasks), (["backlog"], .tasks),
        (["agents"], .agents), (["agent", "status"], .agents), (["team"], .agents), (["agent", "roster"], .agents),
        (["subagents"], .agents), (["workers"], .agents),
        (["infrastructure"], .infrastructure), (["infra"], .infrastructure), (["services"], .infrastructure),
        (["questions"], .questions), (["open", "questions"], .questions),
    ]

    /// The kind of section a heading opens; `.extra` when it names none.
    static func kind(of heading: String) -> Section.Kind {
        let words = headWords(heading)
        guard !words.isEmpty else { return .extra }
        // The name at the start, or after up to two words that qualify it
        // (`Idle Agents`, `Completed Phases`, `Sub-agents`); words after it
        // must be qualifiers too (`Infrastructure Costs` is no section).
        for start in 0..<min(words.count, 3) {
            for (name, kind) in names where words.count - start >= name.count
                && Array(words[start..<(start + name.count)]) == name {
                let rest = words[(start + name.count)...]
                if rest.allSatisfy({ trailing.contains($0) || isName($0) }) { return kind }
            }
        }
        return .extra
    }

    /// A word that is itself part of a section name (`Agents and Tasks`).
    private static func isName(_ word: String) -> Bool {
        names.contains { $0.words.count == 1 && $0.words[0] == word }
    }

    /// The heading's words in lower case, up to a parenthesis, colon or
    /// dash; markers and numbers are dropped.
    static func headWords(_ heading: String) -> [String] {
        var head = Substring(heading)
        for stop in ["(", ":", " - ", " – ", " — ", "|"] {
            if let range = head.range(of: stop) { head = head[..<range.lowerBound] }
        }
        return head.lowercased().split { !$0.isLetter }.map(String.init)
    }
}

extension Substring {
    /// The range of the first occurrence of `needle`, compared on bytes.
    func range(of needle: String) -> Range<Substring.Index>? {
        let pattern = Array(needle.utf8)
        let bytes = Array(utf8)
        guard pattern.count <= bytes.count, !pattern.isEmpty else { return nil }
        for offset in 0...(bytes.count - pattern.count) where bytes[offset..<(offset + pattern.count)].elementsEqual(pattern) {
            let lower = utf8.index(utf8.startIndex, offsetBy: offset)
            let upper = utf8.index(lower, offsetBy: pattern.count)
            return lower..<upper
        }
        return nil
    }
}
