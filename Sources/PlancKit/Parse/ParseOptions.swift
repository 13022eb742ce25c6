/// Settings that change how a report is read.
public struct ParseOptions: Sendable, Hashable {
    /// Hours in a day of effort (`2d`).
    public var hoursPerDay: Double
    /// The team's own words for statuses and priorities.
    public var vocabulary: Vocabulary

    public init(hoursPerDay: Double = 8, vocabulary: Vocabulary = Vocabulary()) {
        self.hoursPerDay = hoursPerDay
        self.vocabulary = vocabulary
    }
}
