/// Turns a report into a `Plan`: cmark-gfm gives the blocks, the parser
/// reads each section's keys, lists and headings from the source lines.
public struct PlanParser: Sendable {
    let source: SourceText
    let tree: BlockTree
    let options: ParseOptions
    var plan: Plan

    /// Parses a loaded source. cmark's tree is gone before this returns.
    public static func parse(_ source: SourceText, options: ParseOptions = ParseOptions()) -> Plan {
        var tree = CmarkFrontEnd.parse(source.bytes)
        tree.mendPositions(source)
        var parser = PlanParser(source: source, tree: tree, options: options)
        parser.parseDocument()
        parser.resolveReferences()
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
        var groups: [(heading: Int?, kind: Section.Kind, items: [TopItem])] = [(nil, .extra, [])]
        var sawSection = false
        for item in topItems() {
            if case .node(let node) = item, tree[node].kind == .heading, level(node) <= 2 {
                let kind: Section.Kind
                if level(node) == 1 && !sawSection && plan.title == nil && !groups.contains(where: { $0.kind == .title }) {
                    kind = .title
                } else {
                    kind = sectionKind(source.text(headingSlice(node)))
                }
                sawSection = sawSection || kind != .title
                groups.append((node, kind, []))
                continue
            }
            groups[groups.count - 1].items.append(item)
        }
        for group in groups {
            if group.heading == nil && group.items.isEmpty { continue }
            var items = group.items
            if let footerStart = footerStart(items) {
                parseFooter(Array(items[footerStart...]))
                items = Array(items[..<footerStart])
            }
            parseSection(kind: group.kind, heading: group.heading, items: items)
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

    /// Sections are told apart by a keyword in their heading.
    func sectionKind(_ heading: String) -> Section.Kind {
        let lower = heading.lowercased()
        if lower.includes("infrastructure") { return .infrastructure }
        if lower.includes("agents") { return .agents }
        if lower.includes("phase") { return .phases }
        if lower.includes("protocol") { return .protocol }
        if lower.includes("next step") { return .nextSteps }
        if lower.includes("question") { return .questions }
        return .extra
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
        return source.statusValue(last)
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

    private mutating func parseSection(kind: Section.Kind, heading node: Int?, items: [TopItem]) {
        let range = sectionRange(heading: node, items: items)
        guard let node else {
            plan.sections.append(Section(kind: .extra, heading: nil, items: items.map { .raw(rawItem($0)) },
                                         range: range))
            return
        }
        let heading = heading(node)
        var section = Section(kind: kind, heading: heading, range: range)
        switch kind {
        case .title:
            parseTitle(headingSlice(node))
            section.items = items.map { .raw(rawItem($0)) }
        case .infrastructure:
            section.items = parseInfrastructure(items)
        case .agents:
            section.items = parseAgents(items)
        case .phases:
            section.items = parsePhases(items)
        case .protocol:
            section.items = parseProtocol(items, range: range)
        case .nextSteps:
            section.items = parseNextSteps(items)
        case .questions:
            section.items = parseQuestions(items)
        case .extra:
            section.items = [.raw(raw([node], dedent: 0))] + items.map { .raw(rawItem($0)) }
        }
        plan.sections.append(section)
    }

    /// `# Agent Coordination Status - 2025-12-11`.
    private mutating func parseTitle(_ slice: LineSlice) {
        var titleSlice = slice
        for dash in [" - ", " – ", " — "] {
            guard let at = source.findLast(dash, in: slice) else { continue }
            let dateSlice = source.trimmed(slice.from(at + dash.utf8.count))
            let dateText = source.text(dateSlice)
            guard QuantityParsing.looksLikeDate(dateText) else { continue }
            plan.date = Parsed(text: dateText, value: QuantityParsing.date(dateText), range: source.range(dateSlice))
            titleSlice = source.trimmed(slice.upTo(at))
            plan.dateSeparator = dash
            break
        }
        plan.title = source.text(titleSlice)
    }

    /// Splits a section's items at its `###` headings: the items before the
    /// first one, then each heading with the items under it (up to the next
    /// heading of level 3 or above).
    func subsections(_ items: [TopItem]) -> (intro: [TopItem], parts: [(heading: Int, body: [TopItem])]) {
        var intro: [TopItem] = []
        var parts: [(Int, [TopItem])] = []
        for item in items {
            if case .node(let node) = item, tree[node].kind == .heading, level(node) <= 3 {
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
