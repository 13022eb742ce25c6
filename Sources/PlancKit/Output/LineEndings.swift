/// A file's line endings, so that what planc writes back keeps them: a
/// CRLF file stays CRLF.
public enum LineEndings: Sendable {
    case lf, crlf

    /// The ending of the file's first line (LF for a file of one line).
    public static func of(_ bytes: [UInt8]) -> LineEndings {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return .lf }
        return newline > 0 && bytes[newline - 1] == 0x0D ? .crlf : .lf
    }

    /// Text written with `\n` in these endings.
    public func apply(to text: String) -> String {
        guard self == .crlf else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 32)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A && previous != 0x0D { bytes.append(0x0D) }
            bytes.append(byte)
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
