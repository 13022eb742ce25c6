/// The model as JSON, version 1: the shape `docs/plan-model.schema.json`
/// describes, keys always in this order.
public enum PlanJSON {
    public static let version = 1

    public static func encode(_ plan: Plan, pretty: Bool = true) -> [UInt8] {
        var json = JSONWriter(pretty: pretty, reserve: 1 << 16)
        write(plan, to: &json)
        return json.bytes
    }

    /// The same JSON, handed to `output` in pieces of about 64 KB as it is
    /// written: the model of a large report is tens of megabytes of JSON,
    /// which need not all be in memory beside the model.
    public static func stream(_ plan: Plan, pretty: Bool = true, to output: @escaping ([UInt8]) -> Void) {
        var json = JSONWriter(pretty: pretty, reserve: 1 << 17, sink: output)
        write(plan, to: &json)
        json.flush()
    }

    private static func write(_ plan: Plan, to json: inout JSONWriter) {
        json.beginObject()
        json.member("version", version)
        json.member("file", plan.file)
        json.member("title", plan.title)
        json.member("date", plan.date?.value?.description)
        json.key("frontMatter")
        if let frontMatter = plan.frontMatter {
            json.beginObject()
            json.member("yaml", frontMatter.yaml)
            json.key("values")
            json.beginObject()
            for (key, value) in frontMatter.values { json.member(dynamic: key, value) }
            json.endObject()
            json.key("range"); range(&json, frontMatter.range)
            json.endObject()
        } else {
            json.null()
        }
        json.key("services"); array(&json, plan.services, service)
        json.key("agents"); agents(&json, plan.agents)
        json.key("phases"); array(&json, plan.phases, phase)
        json.key("tasks"); array(&json, plan.tasks, task)
        json.key("protocol")
        if let spec = plan.protocolSpec { protocolSpec(&json, spec) } else { json.null() }
        json.key("nextSteps"); array(&json, plan.nextSteps, nextStep)
        json.key("questions"); array(&json, plan.questions, question)
        json.key("extraSections"); array(&json, extraSections(plan), extraSection)
        json.member("lastUpdated", plan.lastUpdated?.value?.description)
        json.member("nextCheck", plan.nextCheck?.value)
        json.key("sections"); array(&json, plan.sections, section)
        json.key("repairs"); array(&json, plan.repairs, repair)
        json.key("notes")
        array(&json, plan.notes) { json, note in
            json.beginObject()
            json.member("kind", note.kind.rawValue)
            json.member("message", note.message)
            json.key("range"); range(&json, note.range)
            json.endObject()
        }
        json.key("range"); range(&json, plan.range)
        json.endObject()
        json.endDocument()
    }

    // MARK: Pieces

    /// The agents of a large report are encoded on every core, a batch at
    /// a time (so that memory holds one batch of JSON, not all of it); the
    /// bytes are the same as from one writer.
    private static func agents(_ json: inout JSONWriter, _ agents: [Agent]) {
        guard agents.count >= 64 else { return array(&json, agents, agent) }
        json.beginArray()
        let pretty = json.isPretty
        let depth = json.depth
        for batch in stride(from: 0, to: agents.count, by: 256) {
            let indices = Array(batch..<min(batch + 256, agents.count))
            let encoded = concurrentMap(indices, when: true) { index -> [UInt8] in
                var writer = JSONWriter(pretty: pretty, depth: depth, reserve: 1 << 15)
                agent(&writer, agents[index])
                return writer.bytes
            }
            for bytes in encoded {
                json.element()
                json.raw(bytes)
                json.flushIfLarge()
            }
        }
        json.endArray()
    }

    private static func array<T>(_ json: inout JSONWriter, _ items: [T], _ write: (inout JSONWriter, T) -> Void) {
        json.beginArray()
        for item in items {
            json.element()
            write(&json, item)
            json.flushIfLarge()
        }
        json.endArray()
    }

    private static func range(_ json: inout JSONWriter, _ range: SourceRange) {
        json.beginInlineObject()
        json.member("line", range.line)
        json.member("column", range.column)
        json.member("endLine", range.endLine)
        json.member("endColumn", range.endColumn)
        json.endInlineObject()
    }

