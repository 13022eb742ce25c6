import Foundation

/// Runs the built `planc` binary as a user would.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
    /// Killed by a signal (a crash) rather than exiting.
    var crashed = false
    /// Still running when the time limit came, so killed.
    var timedOut = false
}

enum CLI {
    /// The `planc` next to the test bundle in the build folder.
    static let binary: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("planc").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("planc").path
    }()

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { repositoryRoot + "/" + relative }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: String? = nil,
                    environment: [String: String] = [:], timeLimit: Double = 300) throws -> CLIResult {
        // planc may exit before it reads all of its input (a file over the
        // size limit): the write must fail, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        let process = try Subprocess(binary, arguments, directory: directory, environment: environment,
                                     stdin: stdin == nil ? .null : .pipe)
        // A hang must fail the test, not stall the suite.
        let (out, err, timedOut) = process.communicate(stdin: stdin, timeLimit: timeLimit)
        return result(of: process, stdout: out, stderr: err, timedOut: timedOut)
    }

    private static func result(of process: Subprocess, stdout: Data, stderr: Data, timedOut: Bool) -> CLIResult {
        let termination = process.wait()
        return CLIResult(status: termination.status,
                         stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self),
                         stdoutData: stdout,
                         crashed: termination.signaled && !timedOut,
                         timedOut: timedOut)
    }

    /// Processes started and not yet waited for.
    struct Running {
        fileprivate var processes: [Subprocess]
    }

    /// Starts every command and returns without waiting.
    static func launch(_ commands: [[String]], in directory: String? = nil,
                       environment: [String: String] = [:]) throws -> Running {
        signal(SIGPIPE, SIG_IGN)
        return Running(processes: try commands.map { arguments in
            try Subprocess(binary, arguments, directory: directory, environment: environment)
        })
    }

    /// Waits for launched processes, in order.
    static func collect(_ running: Running) -> [CLIResult] {
        running.processes.map { process in
            let (out, err, timedOut) = process.communicate()
            return result(of: process, stdout: out, stderr: err, timedOut: timedOut)
        }
    }

    /// Starts every command before waiting for any: real processes racing.
    static func runConcurrently(_ commands: [[String]], in directory: String? = nil,
                                environment: [String: String] = [:]) throws -> [CLIResult] {
        collect(try launch(commands, in: directory, environment: environment))
    }

    /// Writes a file into `directory` and returns its path.
    static func write(_ bytes: [UInt8], named name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "planc-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
