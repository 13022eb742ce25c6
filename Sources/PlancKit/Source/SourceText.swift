/// One input file held as bytes with its line index. Everything the parser
/// knows about positions goes through here: cmark reports 1-based lines and
/// byte columns, readers want display columns, and text taken out of the
/// source comes back with mojibake repaired.
public final class SourceText: Sendable {
    /// The name used in messages: the path as given, or `<stdin>`.
    public let name: String
    /// The file's bytes, valid UTF-8, without a byte-order mark.
    public let bytes: [UInt8]
    /// Whether the file started with a UTF-8 byte-order mark (dropped).
    public let hadByteOrderMark: Bool
    /// Byte offsets of each line's first byte and of its end (before the
    /// line terminator); line `n` is at index `n - 1`.
    private let lineStarts: [UInt32]
    private let lineEnds: [UInt32]
    /// Every mojibake run in the file, in order. Code is left as written:
    /// nothing inside code spans, fenced or indented code blocks is a run.
    public let mojibake: [MojibakeRun]
    /// One bit per line, set for the lines that hold mojibake: only their
    /// text needs repairing. Empty when the file holds none.
    private let mojibakeLines: [UInt64]

    public struct MojibakeRun: Sendable, Hashable {
        public var span: ByteSpan
        public var original: String
        public var repaired: String
        /// The encoding the UTF-8 text was read as.
        public var encoding: Mojibake.Encoding
    }

