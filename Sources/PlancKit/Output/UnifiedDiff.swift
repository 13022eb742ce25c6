/// Unified diffs of two texts, line by line (Myers' algorithm), in the
/// format `patch` and `git apply` read.
public enum UnifiedDiff {
    /// Above this many edits the middle of the files is shown as one
    /// replaced block rather than searched for the shortest script: the
    /// search costs memory in the square of the edit count.
    static let maxEdits = 2000

    private enum Edit: Equatable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    private struct Line: Equatable {
        var text: Substring
        var newlineAtEnd: Bool
    }

    /// The diff, or nil when the texts are equal.
    public static func diff(old: String, new: String, oldName: String, newName: String,
                            context: Int = 3) -> String? {
        if old == new { return nil }
        let a = lines(old)
        let b = lines(new)
        let edits = script(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(edits, context: context) {
            output += header(hunk, edits)
            for edit in edits[hunk] {
                switch edit {
                case .equal(let x, _): output += line(" ", a[x])
                case .delete(let x): output += line("-", a[x])
                case .insert(let y): output += line("+", b[y])
                }
            }
        }
        return output
    }

    private static func line(_ prefix: String, _ line: Line) -> String {
        prefix + line.text + "\n" + (line.newlineAtEnd ? "" : "\\ No newline at end of file\n")
    }

    /// Lines split at LF on the bytes: a CRLF line keeps its CR, so that
    /// the diff applies to CRLF files (`"\r\n"` is one Character in Swift,
    /// and splitting Characters at `"\n"` would never split such a file).
    private static func lines(_ text: String) -> [Line] {
        var parts = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        let endsWithNewline = parts.last?.isEmpty == true
        if endsWithNewline { parts.removeLast() }
        return parts.enumerated().map { index, part in
            Line(text: Substring(part), newlineAtEnd: endsWithNewline || index < parts.count - 1)
        }
    }

    /// The edit script from `a` to `b`: common ends first, then Myers on
    /// the middle.
    private static func script(_ a: [Line], _ b: [Line]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var edits = (0..<prefix).map { Edit.equal($0, $0) }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        if let middle = myers(middleA, middleB) {
            edits += middle.map { edit in
                switch edit {
                case .equal(let x, let y): return .equal(x + prefix, y + prefix)
                case .delete(let x): return .delete(x + prefix)
                case .insert(let y): return .insert(y + prefix)
                }
            }
        } else {
            edits += (0..<middleA.count).map { .delete($0 + prefix) }
            edits += (0..<middleB.count).map { .insert($0 + prefix) }
        }
        let shiftA = a.count - suffix
        let shiftB = b.count - suffix
        edits += (0..<suffix).map { .equal(shiftA + $0, shiftB + $0) }
        return edits
    }

    /// Myers' O(ND) search; nil when more than `maxEdits` edits are needed.
    private static func myers(_ a: [Line], _ b: [Line]) -> [Edit]? {
        let n = a.count
        let m = b.count
        if n == 0 { return (0..<m).map { .insert($0) } }
        if m == 0 { return (0..<n).map { .delete($0) } }
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { return backtrack(trace, n: n, m: m, d: d) }
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], n: Int, m: Int, d finalD: Int) -> [Edit] {
        var edits: [Edit] = []
        var x = n
        var y = m
        var d = finalD
        while d > 0 {
            let previous = trace[d]  // V after step d - 1, for k in -d...d
            func at(_ k: Int) -> Int { previous[k + d] }
            let k = x - y
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1; y -= 1
                edits.append(.equal(x, y))
            }
            if x == previousX {
                y -= 1
                edits.append(.insert(y))
            } else {
                x -= 1
                edits.append(.delete(x))
            }
            d -= 1
        }
        while x > 0 && y > 0 {
            x -= 1; y -= 1
            edits.append(.equal(x, y))
        }
        return edits.reversed()
    }

    /// Ranges of the script that make hunks: changes with `context` equal
    /// lines around them, merged where they touch.
    private static func hunks(_ edits: [Edit], context: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, edit) in edits.enumerated() {
            if case .equal = edit { continue }
            let start = max(index - context, 0)
            let end = min(index + context + 1, edits.count)
            if let last = ranges.last, last.upperBound >= start {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                ranges.append(start..<end)
            }
        }
        return ranges
    }

    private static func header(_ hunk: Range<Int>, _ edits: [Edit]) -> String {
        var oldStart: Int?
        var newStart: Int?
        var oldCount = 0
        var newCount = 0
        for edit in edits[hunk] {
            switch edit {
            case .equal(let x, let y):
                oldStart = oldStart ?? x; newStart = newStart ?? y
                oldCount += 1; newCount += 1
            case .delete(let x):
                oldStart = oldStart ?? x; oldCount += 1
            case .insert(let y):
                newStart = newStart ?? y; newCount += 1
            }
        }
        // Where a side has no lines in the hunk, the start is the line
        // before the gap (0 at the top of the file).
        let firstOld = oldStart.map { $0 + 1 } ?? precedingLine(hunk, edits, old: true)
        let firstNew = newStart.map { $0 + 1 } ?? precedingLine(hunk, edits, old: false)
        return "@@ -\(firstOld)\(oldCount == 1 ? "" : ",\(oldCount)") +\(firstNew)\(newCount == 1 ? "" : ",\(newCount)") @@\n"
    }

    private static func precedingLine(_ hunk: Range<Int>, _ edits: [Edit], old: Bool) -> Int {
        for edit in edits[..<hunk.lowerBound].reversed() {
            switch edit {
            case .equal(let x, let y): return (old ? x : y) + 1
            case .delete(let x) where old: return x + 1
            case .insert(let y) where !old: return y + 1
            default: continue
            }
        }
        return 0
    }
}
