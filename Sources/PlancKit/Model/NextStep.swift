/// `2. 🤔 **Decide if ...** text` with options nested under it.
public struct NextStep: Sendable, Hashable {
    public var number: Int
    /// The item's marker as written.
    public var listMarker: ListMarker = .ordered
    /// Whether the item is the first of its list (lists stay apart).
    public var startsList: Bool = false
    public var status: StatusValue?
    public var title: String?
    /// Text after the title (or the whole text when there is no bold title).
    public var text: String
    public var continuation: [String] = []
    public var options: [Option] = []
    /// Markdown in the item that is not an option list.
    public var children: [RawMarkdown] = []
    public var range: SourceRange

    /// `Option A: Wait for Phase 1 completion, ...`.
    public struct Option: Sendable, Hashable {
        /// The option as written.
        public var text: String
        /// `Option A` when the text starts with such a label.
        public var label: String?
        /// The text after the label.
        public var detail: String
        public var continuation: [String] = []
        public var children: RawMarkdown?
        public var range: SourceRange
    }
}

/// An item of the Questions section.
public struct Question: Sendable, Hashable {
    public var number: Int
    /// The item's marker as written.
    public var listMarker: ListMarker = .ordered
    /// Whether the item is the first of its list (lists stay apart).
    public var startsList: Bool = false
    public var text: String
    public var continuation: [String] = []
    public var children: [RawMarkdown] = []
    public var range: SourceRange
}
