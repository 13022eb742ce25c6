/// Diagnostics as the JSON of `cli.md`, version 1.
public struct JSONReporter: Reporter {
    public init() {}

    public func report(_ result: CheckResult) -> String {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.member("version", 1)
        json.key("diagnostics")
        json.beginArray()
        for diagnostic in result.diagnostics {
            json.element()
            json.beginObject()
            json.member("code", diagnostic.code)
            json.member("rule", diagnostic.rule)
            json.member("severity", diagnostic.severity.rawValue)
            json.member("message", diagnostic.message)
            json.member("file", diagnostic.file)
            json.member("line", diagnostic.range.line)
            json.member("column", diagnostic.range.column)
            json.member("endLine", diagnostic.range.endLine)
            json.member("endColumn", diagnostic.range.endColumn)
            json.member("help", diagnostic.help)
            json.key("fix")
            if let fix = diagnostic.fix {
                json.beginObject()
                json.member("description", fix.description)
                json.key("edits")
                json.beginArray()
                for edit in fix.edits {
                    json.element()
                    json.beginInlineObject()
                    json.member("offset", edit.offset)
                    json.member("length", edit.length)
                    json.member("replacement", edit.replacement)
                    json.endInlineObject()
                }
                json.endArray()
                json.endObject()
            } else {
                json.null()
            }
            json.endObject()
        }
        json.endArray()
        // Files that could not be checked at all (also on standard error).
        json.key("unreadable")
        json.beginArray()
        for (path, message) in result.unreadable {
            json.element()
            json.beginInlineObject()
            json.member("file", path)
            json.member("message", message)
            json.endInlineObject()
        }
        json.endArray()
        // Markdown in the folders that is neither a report nor an entry.
        json.key("skipped")
        json.beginArray()
        for path in result.skipped {
            json.element()
            json.string(path)
        }
        json.endArray()
        json.key("summary")
        json.beginInlineObject()
        json.member("files", result.files.count)
        json.member("errors", result.count(.error))
        json.member("warnings", result.count(.warning))
        json.member("notes", result.count(.note))
        json.endInlineObject()
        json.endObject()
        return json.string + "\n"
    }
}
