/// A team's own words for statuses and priorities (`.planc.yml`
/// `vocabulary:`), read beside planc's built-in words: `EN COURS` for in
/// progress, `HAUTE` for high.
public struct Vocabulary: Sendable, Hashable {
    /// Phrases in upper case with single spaces, and what they mean.
    public private(set) var statuses: [String: Status] = [:]
    public private(set) var priorities: [String: PlanTask.Priority] = [:]

    public init() {}

    public var isEmpty: Bool { statuses.isEmpty && priorities.isEmpty }

    /// What a configured word means, if it is a status or a priority name.
    public enum Meaning: Sendable, Hashable {
        case status(Status)
        case priority(PlanTask.Priority)

        /// `inProgress`, `in progress`, `high`... in any case.
        public init?(name: String) {
            let compact = name.lowercased().filter { $0.isLetter }
            if let status = Status.allCases.first(where: { $0.rawValue.lowercased() == compact }), status != .info {
                self = .status(status)
            } else if let priority = PlanTask.Priority(rawValue: name.uppercased().trimmingSpaces()) {
                self = .priority(priority)
            } else {
                return nil
            }
        }
    }

    public mutating func add(_ phrase: String, _ meaning: Meaning) {
        let key = Self.normalised(phrase)
        switch meaning {
        case .status(let status): statuses[key] = status
        case .priority(let priority): priorities[key] = priority
        }
    }

    /// The status words name: the whole text, a trailing parenthesis, or a
    /// phrase of the vocabulary standing as whole words in it.
    public func status(ofWords text: String) -> Status? {
        guard !statuses.isEmpty else { return nil }
        let words = Self.normalised(text)
        if let exact = statuses[words] { return exact }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inner = Self.normalised(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            if let exact = statuses[inner] { return exact }
        }
        let padded = " " + words + " "
        return statuses.first { padded.includes(" " + $0.key + " ") }?.value
    }

    public func priority(of text: String) -> PlanTask.Priority? {
        priorities[Self.normalised(text)]
    }

    /// Upper case, words of letters and digits joined by single spaces.
    static func normalised(_ text: String) -> String {
        text.uppercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }
}

extension PlanParser {
    /// A status as written, its words read with planc's words and then the
    /// team's vocabulary.
    func statusValue(_ whole: LineSlice) -> StatusValue? {
        statusValue(whole, marker: source.leadingMarker(whole))
    }

    func statusValue(_ whole: LineSlice, marker: (marker: String, slice: LineSlice, rest: LineSlice)?) -> StatusValue? {
        guard var value = source.statusValue(whole, marker: marker) else { return nil }
        if value.wordStatus == nil, !options.vocabulary.isEmpty {
            value.wordStatus = options.vocabulary.status(ofWords: value.words)
        }
        return value
    }

    /// A value that is a status by its place (a Status key, a Status
    /// column): its first word names the status in any case, with the rest
    /// as detail (`Blocked on creds`, `Running (since 09:00)`).
    func fieldStatus(_ whole: LineSlice) -> StatusValue? {
        guard var value = statusValue(whole) else { return nil }
        // A marker after the words: `Terminé ✅`.
        if value.marker == nil, let space = source.findLast(" ", in: source.trimmed(whole)) {
            let last = source.trimmed(whole.from(space))
            if let marker = source.leadingMarker(last), marker.rest.isEmpty, let status = StatusWords.status(ofMarker: marker.marker) {
                value.marker = marker.marker
                value.markerStatus = status
                value.words = source.text(source.trimmed(source.trimmed(whole).upTo(space)))
                value.wordStatus = wordStatus(of: value.words)
            }
        }
        if value.wordStatus == nil, let first = value.words.split(whereSeparator: { !$0.isLetter }).first {
            value.wordStatus = StatusWords.status(ofWords: String(first).uppercased())
                ?? options.vocabulary.status(ofWords: String(first))
        }
        return value
    }

    func wordStatus(of text: String) -> Status? {
        StatusWords.status(ofWords: text) ?? options.vocabulary.status(ofWords: text)
    }

    func priority(of text: String) -> PlanTask.Priority? {
        PriorityWords.priority(of: text) ?? options.vocabulary.priority(of: text)
    }
}