    private static func located(_ json: inout JSONWriter, _ value: Located<String>, name: StaticString) {
        json.beginObject()
        json.member(name, value.value)
        json.key("range"); range(&json, value.range)
        json.endObject()
    }

    private static func service(_ json: inout JSONWriter, _ service: Service) {
        json.beginObject()
        json.member("name", service.name)
        json.member("kind", service.kind.rawValue)
        json.member("endpoint", service.endpoint?.value)
        json.member("value", service.value)
        json.key("properties")
        json.beginObject()
        switch service.kind {
        case .nats:
            json.member("jetstream", service.jetstream)
            json.member("healthCheck", service.healthCheck?.value)
            json.key("channels"); array(&json, service.channels) { located(&$0, $1, name: "subject") }
        case .redis:
            json.key("maxMemoryBytes")
            if let bytes = service.maxMemory?.value { json.int(Int(bytes)) } else { json.null() }
            json.member("policy", service.policy?.value)
            json.member("persistence", service.persistence?.value?.rawValue)
        case .other:
            break
        }
        json.key("items")
        array(&json, service.properties) { json, property in
            json.beginObject()
            json.member("text", property.text)
            json.member("key", property.key)
            json.member("value", property.value)
            json.key("range"); range(&json, property.range)
            json.endObject()
        }
        json.endObject()
        json.key("range"); range(&json, service.range)
        json.endObject()
    }

    private static func agent(_ json: inout JSONWriter, _ agent: Agent) {
        json.beginObject()
        json.member("id", agent.id)
        json.member("name", agent.name)
        json.member("slug", agent.slug)
        json.member("status", agent.status?.status?.rawValue)
        json.member("statusText", agent.status?.text)
        json.member("started", agent.started?.value?.description)
        json.key("currentTask")
        if let current = agent.currentTask {
            json.beginObject()
            json.member("text", current.text)
            json.member("phase", current.phaseNumber)
            json.member("name", current.name)
            json.member("effortHours", number: current.effort?.value?.hours)
            json.key("range"); range(&json, current.range)
            json.endObject()
        } else {
            json.null()
        }
        json.key("progress")
        array(&json, agent.progress) { json, item in
            json.beginObject()
            json.member("status", item.status?.status?.rawValue)
            json.member("marker", item.status?.marker)
            json.member("text", item.text)
            json.member("taskNumber", item.taskNumber)
            json.member("task", item.taskID)
            json.member("percent", item.percent)
            json.member("holder", item.holder)
            json.key("range"); range(&json, item.range)
            json.endObject()
        }
        json.key("tasks"); array(&json, agent.tasks, task)
        json.key("availableFor")
        if let available = agent.availableFor {
            array(&json, available) { $0.string($1.value) }
        } else {
            json.null()
        }
        json.key("extra"); array(&json, agent.extras, extra)
        json.key("attributes"); array(&json, agent.attributes, attribute)
        json.key("unmapped"); array(&json, unmapped(agent.layout), rawMarkdown)
        json.key("range"); range(&json, agent.range)
        json.endObject()
    }

    private static func task(_ json: inout JSONWriter, _ task: PlanTask) {
        json.beginObject()
        json.member("id", task.id)
        json.member("number", task.number)
        json.member("title", task.title)
        json.member("effortHours", number: task.effort?.value?.hours)
        json.member("effortText", task.effort?.text)
        json.member("priority", task.priority.map { $0.value?.rawValue ?? $0.text })
        json.member("status", task.status.rawValue)
        json.member("assignee", task.assignee)
        json.member("phase", task.phaseNumber)
        json.key("dependsOn"); array(&json, task.dependsOn) { $0.string($1) }
        json.key("attributes"); array(&json, task.attributes, attribute)
        json.key("steps")
        array(&json, task.steps) { json, step in
            json.beginObject()
            json.member("text", step.text)
            json.member("checked", step.checked)
            json.key("range"); range(&json, step.range)
            json.endObject()
        }
        json.key("unmapped"); array(&json, task.before + task.after, rawMarkdown)
        json.key("range"); range(&json, task.range)
        json.endObject()
    }

