import ArgumentParser
import PlancKit
import PlancLive

/// Where live state is: servers (`--nats`, `--redis`) or a snapshot file.
/// Defaults come from PLANC_NATS_URL and PLANC_REDIS_URL, then from
/// `live:` in .planc.yml.
struct LiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("NATS server URLs, comma-separated (a cluster); user:password@ or token@ accepted.",
                                             valueName: "url[,url...]"))
    var nats: String?

    @Option(name: .long, help: ArgumentHelp("Redis URL: redis://[:password@]host:port[/db].", valueName: "url"))
    var redis: String?

    @Option(name: .long, help: ArgumentHelp("Read live state from a snapshot file (planc state export) instead of servers.",
                                             valueName: "file"))
    var snapshot: String?

    @Option(name: .long, help: ArgumentHelp("Connection and request timeout in seconds (default 2).", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if snapshot != nil && (nats != nil || redis != nil) {
            throw ValidationError("--snapshot reads a file: it does not go with --nats or --redis")
        }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    enum Source {
        case servers(LiveEndpoints)
        case snapshot(String)
    }

    /// The source to read, from flags, environment and configuration.
    func source(_ configuration: Configuration) throws(LiveError) -> Source {
        if let snapshot { return .snapshot(snapshot) }
        let natsText = nats ?? environment("PLANC_NATS_URL")
        let natsURLs = natsText.map { $0.split(separator: ",").map { String($0).trimmingSpaces() } } ?? configuration.natsURLs
        let redisURL = redis ?? environment("PLANC_REDIS_URL") ?? configuration.redisURL
        if natsURLs.isEmpty && redisURL == nil, let file = configuration.snapshot { return .snapshot(file) }
        guard !natsURLs.isEmpty else {
            throw LiveError("no NATS server given: use --nats URL (or PLANC_NATS_URL, or live.nats in .planc.yml), or --snapshot FILE")
        }
        guard let redisURL else {
            throw LiveError("no Redis server given: use --redis URL (or PLANC_REDIS_URL, or live.redis in .planc.yml), or --snapshot FILE")
        }
        return .servers(LiveEndpoints(natsURLs: natsURLs, redisURL: redisURL,
                                      timeout: timeout ?? configuration.timeoutSeconds))
    }

    /// A session of the agents' protocol on the servers these options and
    /// the configuration (`--config`, else .planc.yml) name.
    func agentSession(config: String?) throws -> AgentProtocol {
        let configuration = try PlancCLI.configuration(for: nil, explicit: config)
        return try AgentProtocol(endpoints: try endpoints(configuration), names: configuration.liveNames)
    }

    /// Servers only (for commands that write).
    func endpoints(_ configuration: Configuration) throws(LiveError) -> LiveEndpoints {
        switch try source(configuration) {
        case .servers(let endpoints): return endpoints
        case .snapshot: throw LiveError("this command writes live state: it needs --nats and --redis, not a snapshot")
        }
    }
}

extension Configuration {
    var liveNames: LiveNames {
        var names = LiveNames()
        names.stream = streamName
        names.streamSubjects = streamSubjects
        names.tasksBucket = tasksBucket
        names.statusBucket = statusBucket
        names.redisPrefix = redisPrefix
        names.replicas = replicas
        return names
    }
}

/// Reads live state from the chosen source.
func readLiveState(_ source: LiveOptions.Source, names: LiveNames, healthURLs: [String]) throws(LiveError) -> LiveSnapshot {
    switch source {
    case .servers(let endpoints):
        return try LiveReader(endpoints: endpoints, names: names).capture(healthURLs: healthURLs)
    case .snapshot(let file):
        let bytes: [UInt8]
        do {
            bytes = try SourceLoader.load(path: file, maxBytes: 1 << 30).bytes
        } catch {
            throw LiveError(error.description)
        }
        return try SnapshotFile.decode(bytes, file: file)
    }
}

/// The configuration for a plan (or for the current folder).
func configuration(for path: String?, explicit: String?) throws(ConfigError) -> Configuration {
    var cache = ConfigurationCache(explicit: explicit)
    return try cache.configuration(for: path ?? ".")
}
