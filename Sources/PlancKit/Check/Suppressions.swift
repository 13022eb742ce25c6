/// Inline switches for rules, written as HTML comments so that they do not
/// show when the report is rendered:
///
///     <!-- planc-disable PLAN012 effort-mismatch -->   off from here on
///     <!-- planc-enable PLAN012 -->                     on again
///     <!-- planc-disable-next-line PLAN030 -->          off for the next line that is not blank
///
/// Without rule names they switch every rule. Rules are named by code or
/// alias.
struct Suppressions {
    private struct Switch {
        var line: Int
        var kind: Kind
        var rules: Set<String>?
        enum Kind { case disable, enable, nextLine }
    }

    private var switches: [Switch] = []

    init(source: SourceText, resolve: (String) -> String?) {
        // Most reports hold no HTML comment at all: look once, cheaply.
        guard Self.containsComment(source.bytes) else { return }
        for line in 1...max(source.lineCount, 1) where source.lineLength(line) > 0 {
            let text = source.rawLine(line)
            var rest = Substring(text)
            while let open = rest.firstRange(of: "<!--") {
                guard let close = rest[open.upperBound...].firstRange(of: "-->") else { break }
                let words = rest[open.upperBound..<close.lowerBound].split { $0 == " " || $0 == "," || $0 == "\t" }
                rest = rest[close.upperBound...]
                guard let first = words.first else { continue }
                let kind: Switch.Kind
                switch first.lowercased() {
                case "planc-disable": kind = .disable
                case "planc-enable": kind = .enable
                case "planc-disable-next-line": kind = .nextLine
                default: continue
                }
                let names = words.dropFirst().map { resolve(String($0)) ?? String($0) }
                // The next line with text: a blank line between the comment
                // and its line (as `fmt` puts around blocks) changes nothing.
                var target = line
                if kind == .nextLine {
                    target = line + 1
                    while target < source.lineCount && source.isBlank(target) { target += 1 }
                }
                switches.append(Switch(line: target, kind: kind, rules: names.isEmpty ? nil : Set(names)))
            }
        }
    }

    private static func containsComment(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index + 3 < buffer.count {
                if buffer[index] == 0x3C && buffer[index + 1] == 0x21 && buffer[index + 2] == 0x2D && buffer[index + 3] == 0x2D {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// Whether a rule (by code) is switched off at a line.
    func isSuppressed(code: String, line: Int) -> Bool {
        var disabled = false
        for item in switches where item.rules == nil || item.rules!.contains(code) {
            switch item.kind {
            case .disable where item.line <= line: disabled = true
            case .enable where item.line <= line: disabled = false
            case .nextLine where item.line == line: return true
            default: break
            }
        }
        return disabled
    }
}
