/// Small builders for the canonical markdown: list items with nested
/// content, indentation, key lines.
enum MarkdownBlocks {
    /// Prefixes every non-empty line with `width` spaces.
    /// Works on bytes: every nested block of every agent comes through
    /// here. A line ends at `\n` except inside `\r\n`, which a String
    /// treats as one character (kept as it was).
    static func indent(_ text: String, by width: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + width * 4)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            let endsLine = byte == 0x0A && previous != 0x0D
            if atLineStart && !endsLine {
                output.append(contentsOf: repeatElement(0x20, count: width))
            }
            output.append(byte)
            atLineStart = endsLine
            previous = byte
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether markdown starts with a list that may directly follow a line
    /// of text without joining it: a bullet, or an ordered list from 1.
    static func startsWithInterruptingList(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(12))
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return bytes.count == 1 || bytes[1] == 0x20
        }
        return text.hasPrefix("1. ") || text.hasPrefix("1) ")
    }

    /// One list item: marker and headline, further lines of its paragraph,
    /// then nested blocks. A nested list that may follow the text directly
    /// does; other blocks come after a blank line.
    static func item(marker: String, headline: String, continuation: [String] = [],
                     nested: [String]) -> String {
        let width = marker.count
        var lines = [marker + headline]
        var nestedBlocks = nested.filter { !$0.isEmpty }
        if headline.isEmpty, let first = nestedBlocks.first {
            // An item cannot start with a blank line and content after it:
            // the first nested block goes on the marker's line.
            nestedBlocks.removeFirst()
            let firstLines = first.split(separator: "\n", omittingEmptySubsequences: false)
            lines = [marker + firstLines[0]]
            if firstLines.count > 1 {
                lines.append(indent(firstLines.dropFirst().joined(separator: "\n"), by: width))
            }
        }
        for line in continuation { lines.append(String(repeating: " ", count: width) + MarkdownBlocks.continuation(line)) }
        for block in nestedBlocks {
            if !startsWithInterruptingList(block) || lines.last == "" { lines.append("") }
            lines.append(indent(block, by: width))
        }
        return lines.joined(separator: "\n")
    }

    /// A later line of a paragraph, written so that it stays one. A line
    /// that would start a block of its own (a list item, heading, quote,
    /// fence, table row or setext underline) is indented four spaces: markdown
    /// reads that as the same paragraph, and planc reads it back without them.
    static func continuation(_ line: String) -> String {
        guard let first = line.unicodeScalars.first else { return line }
        let opensBlock = "-*+#>=_`~<|".unicodeScalars.contains(first) || ("0"..."9").contains(first)
        return opensBlock ? "    " + line : line
    }

    /// Whether a rendered item spans blank lines (which makes its list loose).
    static func hasBlankLine(_ text: String) -> Bool { text.includes("\n\n") }

    /// Items joined into a list: tight unless an item holds a blank line.
    static func list(_ items: [String]) -> String {
        let loose = items.contains(where: hasBlankLine)
        return items.joined(separator: loose ? "\n\n" : "\n")
    }

    /// `**Key:** value`, or `**Key:**` when the value is empty.
    /// `## ` for a level-2 heading (level 2 when the level is unknown).
    static func hashes(_ level: Int) -> String {
        String(repeating: "#", count: (1...6).contains(level) ? level : 2) + " "
    }

    static func keyLine(_ key: String, _ value: String) -> String {
        value.isEmpty ? "**\(key):**" : "**\(key):** \(value)"
    }
}
