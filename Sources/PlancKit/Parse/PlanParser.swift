/// Turns a report into a `Plan`: cmark-gfm gives the blocks, the parser
/// reads each section's keys, lists and headings from the source lines.
public struct PlanParser: Sendable {
    let source: SourceText
    let tree: BlockTree
    let options: ParseOptions
    var plan: Plan
    /// The heading of the section being read, for notes.
    var sectionName = ""

    /// Parses a loaded source. cmark's tree is gone before this returns.
    public static func parse(_ source: SourceText, options: ParseOptions = ParseOptions()) -> Plan {
        var tree = CmarkFrontEnd.parse(source.bytes)
        tree.mendPositions(source)
        var parser = PlanParser(source: source, tree: tree, options: options)
        parser.parseDocument()
        if parser.plan.title == nil, let title = parser.plan.frontMatter?.value("title") {
            parser.plan.title = title
        }
        if parser.plan.date == nil, let frontMatter = parser.plan.frontMatter, let text = frontMatter.value("date"),
           QuantityParsing.looksLikeDate(String(text.prefix(10))) {
            // Front matter's date stands in for the title's; it is not
            // written into the title.
            let date = String(text.prefix(10))
            parser.plan.date = Parsed(text: date, value: QuantityParsing.date(date), range: frontMatter.range)
            parser.plan.dateInTitle = false
        }
        parser.assignTasks()
        parser.resolveReferences()
        parser.plan.notes += parser.agentsWithoutStatus()
        parser.takeFingerprints()
        return parser.plan
    }

    /// Parses markdown text (for tests and generated reports).
    public static func parse(text: String, name: String = "<text>", options: ParseOptions = ParseOptions())
    throws(InputError) -> Plan {
        parse(try SourceLoader.decode(name: name, bytes: Array(text.utf8)), options: options)
    }

    private init(source: SourceText, tree: BlockTree, options: ParseOptions) {
        self.source = source
        self.tree = tree
        self.options = options
        let last = max(source.lineCount, 1)
        self.plan = Plan(file: source.name, range: source.range(lines: 1, through: last))
    }

    /// A top-level piece: a block, or lines no block covers.
    enum TopItem {
        case node(Int)
        case gap(Int, Int)
    }

    private mutating func parseDocument() {
        plan.repairs = source.mojibake.map {
            Repair(original: $0.original, repaired: $0.repaired, encoding: $0.encoding, range: source.range($0.span))
        }
        let frontMatterEnd = readFrontMatter()
        var outline = SectionOutline()
        for item in topItems() where startLine(of: item) > frontMatterEnd {
            guard case .node(let node) = item, tree[node].kind == .heading else {
                outline.add(item)
                continue
            }
            let text = source.text(headingSlice(node))
            outline.heading(node, level: level(node), kind: SectionKeywords.kind(of: text),
                            namesPhase: PhaseNames.number(inHeading: text) != nil, item: item)
        }
        var seen: [Section.Kind: Int] = [:]
        for group in outline.groups {
            if group.heading == nil && group.items.isEmpty && !group.implicit { continue }
            var items = group.items
            if let footerStart = footerStart(items) {
                parseFooter(Array(items[footerStart...]))
                items = Array(items[..<footerStart])
            }
            if group.kind != .extra && group.kind != .title, let heading = group.heading {
                if let first = seen[group.kind] {
                    plan.notes.append(ReadingNote(
                        kind: .repeatedSection,
                        message: "a second \(group.kind.displayName) section: planc reads it with the one at line \(first)",
                        range: blockRange(heading)))
                } else {
                    seen[group.kind] = Int(tree[heading].startLine)
                }
            }
            parseSection(kind: group.kind, heading: group.heading, items: items, level: group.level)
        }
    }

    func startLine(of item: TopItem) -> Int {
        switch item {
        case .node(let node): return Int(tree[node].startLine)
        case .gap(let first, _): return first
        }
    }

    /// The document's top-level blocks, with the non-blank lines between
    /// them that no block covers.
    private func topItems() -> [TopItem] {
        var items: [TopItem] = []
        var nextLine = 1
        func gap(upTo line: Int) {
            var first = nextLine
            while first < line && source.isBlank(first) { first += 1 }
            var last = line - 1
            while last >= first && source.isBlank(last) { last -= 1 }
            if first <= last { items.append(.gap(first, last)) }
        }
        for node in tree.children(of: BlockTree.root) {
            gap(upTo: Int(tree[node].startLine))
            items.append(.node(node))
            nextLine = max(nextLine, tree.lastLine(of: node) + 1)
        }
        gap(upTo: source.lineCount + 1)
        return items
    }

    /// Where the footer starts: a thematic break followed by a paragraph
    /// whose first line is `**Last Updated:**` or `**Next Check:**`.
    private func footerStart(_ items: [TopItem]) -> Int? {
        for (position, item) in items.enumerated() {
            guard case .node(let node) = item, tree[node].kind == .thematicBreak,
                  position + 1 < items.count, case .node(let next) = items[position + 1],
                  tree[next].kind == .paragraph, let line = paragraphLines(next).first,
                  let key = source.keyLine(line) else { continue }
            let name = key.normalisedKey
            if name == "last updated" || name == "next check" { return position }
        }
        return nil
    }

