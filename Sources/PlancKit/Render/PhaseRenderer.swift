extension MarkdownRenderer {
    /// `### Phase n: Name (duration) - STATUS` and its keys as list items.
    static func renderPhase(_ phase: Phase) -> [RenderedBlock] {
        if let verbatim = phase.written.verbatim(for: phase) { return [.raw(verbatim.text)] }
        let heading = phaseHeading(phase)
        var blocks: [RenderedBlock] = []
        var items: [String] = []
        func flushList() {
            if !items.isEmpty { blocks.append(.canonical(MarkdownBlocks.list(items))) }
            items = []
        }
        func key(_ field: String, _ name: String, _ value: String) {
            items.append("- " + phase.written.keyLine(field, canonical: name, value))
        }
        let known: [(String, Bool)] = [
            ("agents", phase.agentsText != nil), ("effort", phase.effort != nil),
            ("status", phase.statusNote != nil), ("blocker", phase.blocker != nil),
            ("tasks", phase.tasksText != nil), ("dependencies", phase.dependenciesText != nil),
        ]
        for slot in phase.layout + missing(in: phase.layout, known) {
            switch slot {
            case .known("agents"): key("agents", "Agent", phase.agentsText ?? "")
            case .known("effort"): key("effort", "Effort", phase.effort?.text ?? "")
            case .known("status"): key("status", "Status", phase.statusNote?.text ?? "")
            case .known("blocker"): key("blocker", "Blocker", phase.blocker?.value ?? "")
            case .known("tasks"): key("tasks", "Tasks", phase.tasksText ?? "")
            case .known("dependencies"): key("dependencies", "Dependencies", phase.dependenciesText ?? "")
            case .known("blocks"): key("blocks", "Blocks", phase.blocksText ?? "")
            case .known: break
            case .extra(let index):
                let field = phase.extras[index]
                items.append(MarkdownBlocks.item(marker: "- ", headline: MarkdownBlocks.keyLine(field.key, field.value),
                                                 continuation: field.continuation,
                                                 nested: field.list.map { [$0.text] } ?? []))
            case .nested(let raw):
                // Nested under the key item before it, as it was written.
                if let last = items.popLast() {
                    let separator = MarkdownBlocks.startsWithInterruptingList(raw.text) ? "\n" : "\n\n"
                    items.append(last + separator + MarkdownBlocks.indent(raw.text, by: 2))
                } else {
                    blocks.append(.raw(raw.text))
                }
            case .raw(let raw):
                // A list item without a key stays in the list.
                if MarkdownBlocks.startsWithInterruptingList(raw.text) && raw.text.hasPrefix("- ") {
                    items.append(raw.text)
                } else {
                    flushList()
                    blocks.append(.raw(raw.text))
                }
            }
        }
        flushList()
        return underHeading(heading, blocks)
    }

    /// `### Phase n: Name (duration) - STATUS`, as planc writes it.
    static func phaseHeading(_ phase: Phase) -> String {
        var heading = "### "
        if let number = phase.number {
            heading += "Phase \(number): \(phase.name)"
            if let duration = phase.duration { heading += " (\(duration.text))" }
            if let status = phase.status, !phase.statusFromNote { heading += " - " + status.text }
        } else {
            heading += phase.heading.text
        }
        return heading
    }
}
