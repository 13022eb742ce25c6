/// The vocabulary of statuses: markers and the words that mean the same.
public enum StatusWords {
    /// Markers by status. Variation selectors are ignored when matching.
    public static let markers: [(marker: String, status: Status)] = [
        ("✅", .done), ("☑", .done), ("[x]", .done), ("[X]", .done),
        ("🟡", .inProgress), ("🟠", .inProgress), ("🔄", .inProgress),
        ("⚪", .pending), ("⬜", .pending), ("[ ]", .pending),
        ("🟢", .running),
        ("🔴", .blocked), ("⛔", .blocked), ("🚫", .blocked),
        ("❌", .failed),
        ("⏳", .waiting),
        ("🤔", .decision), ("❓", .decision),
        ("📊", .info), ("🚀", .info), ("📝", .info), ("ℹ", .info),
    ]

    /// Words by status, upper case, single spaces.
    public static let words: [(phrase: String, status: Status)] = [
        ("DONE", .done), ("COMPLETE", .done), ("COMPLETED", .done), ("READY", .done), ("FIXED", .done),
        ("FINISHED", .done), ("SHIPPED", .done), ("MERGED", .done), ("RESOLVED", .done), ("CLOSED", .done),
        ("IN PROGRESS", .inProgress), ("ACTIVE", .inProgress), ("WIP", .inProgress), ("STARTED", .inProgress),
        ("IN REVIEW", .inProgress), ("ONGOING", .inProgress), ("WORKING", .inProgress),
        ("PENDING", .pending), ("NOT STARTED", .pending), ("TODO", .pending), ("TO DO", .pending),
        ("QUEUED", .pending), ("PLANNED", .pending), ("OPEN", .pending), ("BACKLOG", .pending),
        ("RUNNING", .running), ("HEALTHY", .running), ("UP", .running), ("ONLINE", .running),
        ("BLOCKED", .blocked), ("STUCK", .blocked), ("BLOCKER", .blocked), ("STALLED", .blocked),
        ("FAILED", .failed), ("DOWN", .failed), ("ERROR", .failed), ("OFFLINE", .failed), ("CRASHED", .failed),
        ("WAITING", .waiting), ("SCHEDULED", .waiting), ("PAUSED", .waiting), ("ON HOLD", .waiting),
        ("IDLE", .waiting), ("DEFERRED", .waiting),
        ("DECIDE", .decision), ("DECISION NEEDED", .decision),
    ]

    /// The status a text names when it is exactly one of planc's phrases,
    /// in any case and spacing (`In progress`); nil otherwise.
    public static func ownPhrase(_ text: String) -> Status? {
        let words = Vocabulary.normalised(text)
        return Self.words.first { $0.phrase == words }?.status
    }

    /// The canonical marker and words planc writes for a status.
    public static func canonical(_ status: Status) -> (marker: String, words: String) {
        switch status {
        case .done: return ("✅", "DONE")
        case .inProgress: return ("🟡", "IN PROGRESS")
        case .pending: return ("⚪", "PENDING")
        case .running: return ("🟢", "RUNNING")
        case .blocked: return ("🔴", "BLOCKED")
        case .waiting: return ("⏳", "WAITING")
        case .failed: return ("❌", "FAILED")
        case .decision: return ("🤔", "DECISION NEEDED")
        case .info: return ("📝", "")
        }
    }

    /// The status a marker stands for, or nil for an unknown marker.
    public static func status(ofMarker marker: String) -> Status? {
        let bare = marker.unicodeScalars.lazy.filter { $0.value != 0xFE0F }
        return markers.first { $0.marker.unicodeScalars.elementsEqual(bare) }?.status
    }

    /// Whether a character stands in marker position as an emoji.
    public static func isEmojiMarker(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        let properties = first.properties
        if first.value < 0x2000 { return false }
        return properties.isEmojiPresentation || (properties.isEmoji && first.value >= 0x2100)
    }

    /// The status that words name: the whole text, a trailing parenthesis
    /// (`(IN PROGRESS)`), an upper-case word within (`Phase 2 BLOCKED`) or
    /// a phrase of several words in any case (`Task 1 in progress`).
    public static func status(ofWords text: String) -> Status? {
        var text = text
        // Struck-out words (`~~DONE~~ IN PROGRESS`) say what no longer holds.
        if text.utf8.contains(0x7E), text.includes("~~") { text = withoutStrikethrough(text) }
        // Every task and progress line comes through here: ASCII text, the
        // common case, is matched on its bytes without making a String per word.
        let ascii = text.withUTF8 { bytes -> Status?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            return .some(ASCIIWords(bytes).status())
        }
        if let ascii { return ascii }
        return unicodeStatus(ofWords: text)
    }

