/// Recognises and repairs mojibake: UTF-8 text that was read as a one-byte
/// encoding and saved again as UTF-8. planc knows three such encodings:
///
/// - Mac Roman, so that `✅` became `‚úÖ`;
/// - Windows-1252, so that `✅` became `âœ…`, `—` became `â€”` and `é`
///   became `Ã©`;
/// - Latin-1 (ISO-8859-1), the same as Windows-1252 except that bytes
///   0x80–0x9F became the C1 controls U+0080–U+009F (`—` became `â` U+0080
///   U+0094).
///
/// A run of characters that these encodings put in their upper half is
/// turned back into bytes; wherever those bytes form a valid UTF-8
/// sequence, the sequence replaces the characters it came from. Each
/// sequence is read with one encoding throughout: Mac Roman first, then
/// Windows-1252, then Latin-1, the first that gives a sequence wins.
/// Three- and four-byte sequences (emoji, symbols, punctuation, CJK) are
/// always taken. Two-byte sequences are as likely to be real text and are
/// taken only where they rarely are:
///
/// - in Mac Roman, a lead `¬` or `√` that decodes to U+0080–U+00FF
///   (`√©` is `é`);
/// - in Windows-1252 and Latin-1, a lead `Ã` that decodes to a Latin-1
///   letter, U+00C0–U+00FF but `×` and `÷` (`Ã©` is `é`, `Ã\u{A0}` with a
///   no-break space is `à`). `Â°` and other symbols after `Â` are left
///   alone, as is `Ã` before an ordinary space ("Ã la carte").
///
/// Text such as "café" is never touched: a lone `é` is not a UTF-8 sequence.
public enum Mojibake {
    /// The encoding that UTF-8 text was read as.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        case macRoman, windows1252, latin1

        /// The encoding's usual name, for messages.
        public var name: String {
            switch self {
            case .macRoman: return "Mac Roman"
            case .windows1252: return "Windows-1252"
            case .latin1: return "Latin-1"
            }
        }

        /// The scalar a byte of the upper half (0x80–0xFF) stands for.
        func scalar(for byte: UInt8) -> UInt32 {
            switch self {
            case .macRoman: return MacRoman.upperHalf[Int(byte) - 0x80]
            case .windows1252: return Windows1252.scalar(for: byte)
            case .latin1: return UInt32(byte)
            }
        }

        fileprivate var bit: UInt8 { self == .macRoman ? 1 : self == .windows1252 ? 2 : 4 }

