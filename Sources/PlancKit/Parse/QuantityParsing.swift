/// Reading efforts, durations, dates and sizes out of report text.
public enum QuantityParsing {
    /// `4h`, `4 h`, `4 hours`, `1.5h`, `30m`, `2d`, `1w`, `2,502h`; a range
    /// `4-6h` (its upper end, the lower kept); a size word before it in
    /// parentheses, `Medium (1.5 weeks)`: hours, or nil. A day is
    /// `hoursPerDay` hours and a week five days.
    public static func effort(_ text: String, hoursPerDay: Double = 8) -> Effort? {
        var text = Substring(text)
        if text.last == ")", let open = text.lastIndex(of: "("),
           text[text.index(after: open)...].contains(where: { $0.isNumber }) {
            text = text[text.index(after: open)..<text.index(before: text.endIndex)]
        }
        var scanner = TextScanner(String(text))
        scanner.skip { $0 == " " || $0 == "~" }
        guard let amount = scanner.number(thousands: true) else { return nil }
        scanner.skip { $0 == " " }
        var low = amount
        var high = amount
        if scanner.consume("-") || scanner.consume("–") || scanner.consume("to ") {
            scanner.skip { $0 == " " }
            guard let value = scanner.number(thousands: true), value >= amount else { return nil }
            high = value
            scanner.skip { $0 == " " }
        }
        func hours(per unit: String) -> Double? {
            switch unit {
            case "h", "hr", "hrs", "hour", "hours": return 1
            case "m", "min", "mins", "minute", "minutes": return 1.0 / 60
            case "d", "day", "days": return hoursPerDay
            case "w", "wk", "wks", "week", "weeks": return hoursPerDay * 5
            default: return nil
            }
        }
        guard let perUnit = hours(per: scanner.word().lowercased()) else { return nil }
        low *= perUnit
        high *= perUnit
        // `1h30m`, `1h 30m`: a smaller part after a single value.
        scanner.skip { $0 == " " }
        if low == high, let more = scanner.number() {
            // `1h30m`, `1h 30m`; `1h30` is an hour and thirty minutes.
            let word = scanner.word().lowercased()
            let unit = word.isEmpty && perUnit == 1 ? 1.0 / 60 : hours(per: word)
            guard let unit, unit < perUnit else { return nil }
            low += more * unit
            high = low
        }
        scanner.skip { $0 == " " || $0 == "." }
        guard scanner.isAtEnd else { return nil }
        return Effort(hours: high, minHours: low)
    }

    /// `1-2 days`, `3–5 days`, `1 week`, `2 weeks`, `4h`.
    public static func duration(_ text: String) -> Duration? {
        var scanner = TextScanner(text)
        scanner.skip { $0 == " " || $0 == "~" }
        guard let low = scanner.number() else { return nil }
        scanner.skip { $0 == " " }
        var high = low
        if scanner.consume("-") || scanner.consume("–") || scanner.consume("to ") {
            scanner.skip { $0 == " " }
            guard let value = scanner.number(), value >= low else { return nil }
            high = value
            scanner.skip { $0 == " " }
        }
        let unitWord = scanner.word().lowercased()
        scanner.skip { $0 == " " || $0 == "." }
        guard scanner.isAtEnd else { return nil }
        let unit: Duration.Unit
        switch unitWord {
        case "m", "min", "mins", "minute", "minutes": unit = .minutes
        case "h", "hr", "hrs", "hour", "hours": unit = .hours
        case "d", "day", "days": unit = .days
        case "w", "wk", "wks", "week", "weeks": unit = .weeks
        case "month", "months": unit = .months
        default: return nil
        }
        return Duration(min: low, max: high, unit: unit)
    }

    /// `2025-12-11`.
    public static func date(_ text: String) -> CalendarDate? {
        var scanner = TextScanner(text)
        guard let date = scanner.date(), scanner.isAtEnd else { return nil }
        return date
    }