    /// The text without `~~struck-out~~` spans.
    static func withoutStrikethrough(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "~~") {
            result += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "~~") else { return result + rest[open.lowerBound...] }
            rest = after[close.upperBound...]
        }
        return result + rest
    }

    /// The same rules over words of any script.
    static func unicodeStatus(ofWords text: String) -> Status? {
        let original = tokens(text)
        if original.isEmpty { return nil }
        let upper = original.map { $0.uppercased() }
        if let exact = exactStatus(upper) { return exact }
        if let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if let exact = exactStatus(tokens(String(inner)).map { $0.uppercased() }) { return exact }
        }
        var best: (position: Int, length: Int, status: Status)?
        for (phraseTokens, status) in phraseTable where phraseTokens.count <= upper.count {
            for start in 0...(upper.count - phraseTokens.count) {
                guard upper[start] == phraseTokens[0],
                      phraseTokens.indices.allSatisfy({ upper[start + $0] == phraseTokens[$0] }) else { continue }
                // One word alone counts only when written in capitals:
                // "set up Redis" is not a status, "Redis UP" is.
                if phraseTokens.count == 1 && original[start] != upper[start] { continue }
                let better = best.map { start < $0.position || (start == $0.position && phraseTokens.count > $0.length) } ?? true
                if better { best = (start, phraseTokens.count, status) }
            }
        }
        return best?.status
    }

    /// ASCII text as runs of letters and digits, kept as offsets.
    private struct ASCIIWords {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Start and end offsets of each word, alternating.
        var bounds: [Int] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var start = -1
            for (offset, byte) in bytes.enumerated() {
                let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                if isWordByte {
                    if start < 0 { start = offset }
                } else if start >= 0 {
                    bounds.append(start)
                    bounds.append(offset)
                    start = -1
                }
            }
            if start >= 0 {
                bounds.append(start)
                bounds.append(bytes.count)
            }
        }

        var count: Int { bounds.count / 2 }

        /// Whether word `index`, in upper case, is `phraseWord`.
        func word(_ index: Int, is phraseWord: [UInt8]) -> Bool {
            let start = bounds[2 * index]
            guard bounds[2 * index + 1] - start == phraseWord.count else { return false }
            for (offset, expected) in phraseWord.enumerated() {
                let byte = bytes[start + offset]
                if (byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte) != expected { return false }
            }
            return true
        }

        func isCapitalized(_ index: Int) -> Bool {
            !bytes[bounds[2 * index]..<bounds[2 * index + 1]].contains { $0 >= 0x61 && $0 <= 0x7A }
        }

        /// The phrase that words `range` spell exactly.
        func exact(_ range: Range<Int>) -> Status? {
            asciiPhraseTable.first { phrase in
                phrase.words.count == range.count
                    && phrase.words.indices.allSatisfy { word(range.lowerBound + $0, is: phrase.words[$0]) }
            }?.status
        }

        func status() -> Status? {
            if count == 0 { return nil }
            if let exact = exact(0..<count) { return exact }
            if bytes.last == UInt8(ascii: ")"), let open = bytes.lastIndex(of: UInt8(ascii: "(")) {
                let inside = (0..<count).filter { bounds[2 * $0] > open }
                if let first = inside.first, let exact = exact(first..<(first + inside.count)) { return exact }
            }
            var best: (position: Int, length: Int, status: Status)?
            for (words, status) in asciiPhraseTable where words.count <= count {
                for start in 0...(count - words.count) {
                    guard words.indices.allSatisfy({ word(start + $0, is: words[$0]) }) else { continue }
                    // One word alone counts only when written in capitals:
                    // "set up Redis" is not a status, "Redis UP" is.
                    if words.count == 1 && !isCapitalized(start) { continue }
                    let better = best.map { start < $0.position || (start == $0.position && words.count > $0.length) } ?? true
                    if better { best = (start, words.count, status) }
                }
            }
            return best?.status
        }
    }

    /// The table's phrases as upper-case ASCII words.
    private static let asciiPhraseTable: [(words: [[UInt8]], status: Status)] =
        phraseTable.map { (phrase) in (phrase.tokens.map { Array($0.utf8) }, phrase.status) }

    /// The table's phrases split into words once.
    private static let phraseTable: [(tokens: [String], status: Status)] =
        words.map { (tokens($0.phrase), $0.status) }

    private static func exactStatus(_ upperTokens: [String]) -> Status? {
        phraseTable.first { $0.tokens == upperTokens }?.status
    }

    /// Runs of letters and digits. ASCII text, the common case, is split on
    /// bytes without consulting Unicode tables.
    private static func tokens(_ text: String) -> [String] {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var result: [String] = []
            var current: [UInt8] = []
            for byte in utf8 {
                let isWordByte = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                if isWordByte {
                    current.append(byte)
                } else if !current.isEmpty {
                    result.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
            return result
        }
        return text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

}