    private static func phase(_ json: inout JSONWriter, _ phase: Phase) {
        json.beginObject()
        json.member("number", phase.number)
        json.member("name", phase.name)
        json.key("duration")
        if let duration = phase.duration {
            json.beginObject()
            json.member("text", duration.text)
            json.member("min", number: duration.value?.min)
            json.member("max", number: duration.value?.max)
            json.member("unit", duration.value?.unit.rawValue)
            json.endObject()
        } else {
            json.null()
        }
        json.member("status", phase.status?.status?.rawValue)
        json.member("statusText", phase.status?.text)
        json.key("agents")
        array(&json, phase.agents) { json, reference in
            json.beginObject()
            json.member("ref", reference.text)
            json.member("agent", reference.agent)
            json.key("range"); range(&json, reference.range)
            json.endObject()
        }
        json.member("effortHours", number: phase.effort?.value?.hours)
        json.key("statusNote")
        if let note = phase.statusNote {
            json.beginObject()
            json.member("text", note.text)
            json.member("status", note.status?.rawValue)
            json.key("range"); range(&json, note.range)
            json.endObject()
        } else {
            json.null()
        }
        json.member("blocker", phase.blocker?.value)
        json.key("tasks")
        array(&json, phase.tasks) { json, task in
            json.beginObject()
            json.member("id", task.id)
            json.member("title", task.title)
            json.member("status", task.status?.status?.rawValue)
            json.member("holder", task.holder)
            json.member("effortHours", number: task.effort?.value?.hours)
            json.member("assignee", task.assignee)
            json.member("priority", task.priority.map { $0.value?.rawValue ?? $0.text })
            json.key("dependsOn"); array(&json, task.dependsOn) { $0.string($1) }
            json.key("range"); range(&json, task.range)
            json.endObject()
        }
        json.key("dependencies")
        array(&json, phase.dependencies) { json, dependency in
            json.beginObject()
            json.member("text", dependency.text)
            json.member("name", dependency.name)
            switch dependency.target {
            case .service(let name):
                json.member("kind", "service"); json.member("target", name)
            case .phase(let number):
                json.member("kind", "phase"); json.member("target", String(number))
            case .task(let id):
                json.member("kind", "task"); json.member("target", id)
            case .external:
                json.member("kind", "external"); json.member("target", String?.none)
            case nil:
                json.member("kind", "unresolved"); json.member("target", String?.none)
            }
            json.member("status", dependency.status?.status?.rawValue)
            json.key("range"); range(&json, dependency.range)
            json.endObject()
        }
        json.key("blocks"); array(&json, phase.blocks) { json, dependency in
            json.beginObject()
            json.member("text", dependency.text)
            json.member("name", dependency.name)
            json.key("range"); range(&json, dependency.range)
            json.endObject()
        }
        json.key("extra"); array(&json, phase.extras, extra)
        json.key("attributes"); array(&json, phase.attributes, attribute)
        // Items of its key list that planc read as its tasks are mapped.
        let taskLines = Set(phase.tasks.map(\.range.line))
        json.key("unmapped"); array(&json, unmapped(phase.layout).filter { !taskLines.contains($0.range.line) }, rawMarkdown)
        json.key("range"); range(&json, phase.range)
        json.endObject()
    }

    private static func extra(_ json: inout JSONWriter, _ field: ExtraField) {
        keyValue(&json, field.key, field.value, field.range)
    }

    /// `{"key", "value", "range"}`: unknown keys and attributes alike.
    private static func keyValue(_ json: inout JSONWriter, _ key: String, _ value: String, _ at: SourceRange) {
        json.beginObject()
        json.member("key", key)
        json.member("value", value)
        json.key("range"); range(&json, at)
        json.endObject()
    }

    private static func protocolSpec(_ json: inout JSONWriter, _ spec: ProtocolSpec) {
        json.beginObject()
        json.key("lifecycle")
        array(&json, spec.lifecycle?.entries ?? []) { json, step in
            json.beginObject()
            json.member("number", step.number)
            json.member("step", step.name)
            json.member("text", step.text)
            json.key("subjects"); array(&json, step.subjects) { $0.string($1.value) }
            json.key("range"); range(&json, step.range)
            json.endObject()
        }
        json.key("channels")
        array(&json, spec.channels?.entries ?? []) { json, channel in
            json.beginObject()
            json.member("name", channel.name)
            json.member("subject", channel.subject?.value)
            json.member("text", channel.text)
            json.key("range"); range(&json, channel.range)
            json.endObject()
        }
        json.key("monitoring")
        array(&json, spec.monitoring?.entries ?? []) { json, entry in
            json.beginObject()
            json.member("name", entry.name)
            json.member("value", entry.value)
            json.key("range"); range(&json, entry.range)
            json.endObject()
        }
        json.key("otherSubjects"); array(&json, spec.otherSubjects) { $0.string($1.value) }
        json.member("devlogPattern", spec.devlogPattern?.value)
        json.key("range"); range(&json, spec.range)
        json.endObject()
    }

