/// Diagnostics the way rustc and ruff print them: the code first, an arrow
/// to the place, the source line under a gutter, carets under the span, a
/// help line, `[*]` where `--fix` can mend it; then a summary.
public struct TextReporter: Reporter {
    public var color: Bool
    /// Whether to list the files skipped, not only count them.
    public var verbose: Bool

    public init(color: Bool, verbose: Bool = false) {
        self.color = color
        self.verbose = verbose
    }

    private enum Style: String {
        case error = "1;31", warning = "1;33", note = "1;36", gutter = "1;34", help = "1;32", bold = "1"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func style(for severity: Severity) -> Style {
        switch severity {
        case .error: return .error
        case .warning: return .warning
        case .note: return .note
        }
    }

    public func report(_ result: CheckResult) -> String {
        var out = ""
        for file in result.files {
            for diagnostic in file.diagnostics {
                out += render(diagnostic, source: file.source) + "\n"
            }
        }
        if result.files.isEmpty && result.unreadable.isEmpty {
            // Nothing was checked: saying it passed would pass what was not read.
            out += paint("Nothing checked", .bold) + ": no status report or devlog entry among the files.\n"
        } else if result.diagnostics.isEmpty && result.unreadable.isEmpty {
            out += paint("All checks passed", .bold) + " (\(result.files.count) file\(result.files.count == 1 ? "" : "s")).\n"
        } else {
            out += paint("Found " + result.summaryCounts, .bold) + "."
            if result.fixable > 0 { out += " \(result.fixable) fixable with `planc check --fix` [*]." }
            out += "\n"
        }
        if let skipped = result.skippedSummary {
            if verbose {
                out += skipped + ":\n" + result.skipped.map { "  \($0)\n" }.joined()
            } else {
                out += skipped + " (--verbose lists them).\n"
            }
        }
        return out
    }

    func render(_ diagnostic: Diagnostic, source: SourceText?) -> String {
        let range = diagnostic.range
        let severityStyle = style(for: diagnostic.severity)
        var lines: [String] = []
        let fixable = diagnostic.fix != nil ? " [*]" : ""
        lines.append(paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", severityStyle)
                     + paint(": \(diagnostic.message)\(fixable)", .bold))
        let width = String(range.line).count
        let pad = String(repeating: " ", count: width)
        lines.append("\(pad)\(paint("-->", .gutter)) \(diagnostic.file):\(range.line):\(range.column)")
        if let source, range.line >= 1, range.line <= source.lineCount {
            let text = Self.expandTabs(source.rawLine(range.line))
            let lineWidth = DisplayWidth.width(of: text)
            let end = range.endLine == range.line ? range.endColumn : lineWidth + 1
            let carets = max(end - range.column, 1)
            lines.append("\(pad) \(paint("|", .gutter))")
            lines.append("\(paint(String(range.line), .gutter)) \(paint("|", .gutter)) \(text)")
            lines.append("\(pad) \(paint("|", .gutter)) " + String(repeating: " ", count: max(range.column - 1, 0))
                         + paint(String(repeating: "^", count: carets), severityStyle))
            lines.append("\(pad) \(paint("|", .gutter))")
        }
        if let help = diagnostic.help {
            lines.append("\(pad) \(paint("= help", .help)): \(help)")
        }
        for related in diagnostic.related {
            lines.append("\(pad) = note: \(related.message): \(related.file ?? diagnostic.file):\(related.range.line):\(related.range.column)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Tabs as the spaces their display columns count.
    static func expandTabs(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        var out = ""
        var column = 0
        for character in text {
            if character == "\t" {
                let spaces = DisplayWidth.tabStop - column % DisplayWidth.tabStop
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(character)
                column += DisplayWidth.width(of: String(character))
            }
        }
        return out
    }
}