    public init(name: String, bytes: [UInt8], hadByteOrderMark: Bool = false) {
        self.name = name
        self.bytes = bytes
        self.hadByteOrderMark = hadByteOrderMark
        var starts: [UInt32] = [0]
        var ends: [UInt32] = []
        starts.reserveCapacity(bytes.count / 24 + 1)
        ends.reserveCapacity(bytes.count / 24 + 1)
        // Lines that may hold mojibake; most files have none.
        var candidates: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            var lineHasHighBytes = false
            var lineStart = 0
            func finishLine(end: Int) {
                if lineHasHighBytes
                    && Mojibake.mayContainMojibake(UnsafeBufferPointer(rebasing: buffer[lineStart..<end])) {
                    candidates.append(starts.count)
                }
                ends.append(UInt32(end))
            }
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A || byte == 0x0D {
                    finishLine(end: index)
                    if byte == 0x0D && index + 1 < count && buffer[index + 1] == 0x0A { index += 1 }
                    index += 1
                    starts.append(UInt32(index))
                    lineStart = index
                    lineHasHighBytes = false
                    continue
                }
                if byte >= 0x80 { lineHasHighBytes = true }
                index += 1
            }
            finishLine(end: count)
        }
        // A final line terminator does not open another line.
        if starts.count > 1, starts.last == UInt32(bytes.count) {
            starts.removeLast()
            ends.removeLast()
        }
        self.lineStarts = starts
        self.lineEnds = ends
        let runs = candidates.isEmpty ? [] : Self.findMojibake(bytes, starts: starts, ends: ends, candidates: candidates)
        var lines: [UInt64] = runs.isEmpty ? [] : Array(repeating: 0, count: starts.count / 64 + 1)
        for run in runs { lines[run.span.line >> 6] |= 1 << UInt64(run.span.line & 63) }
        self.mojibake = runs
        self.mojibakeLines = lines
    }

    /// The mojibake runs of the candidate lines, reading the file's blocks
    /// up to the last of them to leave code alone.
    private static func findMojibake(_ bytes: [UInt8], starts: [UInt32], ends: [UInt32],
                                     candidates: [Int]) -> [MojibakeRun] {
        var runs: [MojibakeRun] = []
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CodeBlockScanner()
            var next = 0
            for line in 1...candidates[candidates.count - 1] {
                let lineBytes = UnsafeBufferPointer(rebasing: buffer[Int(starts[line - 1])..<Int(ends[line - 1])])
                let isCode = scanner.isCode(lineBytes)
                guard candidates[next] == line else { continue }
                next += 1
                if isCode { continue }
                // The line's text outside its code spans, piece by piece.
                var pieceStart = 0
                for span in CodeSpans.ranges(in: lineBytes) + [lineBytes.count..<lineBytes.count] {
                    if span.lowerBound > pieceStart {
                        let piece = UnsafeBufferPointer(rebasing: lineBytes[pieceStart..<span.lowerBound])
                        for run in Mojibake.repair(piece).runs {
                            runs.append(MojibakeRun(
                                span: ByteSpan(line: line, start: pieceStart + run.start, end: pieceStart + run.end),
                                original: run.original, repaired: run.repaired, encoding: run.encoding))
                        }
                    }
                    pieceStart = span.upperBound
                }
            }
        }
        return runs
    }

    public var lineCount: Int { lineStarts.count }

    /// The byte range of a line's content, terminator excluded.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        return Int(lineStarts[line - 1])..<Int(lineEnds[line - 1])
    }

    /// The byte length of a line's content.
    public func lineLength(_ line: Int) -> Int { lineRange(line).count }

    /// The byte at `offset` of a line, or nil past its end.
    @inline(__always)
    public func byte(line: Int, at offset: Int) -> UInt8? {
        let range = lineRange(line)
        let index = range.lowerBound + offset
        return index < range.upperBound && offset >= 0 ? bytes[index] : nil
    }

    /// A line's text as written, mojibake and all (for quoting in messages).
    public func rawLine(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// Text between two byte offsets of a line, with mojibake repaired.
    public func text(line: Int, from start: Int, to end: Int) -> String {
        let whole = lineRange(line)
        let lower = min(whole.lowerBound + max(start, 0), whole.upperBound)
        let upper = min(max(whole.lowerBound + end, lower), whole.upperBound)
        let range = lower..<upper
        guard line > 0, line >> 6 < mojibakeLines.count, mojibakeLines[line >> 6] & (1 << UInt64(line & 63)) != 0 else {
            return String(decoding: bytes[range], as: UTF8.self)
        }
        // The line's runs: the first found by halving, the others after it.
        var low = 0
        var high = mojibake.count
        while low < high {
            let middle = (low + high) / 2
            if mojibake[middle].span.line < line { low = middle + 1 } else { high = middle }
        }
        // The line's runs, repaired; the rest (code included) as written.
        var pieces: [UInt8] = []
        pieces.reserveCapacity(range.count)
        var cursor = lower
        for run in mojibake[low...] {
            guard run.span.line == line else { break }
            let runStart = whole.lowerBound + run.span.start
            let runEnd = whole.lowerBound + run.span.end
            guard runEnd > lower, runStart < upper else { continue }
            let from = max(runStart, lower)
            let to = min(runEnd, upper)
            pieces += bytes[cursor..<from]
            if from == runStart && to == runEnd {
                pieces += run.repaired.utf8
            } else {
                // Part of a run, as when a marker is looked for in a prefix
                // of its word.
                pieces += Mojibake.repair(bytes[from..<to], as: run.encoding).text.utf8
            }
            cursor = to
        }
        pieces += bytes[cursor..<upper]
        return String(decoding: pieces, as: UTF8.self)
    }

    /// A whole line with mojibake repaired, from byte offset `start`.
    public func text(line: Int, from start: Int = 0) -> String {
        text(line: line, from: start, to: lineLength(line))
    }

    /// The display column (1-based) of a byte offset within a line.
    public func displayColumn(line: Int, byteOffset: Int) -> Int {
        let range = lineRange(line)
        let upper = min(range.lowerBound + max(byteOffset, 0), range.upperBound)
        let overshoot = max(byteOffset - (upper - range.lowerBound), 0)
        var column = 1
        var previousWidth = 0
        var index = range.lowerBound
        // Decodes scalars straight from the bytes (valid UTF-8): most lines
        // are ASCII and cost one comparison per byte.
        while index < upper {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                column += 1
                previousWidth = 1
                index += 1
                continue
            }
            if byte == 0x09 {
                column += DisplayWidth.tabStop - (column - 1) % DisplayWidth.tabStop
                previousWidth = 0
                index += 1
                continue
            }
            let length = max(UTF8Validation.sequenceLength(byte), 1)
            let scalar = UTF8Validation.decode(bytes, at: index, length: min(length, upper - index))
            index += length
            if scalar.value == 0xFE0F && previousWidth == 1 {
                // Emoji presentation widens the narrow symbol before it (☑️).
                column += 1
                previousWidth = 2
                continue
            }
            let width = DisplayWidth.of(scalar)
            column += width
            if width > 0 { previousWidth = width }
        }
        return column + overshoot
    }

    /// A byte span as a display range.
    public func range(_ span: ByteSpan) -> SourceRange {
        SourceRange(line: span.line,
                    column: displayColumn(line: span.line, byteOffset: span.start),
                    endLine: span.endLine,
                    endColumn: displayColumn(line: span.endLine, byteOffset: span.end))
    }

    /// The range of whole lines, from the first byte of `first` to the end
    /// of `last`.
    public func range(lines first: Int, through last: Int) -> SourceRange {
        range(ByteSpan(line: first, start: 0, endLine: last, end: lineLength(last)))
    }

    /// Byte offset of the first non-blank byte of a line at or after `from`.
    public func firstNonBlank(line: Int, from: Int = 0) -> Int {
        var offset = from
        while let byte = byte(line: line, at: offset), byte == 0x20 || byte == 0x09 { offset += 1 }
        return offset
    }

    /// Whether a line holds nothing but spaces and tabs.
    public func isBlank(_ line: Int) -> Bool {
        firstNonBlank(line: line) >= lineLength(line)
    }
}

extension SourceText {
    /// The column in Unicode scalars (1-based) of a display column on a
    /// line, for formats that count characters (SARIF).
    public func scalarColumn(line: Int, displayColumn target: Int) -> Int {
        guard line >= 1, line <= lineCount else { return target }
        let text = rawLine(line)
        var scalars = 0
        var column = 1
        var previousWidth = 0
        for scalar in text.unicodeScalars {
            if column >= target { return scalars + 1 }
            if scalar == "\t" {
                column += DisplayWidth.tabStop - (column - 1) % DisplayWidth.tabStop
                previousWidth = 0
            } else if scalar.value == 0xFE0F && previousWidth == 1 {
                column += 1
                previousWidth = 2
            } else {
                let width = DisplayWidth.of(scalar)
                column += width
                if width > 0 { previousWidth = width }
            }
            scalars += 1
        }
        return scalars + 1 + max(target - column, 0)
    }
}
