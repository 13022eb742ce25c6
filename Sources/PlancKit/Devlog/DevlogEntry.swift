/// A devlog entry: a file about one agent's work on a task on a day, such as
/// `devlog/2025-12-11-<agent>-<task>.md`, with optional YAML front matter
/// (`date`, `agent`, `task`, `status`, `hours`) or the same keys written in
/// its first lines (`**Date:** 2025-12-11`, `- **Agent:** ...`, `Task: ...`),
/// a title and sections.
public struct DevlogEntry: Sendable {
    public var path: String
    /// The file name without its folder.
    public var name: String
    public var source: SourceText
    /// Front matter values by key, with the line each sits on.
    public var frontMatter: [String: Located<String>] = [:]
    /// Why the front matter could not be read, with its line.
    public var frontMatterError: Located<String>?
    public var title: Located<String>?
    public var sections: [Section] = []
    /// `**Status:**` in the body, when the front matter has none.
    public var bodyStatus: StatusValue?
    /// The entry keys (`date`, `agent`, `task`, `status`) written in the
    /// body's first blocks, before the first section: `**Date:** ...`,
    /// `**Date**: ...`, `- **Date:** ...` or a plain `Date: ...` line.
    public var bodyKeys: [String: Located<String>] = [:]

    /// The keys that say what an entry is about.
    public static let entryKeys = ["date", "agent", "task"]

    /// Where an entry key was read.
    public enum KeyOrigin: Sendable, Hashable {
        case frontMatter, body

        /// `the front matter`, `the entry's Date: line`: for messages.
        public func describe(_ key: String) -> String {
            switch self {
            case .frontMatter: return "the front matter"
            case .body: return "the entry's `\(key.prefix(1).uppercased() + key.dropFirst()):` line"
            }
        }
    }

    /// An entry key's value (lower-case key), from the front matter or else
    /// the body, with where it was read.
    public func key(_ name: String) -> (value: Located<String>, origin: KeyOrigin)? {
        if let value = frontMatter[name], !value.value.isEmpty { return (value, .frontMatter) }
        if let value = bodyKeys[name], !value.value.isEmpty { return (value, .body) }
        return nil
    }

    /// Whether the entry says, in front matter or body keys, its date, agent
    /// or task: what makes markdown a devlog entry whatever its name.
    public var hasEntryKeys: Bool { Self.entryKeys.contains { key($0) != nil } }

    /// The `date` key when it starts with a date (`2025-12-11`, `2025-12-11
    /// 14:30`); other ways of writing a day are not read.
    public var dateKey: (value: Located<String>, origin: KeyOrigin)? {
        guard let (value, origin) = key("date") else { return nil }
        let text = String(value.value.prefix(10))
        guard QuantityParsing.looksLikeDate(text) else { return nil }
        return (Located(text, range: value.range), origin)
    }

    public struct Section: Sendable, Hashable {
        public var title: String
        public var range: SourceRange
        /// Whether the section holds anything but blank lines and comments.
        public var isEmpty: Bool
    }

    /// The status the entry reports, from front matter or body.
    public var status: Located<Status>? {
        if let value = frontMatter["status"] {
            let status = Status(rawValue: value.value) ?? StatusWords.status(ofMarker: value.value)
                ?? StatusWords.status(ofWords: value.value.uppercased())
            return status.map { Located($0, range: value.range) }
        }
        if let body = bodyStatus, let status = body.status { return Located(status, range: body.range) }
        if let value = bodyKeys["status"] {
            let status = Status(rawValue: value.value) ?? StatusWords.status(ofMarker: value.value)
                ?? StatusWords.status(ofWords: value.value.uppercased())
            return status.map { Located($0, range: value.range) }
        }
        return nil
    }

