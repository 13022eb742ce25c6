/// How many single-character edits turn one word into another, for
/// telling a typo (`rate-limitng`) from a different name.
enum EditDistance {
    /// Whether `a` and `b` are at most `limit` edits apart.
    static func atMost(_ limit: Int, _ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard abs(a.count - b.count) <= limit else { return false }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var best = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                       previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = Swift.min(best, current[j])
            }
            if best > limit { return false }
            previous = current
        }
        return previous[b.count] <= limit
    }
}
