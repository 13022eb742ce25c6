/// A devlog file-name pattern: the last part of `devlog: pattern:` in
/// `.planc.yml` or of the pattern the plan's Monitoring section gives, where
/// a date written out (`2025-12-11`) stands for `<date>` but holds only the
/// entries of that day. Names are read with `<date>-<agent>-<task>.md` when
/// no pattern is declared.
public struct DevlogPattern: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case literal(String)
        case date, agent, task
    }

    public var parts: [Part]
    public var text: String
    /// The date the pattern was written with (`/devlog/2025-12-11-<agent>-<task>.md`),
    /// if it was: such a pattern holds the entries of that day only.
    public var writtenDate: String?

    public static let standard = DevlogPattern(text: "<date>-<agent>-<task>.md")!

    public init?(text: String) {
        let file = text.split(separator: "/").last.map(String.init) ?? text
        var parts: [Part] = []
        var writtenDate: String?
        var literal = ""
        var rest = Substring(file)
        func flush() { if !literal.isEmpty { parts.append(.literal(literal)); literal = "" } }
        while let first = rest.first {
            if first == "<", let close = rest.firstIndex(of: ">") {
                let name = rest[rest.index(after: rest.startIndex)..<close].lowercased()
                flush()
                switch name {
                case "date": parts.append(.date)
                case "agent": parts.append(.agent)
                case "task": parts.append(.task)
                default: literal += "<\(name)>"
                }
                rest = rest[rest.index(after: close)...]
            } else if rest.count >= 10, QuantityParsing.looksLikeDate(String(rest.prefix(10))) {
                flush()
                parts.append(.date)
                if writtenDate == nil { writtenDate = String(rest.prefix(10)) }
                rest = rest.dropFirst(10)
            } else {
                literal.append(first)
                rest = rest.dropFirst()
            }
        }
        flush()
        guard parts.contains(.date), parts.contains(.agent), parts.contains(.task) else { return nil }
        self.parts = parts
        self.writtenDate = writtenDate
        self.text = parts.map {
            switch $0 {
            case .literal(let text): return text
            case .date: return "<date>"
            case .agent: return "<agent>"
            case .task: return "<task>"
            }
        }.joined()
    }

    /// The file name for an entry: the pattern with its placeholders filled.
    public func name(date: String, agent: String, task: String) -> String {
        parts.map { part -> String in
            switch part {
            case .literal(let text): return text
            case .date: return date
            case .agent: return agent
            case .task: return task
            }
        }.joined()
    }

    /// The placeholders planc fills: `<date>`, `<agent>`, `<task>`.
    public static let placeholders: Set<String> = ["date", "agent", "task"]

    /// The `<...>` placeholders of a pattern that planc does not fill.
    public static func unknownPlaceholders(in text: String) -> [String] {
        var names: [String] = []
        var search = text.startIndex
        while let open = text[search...].firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let name = String(text[text.index(after: open)..<close])
            if !placeholders.contains(name.lowercased()) { names.append(name) }
            search = text.index(after: close)
        }
        return names
    }

    /// Whether the pattern holds an entry of this date to it: always, unless
    /// the pattern was written with another date.
    public func holds(date: String?) -> Bool {
        guard let writtenDate else { return true }
        return date == writtenDate
    }

    /// Every way a file name fits the pattern: the date, agent and task
    /// texts. A name like `2025-12-11-general-purpose-test-fixes.md` fits
    /// several ways; the plan decides which one is meant.
    public func matches(_ name: String) -> [(date: String, agent: String, task: String)] {
        var results: [(String, String, String)] = []
        func match(_ index: Int, _ rest: Substring, _ found: [Part: String]) {
            guard index < parts.count else {
                if rest.isEmpty, let date = found[.date], let agent = found[.agent], let task = found[.task] {
                    results.append((date, agent, task))
                }
                return
            }
            switch parts[index] {
            case .literal(let text):
                if rest.hasPrefix(text) { match(index + 1, rest.dropFirst(text.count), found) }
            case .date:
                let date = rest.prefix(10)
                if date.count == 10, QuantityParsing.looksLikeDate(String(date)) {
                    match(index + 1, rest.dropFirst(10), found.merging([.date: String(date)]) { $1 })
                }
            case let part:
                // Agent and task: any non-empty run of characters.
                var length = 1
                while length <= rest.count {
                    let value = rest.prefix(length)
                    if !value.contains("/") {
                        match(index + 1, rest.dropFirst(length), found.merging([part: String(value)]) { $1 })
                    }
                    length += 1
                }
            }
        }
        match(0, Substring(name), [:])
        return results
    }
}
