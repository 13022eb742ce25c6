import ArgumentParser
import PlancKit

#if canImport(Glibc)
import Glibc
#endif

/// The exit codes of `cli.md`.
enum Exit {
    static let clean = ExitCode(0)
    static let found = ExitCode(1)
    static let failed = ExitCode(2)
}

/// Options every command that reads reports takes.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Refuse reports larger than this many bytes.", valueName: "bytes"))
    var maxFileSize: Int = SourceLoader.defaultMaxBytes

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of bytes") }
    }

    /// Loads and parses one report. Only the model outlives this call: the
    /// source bytes and cmark's tree are gone when it returns.
    func loadPlan(_ path: String, options: ParseOptions = ParseOptions()) throws(InputError) -> Plan {
        try Self.loadPlan(path, maxBytes: maxFileSize, options: options)
    }

    static func loadPlan(_ path: String, maxBytes: Int, options: ParseOptions = ParseOptions()) throws(InputError) -> Plan {
        let source = try SourceLoader.load(path: path, maxBytes: maxBytes)
        return PlanParser.parse(source, options: options)
    }
}

/// Writing to the standard streams without Foundation.
enum Console {
    static func out(_ bytes: [UInt8]) {
        write(fd: STDOUT_FILENO, bytes)
    }

    static func out(_ text: String) { out(Array(text.utf8)) }

    /// One line on standard error.
    static func error(_ text: String) {
        write(fd: STDERR_FILENO, Array((text + "\n").utf8))
    }

    /// `planc: error: <message>` on standard error.
    static func fail(_ message: String) {
        error("planc: error: " + message)
    }

    private static func write(fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return
                }
                written += count
            }
        }
    }
}
