#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input that planc cannot work with: the message names the file and, for
/// bad bytes, the byte offset. Every command turns it into exit code 2.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Reads report files: regular files, `-` for standard input, nothing that
/// is not UTF-8 text, nothing larger than the limit.
public enum SourceLoader {
    /// The default size limit: twice the largest report planc is benchmarked
    /// on. cmark's tree costs about 30 times the input in memory.
    public static let defaultMaxBytes = 32 * 1024 * 1024

    public static func load(path: String, maxBytes: Int = defaultMaxBytes) throws(InputError) -> SourceText {
        let name = path == "-" ? "<stdin>" : path
        let raw = try readAll(path: path, name: name, maxBytes: maxBytes)
        return try decode(name: name, bytes: raw)
    }

    /// Checks raw bytes and builds the source: refuses empty input, NUL bytes
    /// and invalid UTF-8, and drops a byte-order mark.
    public static func decode(name: String, bytes raw: [UInt8]) throws(InputError) -> SourceText {
        var bytes = raw
        var hadBOM = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            hadBOM = true
        }
        let bomShift = hadBOM ? 3 : 0
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw InputError(path: name, message: bytes.isEmpty
                             ? "the file is empty: there is no report to read"
                             : "the file holds only whitespace: there is no report to read")
        }
        let fault: (offset: Int, nul: Bool)? = bytes.withUnsafeBufferPointer { buffer in
            // memchr: the whole file is scanned, and it is vectorised.
            if let base = buffer.baseAddress, let nul = memchr(base, 0, buffer.count) {
                return (base.distance(to: nul.assumingMemoryBound(to: UInt8.self)), true)
            }
            if let bad = UTF8Validation.firstInvalidOffset(buffer) { return (bad, false) }
            return nil
        }
        if let fault {
            let (line, column) = lineAndColumn(of: fault.offset, in: bytes)
            let offset = fault.offset + bomShift
            if fault.nul {
                throw InputError(path: name, message:
                    "not a text file: NUL byte at byte offset \(offset) (line \(line), byte \(column))")
            }
            let hex = String(bytes[fault.offset], radix: 16, uppercase: true)
            throw InputError(path: name, message:
                "not valid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) at byte offset \(offset) (line \(line), byte \(column)) does not start a valid sequence; save the file as UTF-8")
        }
        return SourceText(name: name, bytes: bytes, hadByteOrderMark: hadBOM)
    }

    private static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    private static func readAll(path: String, name: String, maxBytes: Int) throws(InputError) -> [UInt8] {
        let fd: Int32
        if path == "-" {
            fd = STDIN_FILENO
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw InputError(path: name, message: describe(errno: errno)) }
        }
        defer { if fd != STDIN_FILENO { close(fd) } }

        var info = stat()
        if fstat(fd, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR {
                throw InputError(path: name, message: "is a directory, not a report file")
            }
            if kind == S_IFREG && Int(info.st_size) > maxBytes {
                throw tooLarge(name: name, size: "\(info.st_size) bytes", maxBytes: maxBytes)
            }
        }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: name, message: "could not be read: \(describe(errno: errno))")
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maxBytes {
                throw tooLarge(name: name, size: "more than \(maxBytes) bytes", maxBytes: maxBytes)
            }
        }
        return bytes
    }

    private static func tooLarge(name: String, size: String, maxBytes: Int) -> InputError {
        InputError(path: name, message:
            "is \(size), over the \(maxBytes)-byte limit for a report; raise it with --max-file-size if this really is one")
    }

    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory, not a report file"
        case ENOTDIR: return "a part of the path is not a directory"
        case ELOOP: return "too many symbolic links"
        case ENAMETOOLONG: return "the path is too long"
        default:
            if let text = strerror(code) { return String(cString: text) }
            return "error \(code)"
        }
    }
}
