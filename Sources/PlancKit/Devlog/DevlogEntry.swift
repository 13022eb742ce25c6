
/// A devlog entry: `devlog/2025-12-11-<agent>-<task>.md` with optional YAML
/// front matter (`date`, `agent`, `task`, `status`, `hours`), a title and
/// sections.
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
        func close() {
            if let section = current { sections.append(Section(title: section.title, range: section.range, isEmpty: section.empty)) }
            current = nil
        }
        for block in blocks {
            let node = tree[block]
            if node.kind == .heading {
                let line = Int(node.startLine)
                let text = Self.headingText(body.text(line: line))
                let range = body.range(lines: line, through: line)
                if node.level == 1 && title == nil && current == nil {
                    title = Located(text, range: range)
                    continue
                }
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

    /// `## Summary` → `Summary`; a setext heading's first line as it is.
    static func headingText(_ line: String) -> String {
        var text = Substring(line.trimmingSpaces())
        while text.first == "#" { text = text.dropFirst() }
        while text.last == "#" { text = text.dropLast() }
        return String(text).trimmingSpaces()
    }
}