    private static func nextStep(_ json: inout JSONWriter, _ step: NextStep) {
        json.beginObject()
        json.member("number", step.number)
        json.member("status", step.status?.status?.rawValue)
        json.member("marker", step.status?.marker)
        json.member("title", step.title)
        json.member("text", step.text)
        json.key("options")
        array(&json, step.options) { json, option in
            json.beginObject()
            json.member("label", option.label)
            json.member("text", option.detail)
            json.key("range"); range(&json, option.range)
            json.endObject()
        }
        json.key("range"); range(&json, step.range)
        json.endObject()
    }

    private static func question(_ json: inout JSONWriter, _ question: Question) {
        json.beginObject()
        json.member("number", question.number)
        json.member("text", question.text)
        json.key("range"); range(&json, question.range)
        json.endObject()
    }

    /// Sections planc does not interpret, and text before the first `##`.
    private static func extraSections(_ plan: Plan) -> [(heading: Heading?, markdown: String, range: SourceRange)] {
        plan.sections.compactMap { section in
            switch section.kind {
            case .extra:
                let markdown = section.items.compactMap { item -> String? in
                    if case .raw(let raw) = item { return raw.text } else { return nil }
                }.joined(separator: "\n\n")
                return (section.heading, markdown, section.range)
            case .title where !section.items.isEmpty:
                let markdown = section.items.compactMap { item -> String? in
                    if case .raw(let raw) = item { return raw.text } else { return nil }
                }.joined(separator: "\n\n")
                return (nil, markdown, section.range)
            default:
                return nil
            }
        }
    }

    private static func extraSection(_ json: inout JSONWriter,
                                     _ section: (heading: Heading?, markdown: String, range: SourceRange)) {
        json.beginObject()
        json.member("heading", section.heading?.text)
        json.member("level", section.heading?.level)
        json.member("markdown", section.markdown)
        json.key("range"); range(&json, section.range)
        json.endObject()
    }

    /// Markdown inside an agent or a phase that planc kept but did not read.
    private static func unmapped(_ layout: [FieldSlot]) -> [RawMarkdown] {
        layout.compactMap { slot in
            switch slot {
            case .raw(let raw), .nested(let raw): return raw
            case .known, .extra: return nil
            }
        }
    }

    private static func attribute(_ json: inout JSONWriter, _ attribute: Attribute) {
        keyValue(&json, attribute.key, attribute.value, attribute.range)
    }

    private static func rawMarkdown(_ json: inout JSONWriter, _ raw: RawMarkdown) {
        json.beginObject()
        json.member("markdown", raw.text)
        json.key("range"); range(&json, raw.range)
        json.endObject()
    }

    private static func section(_ json: inout JSONWriter, _ section: Section) {
        json.beginObject()
        json.member("kind", section.kind.rawValue)
        json.member("heading", section.heading?.text)
        json.member("level", section.heading?.level)
        json.member("status", section.heading?.status?.status?.rawValue)
        json.key("unmapped")
        let kept = section.kind == .extra || section.kind == .title ? [] : section.items.compactMap { item -> RawMarkdown? in
            if case .raw(let raw) = item { return raw } else { return nil }
        }
        array(&json, kept, rawMarkdown)
        json.key("range"); range(&json, section.range)
        json.endObject()
    }

    private static func repair(_ json: inout JSONWriter, _ repair: Repair) {
        json.beginObject()
        json.member("original", repair.original)
        json.member("repaired", repair.repaired)
        json.member("encoding", repair.encoding.rawValue)
        json.key("range"); range(&json, repair.range)
        json.endObject()
    }
}
