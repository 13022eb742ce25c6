extension PlanParser {
    /// The Coordination Protocol section and its `###` sub-sections: Task
    /// Lifecycle, Communication Channels, Monitoring. Others are kept.
    mutating func parseProtocol(_ items: [TopItem], range: SourceRange) -> [Section.Item] {
        let (intro, parts) = subsections(items)
        var result: [Section.Item] = intro.map { .raw(rawItem($0)) }
        var spec = plan.protocolSpec ?? ProtocolSpec(range: range)
        spec.range = plan.protocolSpec == nil ? range : spec.range.union(range)
        spec.otherSubjects += listSubjects(intro)
        for (headingNode, body) in parts {
            let heading = self.heading(headingNode)
            let lower = heading.text.lowercased()
            var subsectionRange = heading.range
            if let last = body.last { subsectionRange = subsectionRange.union(rangeOfItem(last)) }
            if lower.includes("lifecycle") && spec.lifecycle == nil {
                spec.lifecycle = subsection(heading, body: body, range: subsectionRange, entry: lifecycleStep)
                result.append(.lifecycle)
            } else if lower.includes("channel") && spec.channels == nil {
                spec.channels = subsection(heading, body: body, range: subsectionRange, entry: channel)
                result.append(.channels)
            } else if lower.includes("monitor") && spec.monitoring == nil {
                spec.monitoring = subsection(heading, body: body, range: subsectionRange, entry: monitoringEntry)
                result.append(.monitoring)
            } else {
                result.append(.raw(raw([headingNode], dedent: 0)))
                result += body.map { .raw(rawItem($0)) }
                spec.otherSubjects += listSubjects(body)
            }
        }
        plan.protocolSpec = spec
        return result
    }

    /// The code spans of list items that start with a bold key
    /// (`1. **Claim:** publish to \`app.claims.new\``), except paths and URLs.
    private func listSubjects(_ items: [TopItem]) -> [Located<String>] {
        var subjects: [Located<String>] = []
        for case .node(let node) in items where tree[node].kind == .list {
            for entry in listEntries(node) {
                guard let headline = entry.headline, let key = source.keyLine(headline) else { continue }
                for span in source.codeSpans(in: key.value) {
                    let text = source.text(span.inner)
                    guard !text.contains("/"), !text.isEmpty else { continue }
                    subjects.append(Located(text, range: source.range(span.inner)))
                }
            }
        }
        return subjects
    }

    /// A sub-section's first list, read entry by entry, with the markdown
    /// before and after it.
    private func subsection<Entry>(_ heading: Heading, body: [TopItem], range: SourceRange,
                                   entry read: (ListEntry) -> Entry) -> ProtocolSpec.Subsection<Entry> {
        var subsection = ProtocolSpec.Subsection<Entry>(heading: heading, range: range)
        var listFound = false
        for item in body {
            if !listFound, case .node(let node) = item, tree[node].kind == .list {
                listFound = true
                subsection.entries = listEntries(node).map(read)
            } else if listFound {
                subsection.after.append(rawItem(item))
            } else {
                subsection.before.append(rawItem(item))
            }
        }
        return subsection
    }

    /// `**Name:** value` at the head of an item, or just text.
    private func keyAndValue(_ entry: ListEntry) -> (name: String, value: LineSlice) {
        let headline = entry.headline ?? LineSlice(line: Int(tree[entry.node].startLine), start: 0, end: 0)
        if let key = source.keyLine(headline) { return (key.key, key.value) }
        return ("", headline)
    }

    private func lifecycleStep(_ entry: ListEntry) -> LifecycleStep {
        let (name, value) = keyAndValue(entry)
        let subjects = source.codeSpans(in: value).map { Located(source.text($0.inner), range: source.range($0.inner)) }
        return LifecycleStep(number: entry.number, name: name, text: source.text(value), subjects: subjects,
                             continuation: texts(entry.continuation), children: rawChildren(entry),
                             range: entry.range)
    }

    private func channel(_ entry: ListEntry) -> Channel {
        let (name, value) = keyAndValue(entry)
        let subject = source.codeSpans(in: value).first.map {
            Located(source.text($0.inner), range: source.range($0.inner))
        }
        return Channel(name: name, text: source.text(value), subject: subject,
                       continuation: texts(entry.continuation), children: rawChildren(entry), range: entry.range)
    }

    private func monitoringEntry(_ entry: ListEntry) -> MonitoringEntry {
        let (name, value) = keyAndValue(entry)
        let text = source.text(value)
        var pattern: Located<String>?
        if name.lowercased().includes("devlog") || text.lowercased().includes("devlog") {
            let slice = source.codeSpans(in: value).first?.inner ?? value
            pattern = Located(source.text(slice), range: source.range(slice))
        }
        return MonitoringEntry(name: name, value: text, devlogPattern: pattern,
                               continuation: texts(entry.continuation), children: rawChildren(entry),
                               range: entry.range)
    }
}
