import ArgumentParser
import PlancKit
import PlancLive

struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Export, seed or rebuild live state.",
        subcommands: [Export.self, Seed.self, Rebuild.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write live state as one JSON snapshot (for planc diff --snapshot).",
            discussion: """
                The snapshot holds the stream's subjects and last sequence, every KV entry \
                with its revision, the Redis settings and cache, and, with --plan, the answers \
                of the report's health checks. Its format is in docs/live-state.md.

                Exit codes: 0 written; 2 live state could not be read or the file written.
                """)

        @OptionGroup var live: LiveOptions

        @Option(name: .long, help: ArgumentHelp("Also record the answers of this report's health checks.", valueName: "plan"))
        var plan: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to a file (atomically) instead of standard output.", valueName: "file"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
        var config: String?

        func validate() throws {
            if live.snapshot != nil { throw ValidationError("export reads the servers: it does not take --snapshot") }
        }

        func run() throws {
            try reportingFailure {
                let configuration = try PlancCLI.configuration(for: plan, explicit: config)
                var healthURLs: [String] = []
                if let plan {
                    healthURLs = PlanParser.parse(try SourceLoader.load(path: plan)).services.compactMap(\.healthCheck?.value)
                }
                let endpoints = try live.endpoints(configuration)
                let snapshot = try LiveReader(endpoints: endpoints, names: configuration.liveNames).capture(healthURLs: healthURLs)
                let bytes = SnapshotFile.encode(snapshot)
                if let output { try AtomicFile.write(bytes, to: output) } else { Console.out(bytes) }
            }
        }
    }

    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seed",
            abstract: "Create the stream and buckets and write a plan's agents and tasks as live state.",
            discussion: """
                Creates the stream (agent.>) and the KV buckets when missing, then writes one \
                entry per task and per agent: in-progress, blocked and done tasks held by \
                their agent, pending ones by nobody. Existing entries are left alone unless \
                --force. Each written entry is mirrored into Redis.

                Exit codes: 0 seeded; 2 the plan or the servers could not be used.
                """)

        @Argument(help: ArgumentHelp("The report whose agents and tasks to write.", valueName: "plan"))
        var plan: String

        @OptionGroup var live: LiveOptions

        @Flag(name: .long, help: "Overwrite entries that exist.")
        var force = false

        @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
        var config: String?

        func run() throws {
            try reportingFailure {
                let configuration = try PlancCLI.configuration(for: plan, explicit: config)
                let model = PlanParser.parse(try SourceLoader.load(path: plan), options: configuration.parseOptions)
                let endpoints = try live.endpoints(configuration)
                let result = try StateWriter(endpoints: endpoints, names: configuration.liveNames).seed(model, force: force)
                Console.error("planc: seeded \(endpoints.redactor.url(endpoints.natsURLs.joined(separator: ","))): "
                              + "\(result.created) created, \(result.kept) kept, \(result.overwritten) overwritten")
            }
        }
    }

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild",
            abstract: "Refill the Redis cache from the KV buckets.",
            discussion: "Exit codes: 0 rebuilt; 2 the servers could not be used.")

        @OptionGroup var live: LiveOptions

        @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
        var config: String?

        func run() throws {
            try reportingFailure {
                let configuration = try PlancCLI.configuration(for: nil, explicit: config)
                let endpoints = try live.endpoints(configuration)
                let count = try StateWriter(endpoints: endpoints, names: configuration.liveNames).rebuild()
                Console.error("planc: Redis cache rebuilt from \(count) entries")
            }
        }
    }
}
