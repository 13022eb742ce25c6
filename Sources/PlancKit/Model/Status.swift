/// The normalised statuses of a report. Markers and words map onto these.
public enum Status: String, Sendable, CaseIterable, Hashable {
    case done, inProgress, pending, running, blocked, waiting, failed, decision, info
}

/// A status as written: an optional marker (`🟢`, `[x]`), optional words
/// (`RUNNING`, `Task 1 in progress`) and what each of them means.
public struct StatusValue: Sendable, Hashable {
    /// The whole value as written, mojibake repaired.
    public var text: String
    /// The leading marker, if any: an emoji or a `[x]` / `[ ]` box.
    public var marker: String?
    /// What the marker means; nil for a marker planc does not know.
    public var markerStatus: Status?
    /// The text after the marker.
    public var words: String
    /// What the words mean, when they name a status.
    public var wordStatus: Status?
    public var range: SourceRange

    public init(text: String, marker: String?, markerStatus: Status?, words: String,
                wordStatus: Status?, range: SourceRange) {
        self.text = text
        self.marker = marker
        self.markerStatus = markerStatus
        self.words = words
        self.wordStatus = wordStatus
        self.range = range
    }

    /// The status the value stands for: the marker's, else the words'. An
    /// empty box gives way to words (`[ ] Search (IN PROGRESS)`).
    public var status: Status? {
        if marker == "[ ]", let wordStatus { return wordStatus }
        return markerStatus ?? wordStatus
    }

    /// A marker in marker position that planc does not know.
    public var hasUnknownMarker: Bool { marker != nil && markerStatus == nil }

    /// A marker and words that say different things (`✅ PENDING`).
    public var isContradictory: Bool {
        guard let markerStatus, let wordStatus else { return false }
        // An empty box says "not done": words naming any status but done agree.
        if marker == "[ ]" { return wordStatus == .done }
        return markerStatus != wordStatus
    }
}
