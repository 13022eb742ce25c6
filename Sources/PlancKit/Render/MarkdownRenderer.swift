/// The canonical renderer: writes a `Plan` back as markdown in the layout of
/// the reference report. Interpreted parts are written from the model;
/// everything planc keeps verbatim comes back in place.
///
/// Guarantees (each one tested): rendering is idempotent, parsing the output
/// gives the same model apart from ranges, and no content is dropped.
public enum MarkdownRenderer {
    public static func render(_ plan: Plan) -> String {
        // Agents render independently: on every core when there are many.
        let agents = concurrentMap(plan.agents, when: plan.agents.count >= 64) { renderAgent($0) }
        var blocks: [RenderedBlock] = []
        if let frontMatter = plan.frontMatter { blocks.append(.raw(frontMatter.text)) }
        for section in plan.sections {
            render(section, of: plan, agents: agents, into: &blocks)
        }
        if let footer = plan.footer { blocks += renderFooter(footer) }
        blocks.removeAll { $0.text.isEmpty }
        ListSeparation.separate(&blocks)
        // Joined by hand into one allocation: a large report renders to
        // tens of megabytes, which `joined() + "\n"` would copy twice.
        var output = ""
        output.reserveCapacity(blocks.reduce(0) { $0 + $1.text.utf8.count + 2 })
        for (index, block) in blocks.enumerated() {
            if index > 0 { output += "\n\n" }
            output += block.text
        }
        output += "\n"
        return output
    }

    private static func render(_ section: Section, of plan: Plan, agents: [[RenderedBlock]],
                               into blocks: inout [RenderedBlock]) {
        switch section.kind {
        case .title:
            var line = "# " + (plan.title ?? "")
            if let date = plan.date, plan.dateInTitle { line += plan.dateSeparator + date.text + plan.dateSuffix }
            blocks.append(.canonical(line))
        case .extra:
            break
        default:
            if let heading = section.heading { blocks.append(.canonical(MarkdownBlocks.hashes(heading.level) + heading.text)) }
        }
        var index = 0
        let items = section.items
        while index < items.count {
            switch items[index] {
            case .raw(let raw), .read(let raw):
                blocks.append(.raw(raw.text))
            case .service(let service):
                blocks.append(renderService(plan.services[service]))
            case .agent(let agent):
                blocks += agents[agent]
            case .phase(let phase):
                blocks += renderPhase(plan.phases[phase])
            case .lifecycle:
                if let lifecycle = plan.protocolSpec?.lifecycle {
                    blocks += renderSubsection(lifecycle) {
                        keyedItem("\($0.number). ", $0.name, $0.text, $0.continuation, $0.children)
                    }
                }
            case .channels:
                if let channels = plan.protocolSpec?.channels {
                    blocks += renderSubsection(channels) { keyedItem("- ", $0.name, $0.text, $0.continuation, $0.children) }
                }
            case .monitoring:
                if let monitoring = plan.protocolSpec?.monitoring {
                    blocks += renderSubsection(monitoring) { keyedItem("- ", $0.name, $0.value, $0.continuation, $0.children) }
                }
            case .nextStep:
                // One list per list of the source: items up to the next
                // item that started a list.
                var list: [String] = []
                while index < items.count, case .nextStep(let step) = items[index],
                      list.isEmpty || !plan.nextSteps[step].startsList {
                    list.append(renderNextStep(plan.nextSteps[step]))
                    index += 1
                }
                blocks.append(.canonical(MarkdownBlocks.list(list)))
                continue
            case .question:
                var list: [String] = []
                while index < items.count, case .question(let number) = items[index],
                      list.isEmpty || !plan.questions[number].startsList {
                    let question = plan.questions[number]
                    list.append(MarkdownBlocks.item(marker: question.listMarker.text(number: question.number), headline: question.text,
                                                    continuation: question.continuation,
                                                    nested: question.children.map(\.text)))
                    index += 1
                }
                blocks.append(.canonical(MarkdownBlocks.list(list)))
                continue
            }
            index += 1
        }
    }

    // MARK: Infrastructure

    private static func renderService(_ service: Service) -> RenderedBlock {
        var lines = [MarkdownBlocks.keyLine(service.name, service.value)]
            + service.continuation.map(MarkdownBlocks.continuation)
        for property in service.properties {
            lines.append(MarkdownBlocks.item(marker: "- ", headline: property.text,
                                             continuation: property.continuation,
                                             nested: property.children.map { [$0.text] } ?? []))
        }
        return .canonical(lines.joined(separator: "\n"))
    }

    // MARK: Protocol

