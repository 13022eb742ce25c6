/// SARIF 2.1.0, as GitHub code scanning reads it: the tool's driver with
/// every rule and its help, and each result with its rule, level, message,
/// a location relative to the repository root and a fingerprint that stays
/// put when lines move.
public struct SARIFReporter: Reporter {
    /// The folder paths are made relative to (the repository root).
    public var root: String
    /// The current folder, which relative file paths start from.
    public var workingDirectory: String
    public var version: String

    public init(root: String, workingDirectory: String, version: String) {
        self.root = root
        self.workingDirectory = workingDirectory
        self.version = version
    }

    public func report(_ result: CheckResult) -> String {
        let rules = RuleRegistry.descriptions
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.member("version", "2.1.0")
        json.key("runs")
        json.beginArray()
        json.element()
        json.beginObject()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.member("name", "planc")
        json.member("semanticVersion", version)
        json.key("rules")
        json.beginArray()
        for rule in rules { json.element(); write(rule, into: &json) }
        json.endArray()
        json.endObject()
        json.endObject()
        json.member("columnKind", "unicodeCodePoints")
        json.key("originalUriBaseIds")
        json.beginObject()
        json.key("%SRCROOT%")
        json.beginObject()
        json.member("uri", "file://" + (root.hasSuffix("/") ? root : root + "/"))
        json.endObject()
        json.endObject()
        json.key("results")
        json.beginArray()
        var occurrences: [String: Int] = [:]
        for file in result.files {
            for diagnostic in file.diagnostics {
                json.element()
                let index = rules.firstIndex { $0.code == diagnostic.code } ?? 0
                write(diagnostic, ruleIndex: index, source: file.source, occurrences: &occurrences, into: &json)
            }
        }
        json.endArray()
        writeInvocation(result, into: &json)
        json.endObject()
        json.endArray()
        json.endObject()
        return json.string + "\n"
    }

    /// Whether every file could be read; a notification for each that could not.
    private func writeInvocation(_ result: CheckResult, into json: inout JSONWriter) {
        json.key("invocations")
        json.beginArray()
        json.element()
        json.beginObject()
        json.member("executionSuccessful", result.unreadable.isEmpty)
        json.key("toolExecutionNotifications")
        json.beginArray()
        for (path, message) in result.unreadable {
            json.element()
            json.beginObject()
            json.member("level", "error")
            json.key("message"); json.beginInlineObject(); json.member("text", message); json.endInlineObject()
            writeLocations(relativePath(path), into: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endArray()
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    private func write(_ rule: RuleDescription, into json: inout JSONWriter) {
        json.beginObject()
        json.member("id", rule.code)
        json.member("name", rule.alias)
        json.key("shortDescription"); json.beginInlineObject(); json.member("text", rule.summary); json.endInlineObject()
        json.key("fullDescription"); json.beginInlineObject(); json.member("text", rule.what); json.endInlineObject()
        json.key("help")
        json.beginObject()
        json.member("text", "\(rule.what)\n\nWhy: \(rule.why)\n\nFix: \(rule.fix)")
        json.member("markdown", RuleDocumentation.markdown(rule))
        json.endObject()
        json.key("defaultConfiguration"); json.beginInlineObject(); json.member("level", level(rule.severity)); json.endInlineObject()
        json.key("properties")
        json.beginObject()
        json.key("tags"); json.beginArray(); json.element(); json.string(rule.family.rawValue); json.endArray()
        json.endObject()
        json.endObject()
    }

    private func write(_ diagnostic: Diagnostic, ruleIndex: Int, source: SourceText?,
                       occurrences: inout [String: Int], into json: inout JSONWriter) {
        let range = diagnostic.range
        let startColumn = source?.scalarColumn(line: range.line, displayColumn: range.column) ?? range.column
        let endColumn = source?.scalarColumn(line: range.endLine, displayColumn: range.endColumn) ?? range.endColumn
        let path = relativePath(diagnostic.file)
        let lineText = source.map { $0.rawLine(range.line).trimmingSpaces() } ?? ""
        let key = "\(diagnostic.code)|\(path)|\(lineText)"
        let occurrence = (occurrences[key] ?? 0) + 1
        occurrences[key] = occurrence
        json.beginObject()
        json.member("ruleId", diagnostic.code)
        json.member("ruleIndex", ruleIndex)
        json.member("level", level(diagnostic.severity))
        json.key("message")
        json.beginInlineObject()
        json.member("text", diagnostic.message + (diagnostic.help.map { " (help: \($0))" } ?? ""))
        json.endInlineObject()
        writeLocations(path, into: &json) { json in
            json.member("startLine", range.line)
            json.member("startColumn", startColumn)
            json.member("endLine", range.endLine)
            json.member("endColumn", max(endColumn, range.endLine == range.line ? startColumn : 1))
        }
        json.key("partialFingerprints")
        json.beginInlineObject()
        json.member("primaryLocationLineHash", Self.fnv1a(key) + ":\(occurrence)")
        json.endInlineObject()
        json.endObject()
    }

    /// `"locations": [{"physicalLocation": {"artifactLocation", "region"}}]`,
    /// the region written by `region` when there is one.
    private func writeLocations(_ uri: String, into json: inout JSONWriter,
                                region: ((inout JSONWriter) -> Void)? = nil) {
        json.key("locations")
        json.beginArray()
        json.element()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginInlineObject()
        json.member("uri", uri)
        json.member("uriBaseId", "%SRCROOT%")
        json.endInlineObject()
        if let region {
            json.key("region")
            json.beginInlineObject()
            region(&json)
            json.endInlineObject()
        }
        json.endObject()
        json.endObject()
        json.endArray()
    }

    /// The file's path from the root, with forward slashes, percent-encoded
    /// where a URI needs it.
    func relativePath(_ file: String) -> String {
        var absolute = file.hasPrefix("/") ? file : workingDirectory + "/" + file
        absolute = Self.normalise(absolute)
        let base = Self.normalise(root)
        var relative = absolute
        if absolute.hasPrefix(base + "/") { relative = String(absolute.dropFirst(base.count + 1)) }
        var encoded = ""
        for byte in relative.utf8 {
            let keep = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || "-._~/".utf8.contains(byte)
            encoded += keep ? String(UnicodeScalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return encoded
    }

    /// Drops `.` and resolves `..` components.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// A 64-bit FNV-1a hash in hex: stable across runs and platforms.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
