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
        for start in 0..<min(words.count, 3) where firstWords.contains(words[start]) {
            for (name, kind) in names where words.count - start >= name.count
                && words[start..<(start + name.count)].elementsEqual(name) {
                let rest = words[(start + name.count)...]
                if rest.allSatisfy({ trailing.contains($0) || isName($0) }) { return kind }
            }
        }
        return .extra
    }

    /// The words section names start with: most headings (an agent's name)
    /// start with none of them and are passed over at once.
    private static let firstWords = Set(names.map { $0.words[0] })

    /// A word that is itself part of a section name (`Agents and Tasks`).
    private static func isName(_ word: String) -> Bool {
        names.contains { $0.words.count == 1 && $0.words[0] == word }
    }

    /// The heading's words in lower case, up to a parenthesis, colon,
    /// pipe or spaced dash; markers and numbers are dropped. One pass:
    /// every heading of a report comes through here.
    static func headWords(_ heading: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasSpace = false
        var characters = heading.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if character == "(" || character == ":" || character == "|" { break }
            if previousWasSpace && (character == "-" || character == "–" || character == "—") {
                let next = characters.next()
                if next == " " || next == nil { break }
                pending = next
            }
            previousWasSpace = character == " "
            if character.isLetter {
                current.append(contentsOf: character.lowercased())
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
