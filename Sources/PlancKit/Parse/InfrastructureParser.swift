extension PlanParser {
    /// `**<Name>:** Running on \`<endpoint>\`` lines, each a service, and the
    /// list after a paragraph of them holding the last one's properties.
    mutating func parseInfrastructure(_ items: [TopItem]) -> [Section.Item] {
        var result: [Section.Item] = []
        var index = 0
        while index < items.count {
            let item = items[index]
            index += 1
            guard case .node(let node) = item, tree[node].kind == .paragraph else {
                result.append(.raw(rawItem(item)))
                continue
            }
            let lines = paragraphLines(node)
            guard let first = lines.first, source.keyLine(first) != nil else {
                result.append(.raw(rawItem(item)))
                continue
            }
            var services: [Service] = []
            for line in lines {
                if let key = source.keyLine(line) {
                    services.append(service(key))
                } else if !services.isEmpty {
                    services[services.count - 1].continuation.append(source.text(line))
                }
            }
            if index < items.count, case .node(let list) = items[index], tree[list].kind == .list {
                index += 1
                let last = services.count - 1
                let entries = listEntries(list)
                services[last].properties = entries.map(property)
                services[last].range = services[last].range.union(blockRange(list))
                interpretProperties(&services[last], headlines: entries.map(\.headline))
            }
            for service in services {
                plan.services.append(service)
                result.append(.service(plan.services.count - 1))
            }
        }
        return result
    }

    private func service(_ key: KeyLine) -> Service {
        let value = source.text(key.value)
        var endpoint: Located<String>?
        if let code = source.codeSpans(in: key.value).first {
            endpoint = Located(source.text(code.inner), range: source.range(code.inner))
        } else {
            for piece in source.split(key.value, separators: [0x20]) where source.text(piece).includes("://") {
                endpoint = Located(source.text(piece), range: source.range(piece))
                break
            }
        }
        let scheme = endpoint.map { $0.value.lowercased() }.flatMap { text -> String? in
            guard let colon = text.utf8.indices.first(where: { text.utf8[$0...].starts(with: "://".utf8) })
            else { return nil }
            return String(text[..<colon])
        }
        let lowerName = key.key.lowercased()
        let kind: Service.Kind
        if scheme == "nats" || scheme == "tls" && lowerName.includes("nats") { kind = .nats }
        else if scheme == "redis" || scheme == "rediss" { kind = .redis }
        else if scheme == nil && lowerName.includes("nats") { kind = .nats }
        else if scheme == nil && lowerName.includes("redis") { kind = .redis }
        else { kind = .other }
        let keyName = source.trimmed(LineSlice(line: key.keySlice.line, start: key.keySlice.start,
                                               end: key.keySlice.end))
        var service = Service(name: key.key, kind: kind, value: value, endpoint: endpoint,
                              nameRange: source.range(keyName), range: source.range(key.whole))
        // `(JetStream on)` in the value; a property line may say otherwise.
        if kind == .nats, value.lowercased().includes("jetstream") { service.jetstream = Self.jetstreamOn(value.lowercased()) }
        return service
    }

    /// Whether a text that mentions JetStream says it is on.
    static func jetstreamOn(_ lower: String) -> Bool {
        !(lower.includes("disabled") || lower.includes(" off") || lower.includes("not enabled")
          || lower.includes("no jetstream") || lower.includes("without jetstream"))
    }

    private func property(_ entry: ListEntry) -> Service.Property {
        let headline = entry.headline ?? LineSlice(line: Int(tree[entry.node].startLine), start: 0, end: 0)
        var key: String?
        var value: String?
        if let colon = source.find(": ", in: headline) ?? (source.at(headline, headline.end - 1) == 0x3A ? headline.end - 1 : nil) {
            key = source.text(source.trimmed(headline.upTo(colon)))
            value = source.text(source.trimmed(headline.from(colon + 1)))
        }
        return Service.Property(text: source.text(headline), key: key, value: value,
                                continuation: texts(entry.continuation),
                                children: rawChildren(entry), range: entry.range)
    }

    /// Reads the typed properties of NATS and Redis from the property lines.
    private func interpretProperties(_ service: inout Service, headlines: [LineSlice?]) {

        for (property, headline) in zip(service.properties, headlines) {
            let lower = property.text.lowercased()
            let key = property.key?.lowercased() ?? ""
            let valueSlice = headline.map { headline -> LineSlice in
                guard let colon = source.find(": ", in: headline) else { return headline }
                return source.trimmed(headline.from(colon + 1))
            }
            switch service.kind {
            case .nats:
                if lower.includes("jetstream") {
                    service.jetstream = Self.jetstreamOn(lower)
                } else if key.includes("health"), let slice = valueSlice {
                    let url = cleanURL(slice)
                    service.healthCheck = Located(source.text(url), range: source.range(url))
                } else if key.includes("channel") || key.includes("subject"), let slice = valueSlice {
                    let spans = source.codeSpans(in: slice)
                    let pieces = spans.isEmpty ? source.split(slice, separators: [0x2C]) : spans.map(\.inner)
                    service.channels += pieces.map { Located(source.text($0), range: source.range($0)) }
                }
            case .redis:
                guard let slice = valueSlice else { continue }
                let value = source.unwrappedCode(slice)
                let text = source.text(value)
                if key.includes("max") && key.includes("mem") {
                    service.maxMemory = Parsed(text: text, value: QuantityParsing.redisMemory(text),
                                               range: source.range(value))
                } else if key.includes("policy") || key.includes("eviction") {
                    service.policy = Located(text, range: source.range(value))
                } else if key.includes("persist") {
                    service.persistence = Parsed(text: text, value: persistence(text), range: source.range(value))
                }
            case .other:
                break
            }
        }
    }

    private func persistence(_ text: String) -> Service.Persistence? {
        let lower = text.lowercased()
        let aof = lower.includes("aof") || lower.includes("append")
        let rdb = lower.includes("rdb") || lower.includes("snapshot")
        if aof && rdb { return .aofAndRdb }
        if aof { return lower.includes("disabled") || lower.includes("off") ? Service.Persistence.none : .aof }
        if rdb { return .rdb }
        if lower == "none" || lower.includes("disabled") || lower == "off" { return Service.Persistence.none }
        return nil
    }

    /// A URL without the code span or angle brackets around it.
    private func cleanURL(_ slice: LineSlice) -> LineSlice {
        var inner = source.unwrappedCode(slice)
        if source.at(inner, inner.start) == 0x3C, source.at(inner, inner.end - 1) == 0x3E {
            inner = LineSlice(line: inner.line, start: inner.start + 1, end: inner.end - 1)
        }
        return inner
    }
}
