/// Applies the fixes of diagnostics to a file's bytes. Edits are applied
/// from the end of the file backwards so earlier offsets stay valid; an
/// edit that overlaps one already taken is left for the next run.
public enum Fixer {
    public static func apply(_ diagnostics: [Diagnostic], to bytes: [UInt8]) -> (bytes: [UInt8], applied: Int) {
        let edits = diagnostics.compactMap(\.fix).flatMap(\.edits).sorted { $0.offset > $1.offset }
        var output = bytes
        var applied = 0
        var lowestTouched = Int.max
        for edit in edits where edit.offset + edit.length <= lowestTouched && edit.offset >= 0
            && edit.offset + edit.length <= output.count {
            output.replaceSubrange(edit.offset..<(edit.offset + edit.length), with: Array(edit.replacement.utf8))
            lowestTouched = edit.offset
            applied += 1
        }
        return (output, applied)
    }
}
