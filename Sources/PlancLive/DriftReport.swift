import PlancKit

/// `planc diff` output: lines like `terraform plan`, or the JSON of cli.md.
public enum DriftReport {
    public static func text(_ changes: [Change], source: String) -> String {
        var out = ""
        for change in changes {
            let symbol: String
            var line: String
            switch change.action {
            case .update:
                symbol = "~"
                line = "\(change.field) \(change.report ?? "none") → \(change.live ?? "none")"
            case .missing:
                symbol = "-"
                line = "\(change.field) \(change.report ?? "") in the report, missing from live state"
            case .unexpected:
                symbol = "+"
                line = "in live state (\(change.field) \(change.live ?? "none")), not in the report"
            case .stale:
                symbol = "!"
                if change.kind == .cache {
                    line = "\(change.field) \(change.report ?? "none") in NATS, \(change.live ?? "none") in Redis (stale cache)"
                } else {
                    line = "\(change.field) \(change.live ?? "")" + (change.detail.map { " is \($0)" } ?? " has passed")
                }
            }
            if change.kind == .cache, change.action == .missing {
                line = "missing from Redis (NATS has status \(change.report ?? "none"))"
            }
            if change.kind == .cache, change.action == .unexpected {
                line = "in Redis, not in NATS"
            }
            var text = "\(symbol) \(change.kind.rawValue) \(change.id): \(line)"
            if let file = change.file, let number = change.line { text += "   (\(file):\(number))" }
            out += text + "\n"
        }
        if changes.isEmpty {
            out += "No drift: \(source) matches live state.\n"
        } else {
            let update = changes.filter { $0.action == .update }.count
            let stale = changes.filter { $0.action == .stale }.count
            let missing = changes.filter { $0.action == .missing }.count
            let unexpected = changes.filter { $0.action == .unexpected }.count
            out += "\nDrift: \(update) to update, \(stale) stale, \(missing) missing"
                + (unexpected > 0 ? ", \(unexpected) unexpected" : "") + ".\n"
        }
        return out
    }

    public static func json(_ changes: [Change]) -> String {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.member("version", 1)
        json.member("drift", !changes.isEmpty)
        json.key("changes")
        json.beginArray()
        for change in changes {
            json.element()
            json.beginObject()
            json.member("kind", change.kind.rawValue)
            json.member("id", change.id)
            json.member("field", change.field)
            json.member("report", change.report)
            json.member("live", change.live)
            json.member("action", change.action.rawValue)
            json.member("file", change.file)
            json.member("line", change.line)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.string + "\n"
    }
}
