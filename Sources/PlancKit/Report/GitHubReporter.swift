/// GitHub Actions workflow commands: one annotation per diagnostic
/// (`::error file=...,line=...::message`), then a summary, because GitHub
/// shows only the first ten annotations of each kind in a step.
public struct GitHubReporter: Reporter {
    public init() {}

    public func report(_ result: CheckResult) -> String {
        var out = ""
        for diagnostic in result.diagnostics {
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: command = "notice"
            }
            let range = diagnostic.range
            let properties = [
                "file=" + Self.escapeProperty(diagnostic.file),
                "line=\(range.line)", "col=\(range.column)",
                "endLine=\(range.endLine)", "endColumn=\(range.endColumn)",
                "title=" + Self.escapeProperty("\(diagnostic.code) (\(diagnostic.rule))"),
            ].joined(separator: ",")
            var message = diagnostic.message
            if let help = diagnostic.help { message += "\nhelp: " + help }
            out += "::\(command) \(properties)::\(Self.escapeData(message))\n"
        }
        for (path, message) in result.unreadable {
            out += "::error file=\(Self.escapeProperty(path)),title=planc (unreadable)::\(Self.escapeData(message))\n"
        }
        out += "planc: \(result.summaryCounts)\n"
        let shown = 10
        let errors = result.count(.error), warnings = result.count(.warning), notes = result.count(.note)
        if errors > shown || warnings > shown || notes > shown {
            out += "GitHub shows the first \(shown) annotations of each kind; all of them:\n"
            for diagnostic in result.diagnostics {
                out += "\(diagnostic.file):\(diagnostic.range.line):\(diagnostic.range.column): "
                    + "\(diagnostic.severity.rawValue)[\(diagnostic.code)] \(diagnostic.message)\n"
            }
        }
        return out
    }

    /// A Markdown table of every diagnostic, for `$GITHUB_STEP_SUMMARY`.
    public func stepSummary(_ result: CheckResult) -> String {
        var out = "### planc check\n\n\(result.summaryCounts)\n\n"
        guard !result.diagnostics.isEmpty else { return out }
        out += "| | Rule | Where | Message |\n| --- | --- | --- | --- |\n"
        for diagnostic in result.diagnostics {
            let cell = diagnostic.message.replacingOccurrences("|", "\\|")
            out += "| \(diagnostic.severity.rawValue) | \(diagnostic.code) \(diagnostic.rule) | "
                + "\(diagnostic.file):\(diagnostic.range.line):\(diagnostic.range.column) | \(cell) |\n"
        }
        return out
    }

    /// The message part: `%`, CR and LF are escaped.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case "\r\n": out += "%0D%0A"
            default: out.append(character)
            }
        }
        return out
    }

    /// A property value: as data, plus `:` and `,`, which separate properties.
    static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text) {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.append(character)
            }
        }
        return out
    }
}