    public static func parse(_ source: SourceText, path: String) -> DevlogEntry {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var entry = DevlogEntry(path: path, name: name, source: source)
        var bodyBytes = source.bytes
        // Front matter: `---` on line 1, up to the next `---` line.
        if source.lineCount >= 2, source.rawLine(1).trimmingSpaces() == "---",
           let close = (2...source.lineCount).first(where: { source.rawLine($0).trimmingSpaces() == "---" }) {
            let yaml = (2..<close).map { source.rawLine($0) }.joined(separator: "\n")
            entry.readFrontMatter(yaml, firstLine: 2)
            // The body keeps its line numbers: front matter lines become blank.
            for line in 1...close {
                for index in source.lineRange(line) { bodyBytes[index] = 0x20 }
            }
        }
        let body = SourceText(name: source.name, bytes: bodyBytes)
        var tree = CmarkFrontEnd.parse(body.bytes)
        tree.mendPositions(body)
        entry.readBody(tree, body)
        return entry
    }

    private mutating func readFrontMatter(_ yaml: String, firstLine: Int) {
        do {
            guard let root = try YAML.compose(yaml) else { return }
            guard let mapping = root.mapping else {
                frontMatterError = Located("the front matter is not a mapping of keys", range: lineRange(firstLine))
                return
            }
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                frontMatter[name.lowercased()] = Located(value.string ?? "", range: lineRange(value.line + firstLine - 1))
            }
        } catch {
            // libyaml may point past the last line (at the end of input).
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
            frontMatterError = Located("the front matter is not valid YAML",
                                       range: lineRange(min(error.line, lines) + firstLine - 1))
        }
    }

    private func lineRange(_ line: Int) -> SourceRange {
        source.range(lines: min(max(line, 1), source.lineCount), through: min(max(line, 1), source.lineCount))
    }

    private mutating func readBody(_ tree: BlockTree, _ body: SourceText) {
        let blocks = tree.children(of: BlockTree.root)
        var current: (title: String, range: SourceRange, empty: Bool)?
        // Entry keys are read before the first section (the title aside).
        var inHeader = true
        func close() {
            if let section = current { sections.append(Section(title: section.title, range: section.range, isEmpty: section.empty)) }
            current = nil
        }
        for block in blocks {
            let node = tree[block]
            if inHeader, [.paragraph, .list, .heading].contains(node.kind),
               readKeys(lines: Int(node.startLine)...tree.lastLine(of: block), body) {
                // A block of keys (a paragraph underlined by `---` reads as a heading).
                continue
            }
            if node.kind == .heading {
                let line = Int(node.startLine)
                let text = Self.headingText(body.text(line: line))
                let range = body.range(lines: line, through: line)
                if node.level == 1 && title == nil && current == nil {
                    title = Located(text, range: range)
                    continue
                }
                inHeader = false
                if node.level <= 2 {
                    close()
                    current = (text, range, true)
                    continue
                }
            }
            if node.kind == .paragraph, bodyStatus == nil {
                for line in Int(node.startLine)...tree.lastLine(of: block) {
                    let slice = LineSlice(line: line, start: body.firstNonBlank(line: line), end: body.lineLength(line))
                    if let key = body.keyLine(slice), key.normalisedKey == "status" {
                        bodyStatus = body.statusValue(key.value)
                    }
                }
            }
            // A section holding only HTML comments (a template's prompts) is empty.
            if node.kind != .htmlBlock || !body.text(line: Int(node.startLine)).trimmingSpaces().hasPrefix("<!--") {
                current?.empty = false
            }
        }
        close()
    }

    /// Reads the entry keys among lines; true when every non-blank line but
    /// a setext underline is a key line, so the block is only keys.
    private mutating func readKeys(lines: ClosedRange<Int>, _ body: SourceText) -> Bool {
        var onlyKeys = true
        var found = false
        for line in lines where !body.isBlank(line) {
            guard let (key, _, start, valueStart) = Self.keyLine(body.rawLine(line)) else {
                let text = body.text(line: line).trimmingSpaces()
                if !text.allSatisfy({ $0 == "-" || $0 == "=" }) { onlyKeys = false }
                continue
            }
            guard ["date", "agent", "task", "status"].contains(key) else { continue }
            found = true
            if key == "status", bodyStatus == nil {
                bodyStatus = body.statusValue(LineSlice(line: line, start: valueStart, end: body.lineLength(line)))
            }
            if bodyKeys[key] == nil {
                // The value with mojibake repaired.
                let value = Self.cleanValue(body.text(line: line, from: valueStart))
                bodyKeys[key] = Located(value, range: body.range(ByteSpan(line: line, start: start, end: body.lineLength(line))))
            }
        }
        return onlyKeys && found
    }

    /// A key line: `**Key:** value`, `**Key**: value`, `__Key:__ value`,
    /// each maybe a list item, or `Key: value` for the entry keys and
    /// status. The key in lower case, the value (trimmed, code quotes
    /// removed), and the byte offsets where the line's text and the value
    /// start.
    static func keyLine(_ line: String) -> (key: String, value: String, start: Int, valueStart: Int)? {
        let bytes = Array(line.utf8)
        var index = 0
        func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        skipSpaces()
        let start = index
        // A list marker: `-`, `*`, `+`, or `1.` / `1)`, then a space.
        if index + 1 < bytes.count, [0x2D, 0x2A, 0x2B].contains(bytes[index]), bytes[index + 1] == 0x20 {
            index += 2
        } else {
            var digits = index
            while digits < bytes.count, bytes[digits] >= 0x30, bytes[digits] <= 0x39 { digits += 1 }
            if digits > index, digits + 1 < bytes.count, bytes[digits] == 0x2E || bytes[digits] == 0x29,
               bytes[digits + 1] == 0x20 {
                index = digits + 2
            }
        }
        skipSpaces()
        let keyStart: Int
        let keyEnd: Int
        var valueStart: Int
        if index + 1 < bytes.count, bytes[index] == bytes[index + 1], bytes[index] == 0x2A || bytes[index] == 0x5F {
            let delimiter = bytes[index]
            keyStart = index + 2
            var close = keyStart
            while close + 1 < bytes.count, !(bytes[close] == delimiter && bytes[close + 1] == delimiter) { close += 1 }
            guard close + 1 < bytes.count, close > keyStart else { return nil }
            if bytes[close - 1] == 0x3A {
                keyEnd = close - 1
                valueStart = close + 2
            } else if close + 2 < bytes.count, bytes[close + 2] == 0x3A {
                keyEnd = close
                valueStart = close + 3
            } else {
                return nil
            }
        } else {
            guard let colon = bytes[index...].firstIndex(of: 0x3A) else { return nil }
            keyStart = index
            keyEnd = colon
            valueStart = colon + 1
            let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self).lowercased()
            guard entryKeys.contains(key) || key == "status" else { return nil }
        }
        let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self).trimmingSpaces().lowercased()
        guard !key.isEmpty, key.count <= 40 else { return nil }
        while valueStart < bytes.count, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        let value = cleanValue(String(decoding: bytes[min(valueStart, bytes.count)...], as: UTF8.self))
        return (key, value, start, min(valueStart, bytes.count))
    }

    /// A key's value trimmed, without a hard break's `\\` or code quotes.
    static func cleanValue(_ text: String) -> String {
        var value = text.trimmingSpaces()
        if value.hasSuffix("\\") { value = String(value.dropLast()).trimmingSpaces() }
        if value.count >= 2, value.hasPrefix("`"), value.hasSuffix("`") {
            value = String(value.dropFirst().dropLast()).trimmingSpaces()
        }
        return value
    }

    /// `## Summary` → `Summary`; a setext heading's first line as it is.
    static func headingText(_ line: String) -> String {
        var text = Substring(line.trimmingSpaces())
        while text.first == "#" { text = text.dropFirst() }
        while text.last == "#" { text = text.dropLast() }
        return String(text).trimmingSpaces()
    }
}
