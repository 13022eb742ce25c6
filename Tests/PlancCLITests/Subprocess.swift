import Foundation

/// A child process started with `posix_spawn`, its output read with `poll`.
/// The tests do not use Foundation's `Process`: it leaks a weak-reference
/// side table now and then, which fails `make asan`, and it cannot time out.
final class Subprocess: @unchecked Sendable {
    enum Stream {
        /// `/dev/null`.
        case null
        /// A pipe this object reads (or, for standard input, writes).
        case pipe
        /// Appended to a file.
        case file(String)
    }

    struct Termination {
        /// The exit code, or the signal number when `signaled`.
        var status: Int32
        var signaled: Bool
    }

    let pid: pid_t

    // glibc has both, but Swift's Glibc module hides them (_GNU_SOURCE).
    // Close-on-exec pipes matter: tests spawn in parallel, and a pipe end
    // inherited by another child would keep a reader waiting for its end.
    private static let pipe2 = unsafeBitCast(dlsym(nil, "pipe2"),
                                             to: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
    private static let addChdir = unsafeBitCast(
        dlsym(nil, "posix_spawn_file_actions_addchdir_np"),
        to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    private var input: Int32 = -1
    private var output: Int32 = -1
    private var errors: Int32 = -1
    private var termination: Termination?

    /// Starts `executable` (a path, or a name looked up in `PATH`).
    init(_ executable: String, _ arguments: [String], directory: String? = nil,
         environment: [String: String] = [:], stdin: Stream = .null, stdout: Stream = .pipe,
         stderr: Stream = .pipe) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        defer { childEnds.forEach { close($0) } }

        func connect(_ stream: Stream, to target: Int32, childReads: Bool) throws -> Int32 {
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", childReads ? O_RDONLY : O_WRONLY, 0)
                return -1
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
                return -1
            case .pipe:
                var ends: [Int32] = [0, 0]
                guard Self.pipe2(&ends, O_CLOEXEC) == 0 else { throw SubprocessError("pipe: \(String(cString: strerror(errno)))") }
                let (childEnd, parentEnd) = childReads ? (ends[0], ends[1]) : (ends[1], ends[0])
                posix_spawn_file_actions_adddup2(&actions, childEnd, target)
                childEnds.append(childEnd)
                parentEnds.append(parentEnd)
                return parentEnd
            }
        }
        do {
            input = try connect(stdin, to: 0, childReads: true)
            output = try connect(stdout, to: 1, childReads: false)
            errors = try connect(stderr, to: 2, childReads: false)
        } catch {
            parentEnds.forEach { close($0) }
            throw error
        }
        if let directory { _ = Self.addChdir(&actions, directory) }

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var child: pid_t = 0
        let result = executable.contains("/")
            ? posix_spawn(&child, executable, &actions, nil, argv, envp)
            : posix_spawnp(&child, executable, &actions, nil, argv, envp)
        guard result == 0 else {
            parentEnds.forEach { close($0) }
            throw SubprocessError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        pid = child
    }

    deinit {
        for fd in [input, output, errors] where fd >= 0 { close(fd) }
        if termination == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Writes `stdin` (then closes it) while reading standard output and
    /// error to their ends; kills the process if it is not done within
    /// `timeLimit` seconds. Returns what was read, and whether time ran out.
    func communicate(stdin data: Data? = nil, timeLimit: Double = 300) -> (stdout: Data, stderr: Data, timedOut: Bool) {
        let pending = Array(data ?? Data())
        var written = 0
        if input >= 0 && pending.isEmpty { close(input); input = -1 }
        // Keyed by descriptor: the ones open when reading began.
        var collected: [Int32: Data] = [:]
        let outputAtStart = output, errorsAtStart = errors
        let deadline = Date().addingTimeInterval(timeLimit)
        var timedOut = false
        while input >= 0 || output >= 0 || errors >= 0 {
            var fds: [pollfd] = []
            if input >= 0 { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            for fd in [output, errors] where fd >= 0 { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == input {
                    let count = pending[written...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
                    if count > 0 { written += count }
                    // A child that exits without reading all of its input
                    // closes the pipe: stop writing (SIGPIPE is ignored).
                    if count <= 0 || written == pending.count { close(input); input = -1 }
                } else {
                    var buffer = [UInt8](repeating: 0, count: 65536)
                    let count = read(entry.fd, &buffer, buffer.count)
                    if count > 0 {
                        collected[entry.fd, default: Data()].append(contentsOf: buffer[0..<count])
                    } else if count == 0 || errno != EINTR {
                        close(entry.fd)
                        if entry.fd == output { output = -1 } else { errors = -1 }
                    }
                }
            }
        }
        return (collected[outputAtStart] ?? Data(), collected[errorsAtStart] ?? Data(), timedOut)
    }

    /// Waits for the exit and reaps the process.
    @discardableResult
    func wait() -> Termination {
        if let termination { return termination }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        let result = signal == 0 ? Termination(status: (status >> 8) & 0xFF, signaled: false)
                                 : Termination(status: signal, signaled: true)
        termination = result
        return result
    }

    /// Whether the process has exited (reaping it if so).
    var isRunning: Bool {
        guard termination == nil else { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        guard reaped == pid else { return reaped == 0 }
        let signal = status & 0x7F
        termination = signal == 0 ? Termination(status: (status >> 8) & 0xFF, signaled: false)
                                  : Termination(status: signal, signaled: true)
        return false
    }

    func send(_ signal: Int32) { kill(pid, signal) }
}

struct SubprocessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
