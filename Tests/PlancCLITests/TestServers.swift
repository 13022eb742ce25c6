import Foundation
import PlancLive

/// Real nats-server (JetStream) and redis-server for the live-state tests.
/// `scripts/test-servers.sh` (which `make test` and CI use) starts them and
/// passes their URLs in PLANC_TEST_*; run without it, the tests start their
/// own on free loopback ports, in a temporary folder, and stop them when the
/// test process exits.
struct TestServers: Sendable {
    let natsURL: String
    let monitorURL: String
    let redisURL: String

    /// The servers, started once per test process.
    static func shared() throws -> TestServers { try started.get() }

    private static let started: Result<TestServers, LiveError> = {
        let environment = ProcessInfo.processInfo.environment
        if let nats = environment["PLANC_TEST_NATS_URL"], let monitor = environment["PLANC_TEST_NATS_MONITOR_URL"],
           let redis = environment["PLANC_TEST_REDIS_URL"] {
            return .success(TestServers(natsURL: nats, monitorURL: monitor, redisURL: redis))
        }
        return Result { () throws(LiveError) in try startOwn() }
    }()

    private static func startOwn() throws(LiveError) -> TestServers {
        let directory = NSTemporaryDirectory() + "planc-servers-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let natsPort = freePort(), monitorPort = freePort(), redisPort = freePort()
        ownServerDirectory = directory
        atexit(stopOwnServers)
        try launch("nats-server", ["-a", "127.0.0.1", "-p", String(natsPort), "-m", String(monitorPort), "-js",
                                   "-sd", directory + "/nats"], log: directory + "/nats.log")
        try launch("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                    "--dir", directory, "--daemonize", "no"], log: directory + "/redis.log")
        for port in [natsPort, monitorPort, redisPort] { try waitForPort(port) }
        return TestServers(natsURL: "nats://127.0.0.1:\(natsPort)", monitorURL: "http://127.0.0.1:\(monitorPort)",
                           redisURL: "redis://127.0.0.1:\(redisPort)")
    }


    private static func launch(_ name: String, _ arguments: [String], log: String) throws(LiveError) {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/bin"]
        guard let path = folders.map({ $0 + "/" + name }).first(where: FileManager.default.isExecutableFile) else {
            throw LiveError("\(name) is not installed: scripts/install-deps.sh installs it")
        }
        do {
            ownServerProcesses.append(try Subprocess(path, arguments, stdout: .file(log), stderr: .file(log)))
        } catch {
            throw LiveError("cannot start \(name): \(error)")
        }
    }

    /// A port nothing listens on now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(fd, pointer, length)
                _ = getsockname(fd, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitForPort(_ port: Int) throws(LiveError) {
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return }
            usleep(50_000)
        }
        throw LiveError("no test server came up on port \(port)")
    }

    func redis() throws -> RedisClient {
        try RedisClient(url: redisURL, timeout: 2, redactor: Redactor(urls: []))
    }

    func nats() throws -> NATSClient {
        try NATSClient(urls: [natsURL], timeout: 2, redactor: Redactor(urls: []))
    }
}

/// The servers this test process started itself, stopped at its exit.
nonisolated(unsafe) private var ownServerProcesses: [Subprocess] = []
nonisolated(unsafe) private var ownServerDirectory: String?

/// Runs at exit: plain signals and waitpid, SIGKILL after two seconds.
private func stopOwnServers() {
    let pids = ownServerProcesses.map(\.pid)
    for pid in pids { kill(pid, SIGTERM) }
    for pid in pids {
        var status: Int32 = 0
        var waited = 0
        while waitpid(pid, &status, WNOHANG) == 0 && waited < 200 {
            usleep(10_000)
            waited += 1
        }
        if waited == 200 { kill(pid, SIGKILL) }
    }
    if let directory = ownServerDirectory { try? FileManager.default.removeItem(atPath: directory) }
}

/// One test's corner of the servers: its own buckets and Redis prefix (so
/// tests do not see each other's state; the stream is shared, since JetStream
/// lets only one stream capture `agent.>`), a folder with the
/// reference report pointed at the test NATS monitor, and a `.planc.yml`.
struct LiveWorkspace {
    let servers: TestServers
    let directory: String
    let names: LiveNames
    let plan: String

    /// - Parameter ownStream: give the workspace its own stream (on its own
    ///   subjects) instead of the shared one, for tests that measure it.
    init(staleHeartbeat: String = "10m", ownStream: Bool = false) throws {
        servers = try TestServers.shared()
        directory = try CLI.temporaryDirectory()
        let tag = UUID().uuidString.prefix(8).uppercased()
        var names = LiveNames()
        names.tasksBucket = "TASKS_\(tag)"
        names.statusBucket = "STATUS_\(tag)"
        names.redisPrefix = "t\(tag.lowercased())"
        if ownStream {
            names.stream = "EVENTS_\(tag)"
            names.streamSubjects = ["t\(tag.lowercased()).>"]
        }
        self.names = names
        try """
            stale-heartbeat: \(staleHeartbeat)
            live:
              nats: \(servers.natsURL)
              redis: \(servers.redisURL)
              tasks-bucket: \(names.tasksBucket)
              status-bucket: \(names.statusBucket)
              redis-prefix: \(names.redisPrefix)
              stream: \(names.stream)
              stream-subjects: [\(names.streamSubjects.joined(separator: ", "))]
            """.write(toFile: directory + "/.planc.yml", atomically: true, encoding: .utf8)
        plan = directory + "/status.md"
        let reference = try String(contentsOfFile: CLI.path("plans/coordination-status.md"), encoding: .utf8)
        try reference.replacingOccurrences(of: "http://localhost:8222/healthz", with: servers.monitorURL + "/healthz")
            .write(toFile: plan, atomically: true, encoding: .utf8)
    }

    /// Sets Redis as the reference report describes it.
    func configureRedisLikeTheReport() throws {
        let redis = try servers.redis()
        _ = try redis.pipeline([["CONFIG", "SET", "maxmemory", "268435456"],
                                ["CONFIG", "SET", "maxmemory-policy", "allkeys-lru"],
                                ["CONFIG", "SET", "appendonly", "yes"]])
    }

    @discardableResult
    func planc(_ arguments: [String], now: String? = nil) throws -> CLIResult {
        var environment: [String: String] = [:]
        if let now { environment["PLANC_NOW"] = now }
        return try CLI.run(arguments, in: directory, environment: environment)
    }

    /// Changes a task the way an agent's protocol command would: a
    /// compare-and-set on the KV entry, then the Redis mirror.
    func updateTask(_ id: String, _ change: (inout TaskEntry) -> Void) throws {
        let nats = try servers.nats()
        let bucket = try requireBucket(nats.bucket(names.tasksBucket))
        let current = try requireBucket(bucket.get(id))
        var entry = try TaskEntry.decode(current.value, key: id)
        change(&entry)
        guard try bucket.update(id, entry.json, last: current.revision) != nil else { throw LiveError("lost a race in a test") }
        let redis = try servers.redis()
        _ = try redis.pipeline([["DEL", names.taskKey(id)],
                                ["HSET", names.taskKey(id)] + entry.fields.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }])
    }
}

/// The value, or a thrown error that fails the test.
func requireBucket<T>(_ value: T?) throws -> T {
    guard let value else { throw LiveError("a bucket or entry the test needs is missing") }
    return value
}
