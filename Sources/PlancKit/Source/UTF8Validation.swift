/// UTF-8 checks with the byte offset of the first fault, which the standard
/// library's validating initialisers do not report.
enum UTF8Validation {
    /// The offset of the first byte that is not part of a well-formed UTF-8
    /// sequence (truncated, overlong, surrogate, beyond U+10FFFF), or nil.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII fast path, eight bytes at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length = sequenceLength(lead)
            guard length > 0, index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second & 0xC0 == 0x80 else { return index }
            // The second byte's range rules out overlong forms, surrogates
            // and values past U+10FFFF.
            switch lead {
            case 0xE0: guard second >= 0xA0 else { return index }
            case 0xED: guard second <= 0x9F else { return index }
            case 0xF0: guard second >= 0x90 else { return index }
            case 0xF4: guard second <= 0x8F else { return index }
            default: break
            }
            for offset in 2..<max(length, 2) where offset < length {
                guard bytes[index + offset] & 0xC0 == 0x80 else { return index }
            }
            index += length
        }
        return nil
    }

    /// The length of the sequence a lead byte starts; 0 for a byte that
    /// cannot start one (continuation bytes, 0xC0, 0xC1, 0xF5...).
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// Decodes one sequence of already validated UTF-8.
    static func decode<C: Collection>(_ bytes: C, at index: Int, length: Int) -> Unicode.Scalar
    where C.Element == UInt8, C.Index == Int {
        let lead = bytes[index]
        guard length > 1 else { return Unicode.Scalar(lead) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            value = (value << 6) | UInt32(bytes[index + offset] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