    /// Whether text has the shape of a date (`dddd-dd-dd`), valid or not.
    public static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        for (index, byte) in bytes.enumerated() {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if index == 4 || index == 7 { if byte != 0x2D { return false } } else if !isDigit { return false }
        }
        return true
    }

    /// `2025-12-11 16:37`, `2025-12-11 16:37 UTC`, `2025-12-11T16:37:05Z`.
    public static func dateTime(_ text: String) -> DateTime? {
        var scanner = TextScanner(text)
        guard let date = scanner.date() else { return nil }
        // A date alone is the start of that day.
        if scanner.isAtEnd { return DateTime(date: date, hour: 0, minute: 0, second: 0) }
        guard scanner.consume(" ") || scanner.consume("T") else { return nil }
        scanner.skip { $0 == " " }
        guard let hour = scanner.integer(maxDigits: 2), scanner.consume(":"),
              let minute = scanner.integer(exactDigits: 2) else { return nil }
        var second = 0
        if scanner.consume(":") {
            guard let value = scanner.integer(exactDigits: 2) else { return nil }
            second = value
        }
        scanner.skip { $0 == " " }
        if !scanner.consume("UTC") && !scanner.consume("Z") { _ = scanner.consume("GMT") }
        guard scanner.isAtEnd else { return nil }
        return DateTime(date: date, hour: hour, minute: minute, second: second)
    }

    /// A memory size as Redis reads `maxmemory`: a plain number of bytes, or
    /// with `k`/`m`/`g` (powers of 1000) or `kb`/`mb`/`gb` (powers of 1024),
    /// any case. Nil when Redis would refuse it.
    public static func redisMemory(_ text: String) -> Int64? {
        let trimmed = text.filter { $0 != " " }.lowercased()
        var digits = Substring(trimmed)
        var multiplier: Int64 = 1
        for (suffix, value) in [("gb", Int64(1) << 30), ("mb", Int64(1) << 20), ("kb", Int64(1) << 10),
                                ("g", Int64(1_000_000_000)), ("m", Int64(1_000_000)), ("k", Int64(1000)),
                                ("b", Int64(1))] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            multiplier = value
            break
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
              let amount = Int64(digits) else { return nil }
        let (product, overflow) = amount.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }
}

/// A small cursor over a string's characters for the readers above.
struct TextScanner {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) { characters = Array(text) }

    var isAtEnd: Bool { position >= characters.count }

    mutating func skip(while predicate: (Character) -> Bool) {
        while position < characters.count && predicate(characters[position]) { position += 1 }
    }

    mutating func consume(_ literal: String) -> Bool {
        let wanted = Array(literal)
        guard position + wanted.count <= characters.count,
              Array(characters[position..<(position + wanted.count)]) == wanted else { return false }
        position += wanted.count
        return true
    }

    /// A decimal number: `4`, `1.5`.
    /// A decimal number; with `thousands`, commas between groups of three
    /// digits are read as separators (`2,502`).
    mutating func number(thousands: Bool = false) -> Double? {
        let start = position
        skip { $0.isASCII && $0.isNumber }
        while thousands, position > start, isThousandsGroup(at: position) {
            position += 4
        }
        if position < characters.count, characters[position] == ".",
           position + 1 < characters.count, characters[position + 1].isASCII, characters[position + 1].isNumber {
            position += 1
            skip { $0.isASCII && $0.isNumber }
        }
        guard position > start else { return nil }
        return Double(String(characters[start..<position]).filter { $0 != "," })
    }

    /// `,ddd` at `index`, not followed by a fourth digit.
    private func isThousandsGroup(at index: Int) -> Bool {
        guard index + 3 < characters.count, characters[index] == "," else { return false }
        let digits = characters[(index + 1)...(index + 3)]
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return index + 4 >= characters.count || !(characters[index + 4].isASCII && characters[index + 4].isNumber)
    }

    mutating func integer(maxDigits: Int = 9) -> Int? {
        let start = position
        while position < characters.count, position - start < maxDigits,
              characters[position].isASCII, characters[position].isNumber { position += 1 }
        guard position > start else { return nil }
        return Int(String(characters[start..<position]))
    }

    mutating func integer(exactDigits: Int) -> Int? {
        let start = position
        guard let value = integer(maxDigits: exactDigits), position - start == exactDigits else {
            position = start
            return nil
        }
        return value
    }

    mutating func word() -> String {
        let start = position
        skip { $0.isLetter }
        return String(characters[start..<position])
    }

    mutating func date() -> CalendarDate? {
        let start = position
        guard let year = integer(exactDigits: 4), consume("-"),
              let month = integer(exactDigits: 2), consume("-"),
              let day = integer(exactDigits: 2),
              let date = CalendarDate(year: year, month: month, day: day) else {
            position = start
            return nil
        }
        return date
    }
}

/// Kebab-case identifiers for tasks and agents.
public enum Slug {
    /// `Test fixes (41 tests)` → `test-fixes`, `N+1 optimization` → `n-1-optimization`.
    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
        var result = ""
        var depth = 0
        var pendingDash = false
        for character in text {
            if character == "(" { depth += 1; pendingDash = true; continue }
            if character == ")" { depth = max(depth - 1, 0); pendingDash = true; continue }
            if depth > 0 { continue }
            if character.isLetter || character.isNumber {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(contentsOf: character.lowercased())
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// The same, on bytes: no Unicode tables needed for ASCII titles.
    private static func makeASCII(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var depth = 0
        var pendingDash = false
        for byte in text.utf8 {
            if byte == 0x28 { depth += 1; pendingDash = true; continue }
            if byte == 0x29 { depth = max(depth - 1, 0); pendingDash = true; continue }
            if depth > 0 { continue }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingDash && !result.isEmpty { result.append(0x2D) }
                pendingDash = false
                result.append(lower)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// An agent's slug: its name in kebab case, a trailing `-agent` dropped.
    public static func agent(_ name: String) -> String {
        let slug = make(name)
        if slug.hasSuffix("-agent") { return String(slug.dropLast("-agent".count)) }
        return slug
    }
}
