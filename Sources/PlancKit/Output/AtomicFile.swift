#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces files so that readers see the old content or the new, never a
/// part: the bytes go to a temporary file in the same directory, which is
/// flushed to disk and renamed over the original.
///
/// What a user expects of an editor is kept: a symbolic link stays a link
/// and its target is written; the original's permission bits, owner and
/// group are kept; a file the user may not write is refused, not replaced.
/// A file with several hard links is rewritten in place (the links stay
/// one file), at the cost of atomicity.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): could not be written: \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        guard path != "-" else { throw WriteError(path: path, reason: "standard input cannot be written back") }
        let target = resolvedTarget(path)
        var info = stat()
        let exists = stat(target, &info) == 0
        // No write bit for anyone is read-only, for root too (who may
        // write anything, but asked for it to stay as it is).
        if exists && (access(target, W_OK) != 0 || info.st_mode & 0o222 == 0) {
            throw WriteError(path: path, reason: "the file is read-only")
        }
        if exists && info.st_nlink > 1 {
            return try writeInPlace(bytes, to: target, reportedAs: path)
        }
        let mode: mode_t = exists ? info.st_mode & 0o7777 : 0o644
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let base = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array((directory + "." + base + ".planc-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(path: path, reason: SourceLoader.describe(errno: errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure = writeAll(bytes, to: fd)
        if failure == nil, fchmod(fd, mode) != 0 { failure = SourceLoader.describe(errno: errno) }
        // The owner and group stay; only root may give a file away, and a
        // file another user owns that planc cannot give back is refused.
        if failure == nil, exists, info.st_uid != getuid() || info.st_gid != getgid(),
           fchown(fd, info.st_uid, info.st_gid) != 0 {
            failure = "its owner or group could not be kept (\(SourceLoader.describe(errno: errno)))"
        }
        if failure == nil, fsync(fd) != 0 { failure = SourceLoader.describe(errno: errno) }
        close(fd)
        if failure == nil, rename(temporary, target) != 0 { failure = SourceLoader.describe(errno: errno) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }

    /// The file a path names once symbolic links are followed; the path
    /// itself when it names none yet.
    static func resolvedTarget(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func writeInPlace(_ bytes: [UInt8], to target: String, reportedAs path: String) throws(WriteError) {
        let fd = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, reason: SourceLoader.describe(errno: errno)) }
        var failure = writeAll(bytes, to: fd)
        if failure == nil, fsync(fd) != 0 { failure = SourceLoader.describe(errno: errno) }
        close(fd)
        if let failure { throw WriteError(path: path, reason: failure) }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = SourceLoader.describe(errno: errno)
                    return
                }
                written += count
            }
        }
        return failure
    }
}