        fileprivate static func first(of mask: UInt8) -> Encoding {
            mask & 1 != 0 ? .macRoman : mask & 2 != 0 ? .windows1252 : .latin1
        }
    }

    /// One repaired run, as byte offsets into the line it sits on.
    public struct Run: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var original: String
        public var repaired: String
        public var encoding: Encoding
    }

    /// A character that stands for a byte in at least one encoding: the
    /// byte each encoding reads it as, 0 where it has none.
    private struct Candidate {
        var scalar: Unicode.Scalar
        var offset: Int
        var length: Int
        var macRoman: UInt8
        var windows1252: UInt8
        var latin1: UInt8

        init?(_ scalar: Unicode.Scalar, offset: Int, length: Int, allowed: UInt8) {
            let value = scalar.value
            guard value >= 0x80, value <= 0xFB02 else { return nil }
            self.scalar = scalar
            self.offset = offset
            self.length = length
            macRoman = allowed & 1 != 0 ? MacRoman.byte(for: value) ?? 0 : 0
            windows1252 = allowed & 2 != 0 ? Windows1252.byte(for: value) ?? 0 : 0
            latin1 = allowed & 4 != 0 && value <= 0xFF ? UInt8(value) : 0
            guard macRoman | windows1252 | latin1 != 0 else { return nil }
        }

        func byte(_ encoding: Encoding) -> UInt8 {
            switch encoding {
            case .macRoman: return macRoman
            case .windows1252: return windows1252
            case .latin1: return latin1
            }
        }
    }

    /// The repaired text of a valid UTF-8 byte sequence and the runs repaired.
    public static func repair<C: Collection>(_ bytes: C) -> (text: String, runs: [Run])
    where C.Element == UInt8, C.Index == Int {
        repair(bytes, allowed: 7)
    }

    /// The repaired text of a valid UTF-8 byte sequence, reading it as one
    /// encoding only.
    public static func repair<C: Collection>(_ bytes: C, as encoding: Encoding) -> (text: String, runs: [Run])
    where C.Element == UInt8, C.Index == Int {
        repair(bytes, allowed: encoding.bit)
    }

    private static func repair<C: Collection>(_ bytes: C, allowed: UInt8) -> (text: String, runs: [Run])
    where C.Element == UInt8, C.Index == Int {
        var output = String()
        output.reserveCapacity(bytes.count)
        var runs: [Run] = []
        var pending: [Candidate] = []

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
            if let candidate = Candidate(scalar, offset: index, length: length, allowed: allowed) {
                pending.append(candidate)
            } else {
                flush()
                output.unicodeScalars.append(scalar)
            }
            index += max(length, 1)
        }
        flush()
        return (output, runs)
    }

    private static func repairRun(_ run: [Candidate], into output: inout String, runs: inout [Run]) {
        var position = 0
        // The encodings the last repaired sequence reads as, while the next
        // one follows it directly: they are tried first, and adjacent
        // sequences join one run only if they share an encoding.
        var lastMask: UInt8 = 0
        var lastEnd = -1
        while position < run.count {
            let first = run[position]
            let preferred: UInt8 = lastEnd == first.offset ? lastMask : 0
            var found: (scalar: Unicode.Scalar, length: Int, encoding: Encoding)?
            for pass in 0..<2 where found == nil {
                for encoding in Encoding.allCases where (preferred & encoding.bit != 0) == (pass == 0) {
                    if let (scalar, length) = decodeSequence(run, at: position, as: encoding) {
                        found = (scalar, length, encoding)
                        break
                    }
                }
            }
            guard let (scalar, consumed, encoding) = found else {
                output.unicodeScalars.append(first.scalar)
                position += 1
                continue
            }
            // Every encoding that reads these characters as the same scalar.
            var mask: UInt8 = 0
            for other in Encoding.allCases {
                if other == encoding {
                    mask |= other.bit
                } else if let (otherScalar, otherLength) = decodeSequence(run, at: position, as: other),
                          otherScalar == scalar, otherLength == consumed {
                    mask |= other.bit
                }
            }
            let last = run[position + consumed - 1]
            var original = String()
            for item in run[position..<(position + consumed)] {
                original.unicodeScalars.append(item.scalar)
            }
            var repaired = String()
            repaired.unicodeScalars.append(scalar)
            // Adjacent repaired sequences (an emoji and its variation
            // selector) are reported as one run.
            if lastEnd == first.offset, lastMask & mask != 0 {
                lastMask &= mask
                runs[runs.count - 1].end = last.offset + last.length
                runs[runs.count - 1].original += original
                runs[runs.count - 1].repaired += repaired
                runs[runs.count - 1].encoding = Encoding.first(of: lastMask)
            } else {
                lastMask = mask
                runs.append(Run(start: first.offset, end: last.offset + last.length,
                                original: original, repaired: repaired, encoding: Encoding.first(of: mask)))
            }
            lastEnd = last.offset + last.length
            output.unicodeScalars.append(scalar)
            position += consumed
        }
    }

    /// The scalar that the bytes `encoding` gives the characters starting at
    /// `position` encode in UTF-8, with the number of characters it spans,
    /// if they form an acceptable sequence.
    private static func decodeSequence(_ run: [Candidate], at position: Int, as encoding: Encoding)
    -> (Unicode.Scalar, Int)? {
        let lead = run[position].byte(encoding)
        let length: Int
        switch lead {
        case 0xC2...0xC3 where encoding == .macRoman: length = 2
        case 0xC3: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard position + length <= run.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = run[position + offset].byte(encoding)
            guard byte & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(byte & 0x3F)
        }
        if length == 2 && encoding != .macRoman {
            // `Ã` then a character: only a Latin-1 letter is taken.
            guard value != 0xD7, value != 0xF7 else { return nil }
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
              let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}

extension Mojibake {
    /// Whether bytes may hold mojibake: two characters in a row that these
    /// encodings put in their upper half. Every such character lies in
    /// U+0080–U+03FF, U+2000–U+22FF or is `◊`, U+F8FF, `ﬁ` or `ﬂ`. Lines of
    /// genuine emoji, plain text and real accented words ("café", where `é`
    /// stands alone) answer no without being decoded.
    static func mayContainMojibake(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        // Where the last upper-half character ended.
        var previousEnd = -1
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length = max(UTF8Validation.sequenceLength(byte), 1)
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            let upperHalf: Bool
            switch byte {
            case 0xC2...0xCF: upperHalf = true
            case 0xE2: upperHalf = second <= 0x8B || (second == 0x97 && third == 0x8A)
            case 0xEF: upperHalf = (second == 0xA3 && third == 0xBF) || (second == 0xAC && (third == 0x81 || third == 0x82))
            default: upperHalf = false
            }
            if upperHalf {
                if previousEnd == index { return true }
                previousEnd = index + length
            }
            index += length
        }
        return false
    }

    /// The mojibake an editor makes of UTF-8 text when it reads it as
    /// `encoding`: every byte of a multi-byte character read as the
    /// character that encoding puts there. `repair` undoes it.
    public static func garble(_ text: String, as encoding: Encoding = .macRoman) -> String {
        var output = String()
        for byte in text.utf8 {
            if byte < 0x80 {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else if let scalar = Unicode.Scalar(encoding.scalar(for: byte)) {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
