/// Recognises and repairs mojibake: UTF-8 text that was read as Mac Roman and
/// saved again as UTF-8, so that `✅` became `‚úÖ`.
///
/// A run of characters from the upper half of Mac Roman is turned back into
/// bytes; wherever those bytes form a valid UTF-8 sequence, the sequence
/// replaces the characters it came from. Three- and four-byte sequences
/// (emoji, symbols, CJK) are always taken. Two-byte sequences are taken only
/// when they decode to Latin-1 (`√©` is `é`), because other two-byte
/// decodings are as likely to be real text (`—é` would become `ю`).
/// Text such as "café" is never touched: a lone `é` is not a UTF-8 sequence.
public enum Mojibake {
    /// One repaired run, as byte offsets into the line it sits on.
    public struct Run: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var original: String
        public var repaired: String
    }

    /// The repaired text of a valid UTF-8 byte sequence and the runs repaired.
    public static func repair<C: Collection>(_ bytes: C) -> (text: String, runs: [Run])
    where C.Element == UInt8, C.Index == Int {
        var output = String()
        output.reserveCapacity(bytes.count)
        var runs: [Run] = []
        var pending: [(scalar: Unicode.Scalar, byte: UInt8, offset: Int, length: Int)] = []

        func flush() {
            guard !pending.isEmpty else { return }
            repairRun(pending, into: &output, runs: &runs)
            pending.removeAll(keepingCapacity: true)
        }

        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                flush()
                output.unicodeScalars.append(Unicode.Scalar(lead))
                index += 1
                continue
            }
            let length = UTF8Validation.sequenceLength(lead)
            let scalar = UTF8Validation.decode(bytes, at: index, length: length)
            if let macByte = MacRoman.byte(for: scalar.value) {
                pending.append((scalar, macByte, index, length))
            } else {
                flush()
                output.unicodeScalars.append(scalar)
            }
            index += max(length, 1)
        }
        flush()
        return (output, runs)
    }

    private static func repairRun(
        _ run: [(scalar: Unicode.Scalar, byte: UInt8, offset: Int, length: Int)],
        into output: inout String, runs: inout [Run]
    ) {
        var position = 0
        while position < run.count {
            if let (scalar, consumed) = decodeSequence(run, at: position) {
                let first = run[position]
                let last = run[position + consumed - 1]
                var original = String()
                for item in run[position..<(position + consumed)] {
                    original.unicodeScalars.append(item.scalar)
                }
                var repaired = String()
                repaired.unicodeScalars.append(scalar)
                // Adjacent repaired sequences (an emoji and its variation
                // selector) are reported as one run.
                if let previous = runs.last, previous.end == first.offset {
                    runs[runs.count - 1].end = last.offset + last.length
                    runs[runs.count - 1].original += original
                    runs[runs.count - 1].repaired += repaired
                } else {
                    runs.append(Run(start: first.offset, end: last.offset + last.length,
                                    original: original, repaired: repaired))
                }
                output.unicodeScalars.append(scalar)
                position += consumed
            } else {
                output.unicodeScalars.append(run[position].scalar)
                position += 1
            }
        }
    }

    /// The scalar that the Mac Roman bytes starting at `position` encode in
    /// UTF-8, with the number of characters it spans, if they form an
    /// acceptable sequence.
    private static func decodeSequence(
        _ run: [(scalar: Unicode.Scalar, byte: UInt8, offset: Int, length: Int)], at position: Int
    ) -> (Unicode.Scalar, Int)? {
        let lead = run[position].byte
        let length: Int
        switch lead {
        case 0xC2...0xC3: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard position + length <= run.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = run[position + offset].byte
            guard byte & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
              let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}

extension Mojibake {
    /// Whether bytes may hold mojibake: a character that Mac Roman puts at
    /// a UTF-8 lead byte (`√`, `‚`, `Ô`, U+F8FF...). Lines of genuine emoji
    /// and plain text answer no without being decoded.
    static func mayContainMojibake(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            switch byte {
            case 0xC2, 0xC3: return true
            case 0xE2:
                // ‚ „ ‰ ‡ (U+201A...) and √ (U+221A) lead mojibake;
                // genuine symbols such as ✅ (E2 9C 85) do not.
                if index + 1 < bytes.count, [0x80, 0x88].contains(bytes[index + 1]) { return true }
            case 0xEF:
                if index + 1 < bytes.count, bytes[index + 1] == 0xA3 { return true }  // U+F8FF
            default:
                break
            }
            index += max(UTF8Validation.sequenceLength(byte), 1)
        }
        return false
    }

    /// The mojibake a Mac Roman editor makes of UTF-8 text: every byte of a
    /// multi-byte character read as a Mac Roman character. `repair` undoes it.
    public static func garble(_ text: String) -> String {
        var output = String()
        for byte in text.utf8 {
            if byte < 0x80 {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else if let scalar = Unicode.Scalar(MacRoman.upperHalf[Int(byte) - 0x80]) {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
