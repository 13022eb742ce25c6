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
        ("IN PROGRESS", .inProgress), ("ACTIVE", .inProgress), ("WIP", .inProgress),
        ("PENDING", .pending), ("NOT STARTED", .pending), ("TODO", .pending), ("TO DO", .pending),
        ("QUEUED", .pending),
        ("RUNNING", .running), ("HEALTHY", .running), ("UP", .running), ("ONLINE", .running),
        ("BLOCKED", .blocked), ("STUCK", .blocked),
        ("FAILED", .failed), ("DOWN", .failed), ("ERROR", .failed),
        ("WAITING", .waiting), ("SCHEDULED", .waiting),
        ("DECIDE", .decision), ("DECISION NEEDED", .decision),
    ]

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
        let bare = String(String.UnicodeScalarView(marker.unicodeScalars.filter { $0.value != 0xFE0F }))
        return markers.first { $0.marker == bare }?.status
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
        let whole = normalise(text)
        if whole.isEmpty { return nil }
        if let exact = exactStatus(whole) { return exact }
        if let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if let exact = exactStatus(normalise(String(inner))) { return exact }
        }
        let original = tokens(text)
        let upper = original.map { $0.uppercased() }
        var best: (position: Int, length: Int, status: Status)?
        for (phrase, status) in words {
            let phraseTokens = phrase.split(separator: " ").map(String.init)
            guard phraseTokens.count <= upper.count else { continue }
            for start in 0...(upper.count - phraseTokens.count)
            where Array(upper[start..<(start + phraseTokens.count)]) == phraseTokens {
                // One word alone counts only when written in capitals:
                // "set up Redis" is not a status, "Redis UP" is.
                if phraseTokens.count == 1 && original[start] != upper[start] { continue }
                let better = best.map { start < $0.position || (start == $0.position && phraseTokens.count > $0.length) } ?? true
                if better { best = (start, phraseTokens.count, status) }
            }
        }
        return best?.status
    }

    private static func exactStatus(_ normalised: String) -> Status? {
        words.first { $0.phrase == normalised }?.status
    }

    private static func tokens(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Upper case, words separated by single spaces, punctuation dropped.
    static func normalise(_ text: String) -> String {
        tokens(text).map { $0.uppercased() }.joined(separator: " ")
    }
}
