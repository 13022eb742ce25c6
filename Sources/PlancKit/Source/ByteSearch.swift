extension StringProtocol {
    /// Whether `needle`'s UTF-8 bytes occur in the text.
    ///
    /// For planc's ASCII keywords (`phase`, `jetstream`, `://`). The
    /// standard `contains(_:)` goes through the generic string searcher,
    /// whose first use alone was a visible part of planc's start-up on a
    /// small report, and which compares by characters, which no keyword needs.
    func includes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard let first = pattern.first else { return true }
            let haystack = self.utf8
            guard haystack.count >= pattern.count else { return false }
            var index = haystack.startIndex
            while let start = haystack[index...].firstIndex(of: first) {
                var matched = true
                var position = start
                for byte in pattern {
                    guard position != haystack.endIndex, haystack[position] == byte else {
                        matched = false
                        break
                    }
                    position = haystack.index(after: position)
                }
                if matched { return true }
                index = haystack.index(after: start)
            }
            return false
        }
    }
}
