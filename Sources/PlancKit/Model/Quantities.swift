/// A value read from the report: the text as written, what planc made of it
/// (nil when it could not be read) and where it stands.
public struct Parsed<Value: Sendable & Hashable>: Sendable, Hashable {
    public var text: String
    public var value: Value?
    public var range: SourceRange

    public init(text: String, value: Value?, range: SourceRange) {
        self.text = text
        self.value = value
        self.range = range
    }
}

/// A string with the place it came from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var range: SourceRange

    public init(_ value: Value, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A calendar date, validated (no 2025-02-30).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601: `2025-12-11`.
    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A date and time of day. Reports write times without a zone (`Started`)
/// or with `UTC` (`Last Updated`); planc reads both as UTC.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CalendarDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init?(date: CalendarDate, hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// RFC 3339 in UTC: `2025-12-11T16:37:00Z`.
    public var description: String {
        "\(date)T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + "Z"
    }

    public static func < (lhs: DateTime, rhs: DateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute, lhs.second) < (rhs.date, rhs.hour, rhs.minute, rhs.second)
    }
}

/// Work in hours: `4h`, `1.5 hours`, `30m`, `2d` (days of `hoursPerDay`).
public struct Effort: Sendable, Hashable {
    /// Hours; for a range (`4-6h`), its upper end.
    public var hours: Double
    /// The lower end of a range; equal to `hours` for a single value.
    public var minHours: Double

    public init(hours: Double, minHours: Double? = nil) {
        self.hours = hours
        self.minHours = minHours ?? hours
    }
}

/// A phase's planned length: `1-2 days`, `1 week`, `4h`. A range keeps both
/// ends; a single value has `min == max`.
public struct Duration: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable {
        case minutes, hours, days, weeks, months
    }

    public var min: Double
    public var max: Double
    public var unit: Unit

    public init(min: Double, max: Double, unit: Unit) {
        self.min = min
        self.max = max
        self.unit = unit
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
