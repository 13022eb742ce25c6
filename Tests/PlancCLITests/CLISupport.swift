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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Drain both pipes while feeding stdin so that nothing blocks.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try? input.fileHandleForWriting.close()
        // A hang must fail the test, not stall the suite.
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); finished.signal() }
        let timedOut = finished.wait(timeout: .now() + timeLimit) == .timedOut
        if timedOut {
            process.terminate()
            finished.wait()
        }
        group.wait()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self),
                         stdoutData: outData,
                         crashed: !timedOut && process.terminationReason == .uncaughtSignal,
                         timedOut: timedOut)
    }

    /// Processes started and not yet waited for.
    struct Running {
        fileprivate var processes: [(Process, Pipe, Pipe)]
    }

    /// Starts every command and returns without waiting.
    static func launch(_ commands: [[String]], in directory: String? = nil,
                       environment: [String: String] = [:]) throws -> Running {
        signal(SIGPIPE, SIG_IGN)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        var running: [(Process, Pipe, Pipe)] = []
        for arguments in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
            process.environment = env
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            running.append((process, out, err))
        }
        return Running(processes: running)
    }

    /// Waits for launched processes, in order.
    static func collect(_ running: Running) -> [CLIResult] {
        running.processes.map { process, out, err in
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
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
