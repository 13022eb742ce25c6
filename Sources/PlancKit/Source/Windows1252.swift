/// Windows-1252 (the Windows "ANSI" code page for Western Europe), bytes
/// 0x80–0x9F. Bytes 0xA0–0xFF stand for U+00A0–U+00FF, as in Latin-1.
///
/// Entry `i` is the Unicode scalar that byte `0x80 + i` stands for. The
/// code page leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; decoders
/// commonly pass them through as the C1 control of the same number, so the
/// table does too, and text that holds U+0081 reads as the byte 0x81.
enum Windows1252 {
    static let controlRange: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The scalar a byte of the upper half (0x80–0xFF) stands for.
    static func scalar(for byte: UInt8) -> UInt32 {
        byte < 0xA0 ? controlRange[Int(byte) - 0x80] : UInt32(byte)
    }

    /// The Windows-1252 byte for a scalar of the upper half, or nil.
    static func byte(for scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0xA0...0xFF:
            return UInt8(scalar)
        case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
            return UInt8(scalar)
        case 0x0152...0x2122:
            return controlRange.firstIndex(of: scalar).map { UInt8(0x80 + $0) }
        default:
            return nil
        }
    }
}