    /// A raw item for anything at the top level.
    func rawItem(_ item: TopItem) -> RawMarkdown {
        switch item {
        case .node(let node): return raw([node], dedent: 0)
        case .gap(let first, let last): return rawLines(first, last)
        }
    }

    func heading(_ node: Int) -> Heading {
        let slice = headingSlice(node)
        return Heading(text: source.text(slice), level: level(node),
                       status: trailingStatus(slice), range: blockRange(node))
    }

    /// A status marker at the end of a heading (`Infrastructure Setup ✅`).
    func trailingStatus(_ slice: LineSlice) -> StatusValue? {
        guard let space = source.findLast(" ", in: slice) else { return nil }
        let last = source.trimmed(slice.from(space))
        guard let marker = source.leadingMarker(last), marker.rest.isEmpty else { return nil }
        return statusValue(last)
    }

    func sectionRange(heading: Int?, items: [TopItem]) -> SourceRange {
        var range = heading.map(blockRange) ?? plan.range
        if heading == nil, let first = items.first { range = rangeOf(first) }
        if let last = items.last { range = range.union(rangeOf(last)) }
        return range
    }

    private func rangeOf(_ item: TopItem) -> SourceRange {
        switch item {
        case .node(let node): return blockRange(node)
        case .gap(let first, let last): return source.range(lines: first, through: last)
        }
    }

    private mutating func parseSection(kind: Section.Kind, heading node: Int?, items: [TopItem], level: Int) {
        let range = sectionRange(heading: node, items: items)
        if node == nil && (kind == .extra || kind == .title) {
            plan.sections.append(Section(kind: .extra, heading: nil, items: items.map { .raw(rawItem($0)) },
                                         range: range))
            return
        }
        let heading = node.map(heading)
        sectionName = heading.map { "`\($0.text)`" } ?? "the \(kind.displayName) section"
        var section = Section(kind: kind, heading: heading, range: range)
        switch kind {
        case .title:
            if let node { parseTitle(headingSlice(node)) }
            section.items = items.map { .raw(rawItem($0)) }
        case .infrastructure:
            section.items = parseInfrastructure(items)
        case .agents:
            section.items = parseAgents(items)
        case .phases:
            section.items = parsePhases(items)
        case .tasks:
            section.items = parseTaskSection(items)
        case .protocol:
            section.items = parseProtocol(items, range: range)
        case .nextSteps:
            section.items = parseNextSteps(items)
        case .questions:
            section.items = parseQuestions(items)
        case .extra:
            section.items = node.map { [.raw(raw([$0], dedent: 0))] } ?? []
            section.items += items.map { .raw(rawItem($0)) }
        }
        plan.sections.append(section)
    }

    /// `# Agent Coordination Status - 2025-12-11`; also `... 2025-12-11`,
    /// `... (2025-12-11)` and `...: 2025-12-11`.
    private mutating func parseTitle(_ slice: LineSlice) {
        var titleSlice = slice
        var found: (date: LineSlice, before: Int, separator: String, suffix: String)?
        for dash in [" - ", " – ", " — "] {
            guard let at = source.findLast(dash, in: slice) else { continue }
            let dateSlice = source.trimmed(slice.from(at + dash.utf8.count))
            guard QuantityParsing.looksLikeDate(source.text(dateSlice)) else { continue }
            found = (dateSlice, at, dash, "")
            break
        }
        if found == nil, let space = source.findLast(" ", in: slice) {
            var date = source.trimmed(slice.from(space))
            var suffix = ""
            var separator = " "
            if source.at(date, date.start) == 0x28, source.at(date, date.end - 1) == 0x29 {
                date = LineSlice(line: date.line, start: date.start + 1, end: date.end - 1)
                separator = " ("
                suffix = ")"
            }
            var before = space
            if separator == " ", source.at(slice, space - 1) == 0x3A {
                separator = ": "
                before = space - 1
            }
            if QuantityParsing.looksLikeDate(source.text(date)) { found = (date, before, separator, suffix) }
        }
        if let found {
            let dateText = source.text(found.date)
            plan.date = Parsed(text: dateText, value: QuantityParsing.date(dateText), range: source.range(found.date))
            titleSlice = source.trimmed(slice.upTo(found.before))
            plan.dateSeparator = found.separator
            plan.dateSuffix = found.suffix
        }
        plan.title = source.text(titleSlice)
    }

    /// Splits a section's items at the headings of its items: the items
    /// before the first one, then each heading with the items under it (up
    /// to the next heading of that level or above). The level of the items
    /// is the first heading level in the section.
    func subsections(_ items: [TopItem]) -> (intro: [TopItem], parts: [(heading: Int, body: [TopItem])]) {
        var intro: [TopItem] = []
        var parts: [(Int, [TopItem])] = []
        var itemLevel: Int?
        for item in items {
            if case .node(let node) = item, tree[node].kind == .heading, level(node) <= (itemLevel ?? Int.max) {
                itemLevel = itemLevel ?? level(node)
                parts.append((node, []))
            } else if parts.isEmpty {
                intro.append(item)
            } else {
                parts[parts.count - 1].1.append(item)
            }
        }
        return (intro, parts)
    }

    /// The block indices of items, with gaps turned into raw markdown by
    /// the caller when it needs them.
    func nodes(_ items: [TopItem]) -> [Int] {
        items.compactMap { if case .node(let node) = $0 { return node } else { return nil } }
    }
}