    /// `- **Name:** text`, or just the text for an entry without a name.
    private static func keyedItem(_ marker: String, _ name: String, _ text: String, _ continuation: [String],
                                  _ children: RawMarkdown?) -> String {
        MarkdownBlocks.item(marker: marker, headline: name.isEmpty ? text : MarkdownBlocks.keyLine(name, text),
                            continuation: continuation, nested: children.map { [$0.text] } ?? [])
    }

    private static func renderSubsection<Entry>(_ subsection: ProtocolSpec.Subsection<Entry>,
                                                item: (Entry) -> String) -> [RenderedBlock] {
        var blocks = subsection.before.map { RenderedBlock.raw($0.text) }
        if !subsection.entries.isEmpty { blocks.append(.canonical(MarkdownBlocks.list(subsection.entries.map(item)))) }
        blocks += subsection.after.map { RenderedBlock.raw($0.text) }
        return underHeading(MarkdownBlocks.hashes(subsection.heading.level) + subsection.heading.text, blocks)
    }

    /// A `###` heading with the block after it on the next line, no blank
    /// line between them, as in the reference report.
    static func underHeading(_ heading: String, _ blocks: [RenderedBlock]) -> [RenderedBlock] {
        let body = blocks.filter { !$0.text.isEmpty }
        guard var first = body.first else { return [.canonical(heading)] }
        first.text = heading + "\n" + first.text
        first.canonicalStart = true
        return [first] + body.dropFirst()
    }

    // MARK: Next steps

    private static func renderNextStep(_ step: NextStep) -> String {
        var headline = step.status?.marker.map { $0 + " " } ?? ""
        if let title = step.title {
            headline += "**\(title)**" + (step.text.isEmpty ? "" : " " + step.text)
        } else {
            headline += step.text
        }
        var nested: [String] = []
        if !step.options.isEmpty {
            nested.append(MarkdownBlocks.list(step.options.map {
                MarkdownBlocks.item(marker: "- ", headline: $0.text, continuation: $0.continuation,
                                    nested: $0.children.map { [$0.text] } ?? [])
            }))
        }
        nested += step.children.map(\.text)
        return MarkdownBlocks.item(marker: step.listMarker.text(number: step.number), headline: headline,
                                   continuation: step.continuation, nested: nested)
    }

    // MARK: Footer

    private static func renderFooter(_ footer: Footer) -> [RenderedBlock] {
        var fields = KeyBlockWriter()
        for slot in footer.layout + missing(in: footer.layout, [
            ("lastUpdated", footer.lastUpdated != nil), ("nextCheck", footer.nextCheck != nil),
        ]) {
            switch slot {
            case .known("lastUpdated"):
                fields.line(MarkdownBlocks.keyLine("Last Updated", footer.lastUpdated?.text ?? ""))
            case .known("nextCheck"):
                fields.line(MarkdownBlocks.keyLine("Next Check", footer.nextCheck?.value ?? ""))
            case .known:
                break
            case .extra(let index):
                fields.extra(footer.extras[index])
            case .raw(let raw), .nested(let raw):
                fields.block(raw.text)
            }
        }
        return [.canonical("---")] + fields.finish() + footer.raw.map { .raw($0.text) }
    }

    /// Known fields that hold a value but have no place in the layout (a
    /// model built or changed in code): they go at the end, in order.
    static func missing(in layout: [FieldSlot], _ fields: [(String, Bool)]) -> [FieldSlot] {
        fields.compactMap { name, present in
            present && !layout.contains(.known(name)) ? .known(name) : nil
        }
    }
}

/// Collects key lines into paragraphs: consecutive keys share one; a key
/// that owns a list ends its paragraph with the list; other blocks stand
/// alone.
struct KeyBlockWriter {
    private var blocks: [RenderedBlock] = []
    private var current: [String] = []
    private var endsWithRawList = false

    mutating func line(_ text: String) { current.append(text) }

    /// A key line with the list it owns, written by planc.
    mutating func line(_ text: String, list: String) {
        current.append(text)
        current.append(list)
        flush()
    }

    /// An unknown key, and the list it owns as written.
    mutating func extra(_ field: ExtraField) {
        current.append(MarkdownBlocks.keyLine(field.key, field.value) + field.hardBreak)
        current += field.continuation.map(MarkdownBlocks.continuation)
        if let list = field.list {
            current.append(list.text)
            endsWithRawList = true
            flush()
        }
    }

    mutating func block(_ text: String) {
        flush()
        blocks.append(.raw(text))
    }

    mutating func flush() {
        let lines = current.filter { !$0.isEmpty }
        if !lines.isEmpty {
            var block = RenderedBlock.canonical(lines.joined(separator: "\n"))
            block.canonicalEnd = !endsWithRawList
            blocks.append(block)
        }
        current = []
        endsWithRawList = false
    }

    mutating func finish() -> [RenderedBlock] {
        flush()
        return blocks
    }
}
