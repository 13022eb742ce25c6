extension PlanParser {
    /// The Phase Plan section: one phase per `### Phase <n>: ...` heading;
    /// other `###` sub-sections are kept as written.
    mutating func parsePhases(_ items: [TopItem]) -> [Section.Item] {
        let (intro, parts) = subsections(items)
        var result: [Section.Item] = intro.map { .raw(rawItem($0)) }
        for (headingNode, body) in parts {
            let text = source.text(headingSlice(headingNode))
            guard level(headingNode) == 3, text.lowercased().hasPrefix("phase") else {
                result.append(.raw(raw([headingNode], dedent: 0)))
                result += body.map { .raw(rawItem($0)) }
                continue
            }
            plan.phases.append(phase(headingNode, body: body))
            result.append(.phase(plan.phases.count - 1))
        }
        return result
    }

    /// `### Phase 1: Production Blockers (1-2 days) - IN PROGRESS`.
    private func phase(_ headingNode: Int, body: [TopItem]) -> Phase {
        let slice = headingSlice(headingNode)
        var offset = slice.start + 5
        while source.at(slice, offset) == 0x20 { offset += 1 }
        let digitsStart = offset
        while let byte = source.at(slice, offset), byte >= 0x30 && byte <= 0x39 { offset += 1 }
        let number = offset > digitsStart ? Int(source.text(LineSlice(line: slice.line, start: digitsStart, end: offset))) : nil
        while let byte = source.at(slice, offset), byte == 0x3A || byte == 0x20 || byte == 0x2E { offset += 1 }
        var rest = source.trimmed(slice.from(offset))

        // The status follows the last ` - ` after the duration, or the last
        // ` - ` whose words name a status.
        var status: StatusValue?
        var separators: [Int] = []
        var search = rest.start
        while let found = source.find(" - ", in: rest, from: search) {
            separators.append(found)
            search = found + 1
        }
        for separator in separators.reversed() {
            let candidate = source.trimmed(rest.from(separator + 3))
            let before = source.trimmed(rest.upTo(separator))
            let afterDuration = source.at(before, before.end - 1) == 0x29
            guard let value = source.statusValue(candidate) else { continue }
            if afterDuration || value.status != nil || value.marker != nil {
                status = value
                rest = before
                break
            }
        }

        var duration: Parsed<Duration>?
        if source.at(rest, rest.end - 1) == 0x29, let open = source.findLast("(", in: rest) {
            let inner = source.trimmed(LineSlice(line: rest.line, start: open + 1, end: rest.end - 1))
            let text = source.text(inner)
            duration = Parsed(text: text, value: QuantityParsing.duration(text), range: source.range(inner))
            rest = source.trimmed(rest.upTo(open))
        }

        let heading = self.heading(headingNode)
        var range = heading.range
        if let last = body.last { range = range.union(rangeOfItem(last)) }
        var phase = Phase(number: number, name: source.text(rest), heading: heading, range: range)
        phase.duration = duration
        phase.status = status

        let (layout, extras) = collectFields(fieldParts(body)) { key, continuation, _ in
            let value = key.value
            switch key.normalisedKey {
            case "agent", "agents", "owner", "owners":
                phase.agentsText = source.text(value)
                phase.agents = source.split(value, separators: [0x2C], words: true).map {
                    AgentReference(text: source.text($0), agent: nil, range: source.range($0))
                }
                return "agents"
            case "effort":
                let text = source.text(value)
                phase.effort = Parsed(text: text, value: QuantityParsing.effort(text, hoursPerDay: options.hoursPerDay),
                                      range: source.range(value))
                return "effort"
            case "status":
                phase.statusNote = source.statusValue(value)
                return phase.statusNote == nil ? nil : "status"
            case "blocker", "blockers", "blocked by":
                phase.blocker = Located(source.text(value), range: source.range(value))
                return "blocker"
            case "tasks":
                guard continuation.isEmpty else { return nil }
                phase.tasksText = source.text(value)
                phase.tasks = source.split(value, separators: [0x2C]).map(phaseTask)
                return "tasks"
            case "dependencies", "depends on", "dependency":
                guard continuation.isEmpty else { return nil }
                phase.dependenciesText = source.text(value)
                phase.dependencies = source.split(value, separators: [0x2C]).map(dependency)
                return "dependencies"
            default:
                return nil
            }
        }
        phase.layout = layout
        phase.extras = extras
        return phase
    }

    /// A name with an optional status in parentheses: `Redis (✅ ready)`.
    /// Parentheses that do not hold a status stay part of the name
    /// (`Test fixes (41 tests)`).
    private func nameAndStatus(_ slice: LineSlice) -> (name: LineSlice, status: StatusValue?) {
        guard source.at(slice, slice.end - 1) == 0x29, let open = source.findLast("(", in: slice) else {
            return (slice, nil)
        }
        let inner = LineSlice(line: slice.line, start: open + 1, end: slice.end - 1)
        guard let status = source.statusValue(inner), status.marker != nil || status.wordStatus != nil,
              status.marker != nil || StatusWords.status(ofWords: status.words) != nil,
              !status.words.contains(where: \.isNumber) else {
            return (slice, nil)
        }
        return (source.trimmed(slice.upTo(open)), status)
    }

    private func phaseTask(_ slice: LineSlice) -> PhaseTask {
        let (name, status) = nameAndStatus(slice)
        let title = source.text(name)
        var id = Slug.make(title)
        if let span = source.codeSpans(in: name).first(where: { source.text($0.inner).hasPrefix("#") }) {
            id = String(source.text(span.inner).dropFirst())
        }
        let holder = status.flatMap { PlanParser.progressDetails("(" + $0.words + ")").holder }
        return PhaseTask(id: id, title: title, status: status, holder: holder, range: source.range(slice))
    }

    private func dependency(_ slice: LineSlice) -> Dependency {
        let (name, status) = nameAndStatus(slice)
        return Dependency(text: source.text(slice), name: source.text(name), status: status, target: nil,
                          range: source.range(slice))
    }
}
