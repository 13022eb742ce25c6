/// Settings that change how a report is read.
public struct ParseOptions: Sendable, Hashable {
    /// Hours in a day of effort (`2d`).
    public var hoursPerDay: Double

    public init(hoursPerDay: Double = 8) {
        self.hoursPerDay = hoursPerDay
    }
}
