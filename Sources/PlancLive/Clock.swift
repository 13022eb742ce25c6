#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlancKit

/// Time for live state: RFC 3339 UTC strings in entries, seconds since the
/// epoch for comparing them. `PLANC_NOW` (RFC 3339) fixes "now", so that a
/// heartbeat's age is reproducible in tests and demonstrations.
public enum Clock {
    public static func now() -> Double {
        if let fixed = getenv("PLANC_NOW").map({ String(cString: $0) }), let seconds = seconds(fixed) {
            return seconds
        }
        return clock(CLOCK_REALTIME)
    }

    /// Seconds on a clock that only goes forward, for deadlines.
    public static func monotonic() -> Double {
        clock(CLOCK_MONOTONIC)
    }

    private static func clock(_ id: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(id, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    public static func sleep(_ seconds: Double) {
        guard seconds > 0 else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    /// `2025-12-11T16:37:05Z` (also read: `2025-12-11 16:37 UTC`).
    public static func seconds(_ text: String) -> Double? {
        QuantityParsing.dateTime(text).map(seconds)
    }

    public static func seconds(_ time: DateTime) -> Double {
        Double(daysFromCivil(time.date) * 86_400 + time.hour * 3600 + time.minute * 60 + time.second)
    }

    public static func rfc3339(_ seconds: Double) -> String {
        dateTime(seconds).description
    }

    public static func dateTime(_ seconds: Double) -> DateTime {
        let whole = Int(seconds.rounded(.down))
        let days = Int((Double(whole) / 86_400).rounded(.down))
        let rest = whole - days * 86_400
        let (year, month, day) = civilFromDays(days)
        return DateTime(date: CalendarDate(year: year, month: month, day: day)!,
                        hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)!
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ date: CalendarDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (date.month + 9) % 12
        let doy = (153 * mp + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
