/// A block of rendered markdown, and whether planc wrote its first and last
/// lists itself (and may so change their markers) or copied them as written.
struct RenderedBlock {
    var text: String
    var canonicalStart: Bool
    var canonicalEnd: Bool

    static func canonical(_ text: String) -> RenderedBlock {
        RenderedBlock(text: text, canonicalStart: true, canonicalEnd: true)
    }

    static func raw(_ text: String) -> RenderedBlock {
        RenderedBlock(text: text, canonicalStart: false, canonicalEnd: false)
    }
}

/// Keeps separate lists separate. Two lists one blank line apart are one
/// list in markdown when they use the same bullet (or the same delimiter,
/// for ordered lists); in the source they were kept apart by a different
/// marker. Where planc's own list would run into a neighbour, its markers
/// change (`-` to `*` or `+`, `.` to `)`), so parsing the output finds the
/// same lists again.
enum ListSeparation {
    enum Marker: Equatable {
        case bullet(UInt8)
        case ordered(UInt8)
    }

    static func separate(_ blocks: inout [RenderedBlock]) {
        guard blocks.count > 1 else { return }
        for index in 1..<blocks.count {
            guard let left = trailingMarker(blocks[index - 1].text),
                  let right = leadingMarker(blocks[index].text), left == right else { continue }
            if blocks[index].canonicalStart {
                var avoid = [left]
                if index + 1 < blocks.count, let next = leadingMarker(blocks[index + 1].text) { avoid.append(next) }
                if let replacement = alternative(to: right, avoiding: avoid) {
                    blocks[index].text = rewrite(blocks[index].text, leading: true, to: replacement)
                }
            } else if blocks[index - 1].canonicalEnd {
                var avoid = [right]
                if index >= 2, let previous = trailingMarker(blocks[index - 2].text) { avoid.append(previous) }
                if let replacement = alternative(to: left, avoiding: avoid) {
                    blocks[index - 1].text = rewrite(blocks[index - 1].text, leading: false, to: replacement)
                }
            }
        }
    }

    private static func alternative(to marker: Marker, avoiding: [Marker]) -> Marker? {
        let options: [Marker]
        switch marker {
        case .bullet: options = [.bullet(UInt8(ascii: "-")), .bullet(UInt8(ascii: "*")), .bullet(UInt8(ascii: "+"))]
        case .ordered: options = [.ordered(UInt8(ascii: ".")), .ordered(UInt8(ascii: ")"))]
        }
        return options.first { !avoiding.contains($0) && $0 != marker }
    }

    /// The marker of a list item line that starts at the left margin.
    static func marker(of line: Substring) -> Marker? {
        let bytes = Array(line.utf8.prefix(12))
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return bytes.count == 1 || bytes[1] == 0x20 || bytes[1] == 0x09 ? .bullet(first) : nil
        }
        var index = 0
        while index < bytes.count, index < 9, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        guard index > 0, index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
        else { return nil }
        return index + 1 == bytes.count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09
            ? .ordered(bytes[index]) : nil
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    private static func atMargin(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        return first != " " && first != "\t"
    }

    static func leadingMarker(_ text: String) -> Marker? {
        let end = text.utf8.firstIndex(of: 0x0A) ?? text.endIndex
        return marker(of: text[..<end])
    }

    /// The marker of the list a block ends with: the last line at the left
    /// margin must be an item. Reads lines from the end: blocks are whole
    /// agents, and only their last lines matter.
    static func trailingMarker(_ text: String) -> Marker? {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while true {
            let start = utf8[..<end].lastIndex(of: 0x0A).map { utf8.index(after: $0) } ?? utf8.startIndex
            let line = text[start..<end]
            if atMargin(line) { return marker(of: line) }
            guard start > utf8.startIndex else { return nil }
            end = utf8.index(before: start)
        }
    }

    /// Changes the markers of the block's first (or last) list.
    private static func rewrite(_ text: String, leading: Bool, to replacement: Marker) -> String {
        var all = lines(text)
        let indices: [Int]
        if leading {
            let end = all.firstIndex { atMargin($0) && marker(of: $0) == nil } ?? all.count
            indices = Array(0..<end)
        } else {
            let start = (all.lastIndex { atMargin($0) && marker(of: $0) == nil } ?? -1) + 1
            indices = Array(start..<all.count)
        }
        for index in indices where atMargin(all[index]) {
            guard let current = marker(of: all[index]) else { continue }
            var bytes = Array(all[index].utf8)
            switch (current, replacement) {
            case (.bullet, .bullet(let char)):
                bytes[0] = char
            case (.ordered(let old), .ordered(let char)):
                if let position = bytes.firstIndex(of: old) { bytes[position] = char }
            default:
                continue
            }
            all[index] = Substring(String(decoding: bytes, as: UTF8.self))
        }
        return all.joined(separator: "\n")
    }
}
