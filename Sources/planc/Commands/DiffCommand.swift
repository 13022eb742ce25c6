import ArgumentParser
import PlancKit
import PlancLive

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare a report with live state in NATS JetStream and Redis.",
        discussion: """
            Compares, as docs/live-state.md lists: JetStream enabled, the health check \
            answering 200, the report's channels covered by the stream; Redis's maxmemory, \
            maxmemory-policy and appendonly; each agent's status and heartbeat (a running agent \
            silent longer than stale-heartbeat, 10m by default, is stale); each task's status, \
            holder and progress; each phase's status derived from its tasks; the Redis cache \
            against the KV. Drift listed under `diff: ignore:` in .planc.yml is not reported.

            Read-only: diff writes nothing, anywhere. Live state comes from --nats and --redis \
            (or PLANC_NATS_URL, PLANC_REDIS_URL, live: in .planc.yml) or from --snapshot FILE.

            Exit codes: 0 in sync; 1 drift; 2 live state could not be read (a server \
            unreachable within the timeout, refused credentials, a missing bucket), or the \
            report could not be read; 64 usage error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The report.", valueName: "plan"))
    var plan: String

    @OptionGroup var live: LiveOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        let (configuration, model, snapshot) = try loadPlanAndLiveState(plan, live: live, config: config, input: input)
        let analyzer = DriftAnalyzer(staleHeartbeatSeconds: configuration.staleHeartbeatSeconds, now: Clock.now(),
                                     ignore: configuration.diffIgnore, names: configuration.liveNames)
        let changes = analyzer.changes(model, snapshot)
        switch format {
        case .text: Console.out(DriftReport.text(changes, source: plan))
        case .json: Console.out(DriftReport.json(changes))
        }
        if !changes.isEmpty { throw Exit.found }
    }
}

/// The configuration for a report, the report, and the live state to
/// compare it with; any failure is reported and ends the command with 2.
func loadPlanAndLiveState(_ plan: String, live: LiveOptions, config: String?,
                          input: InputOptions) throws -> (Configuration, Plan, LiveSnapshot) {
    try reportingFailure {
        let configuration = try PlancCLI.configuration(for: plan, explicit: config)
        let model = try input.loadPlan(plan, options: configuration.parseOptions)
        let snapshot = try readLiveState(try live.source(configuration), names: configuration.liveNames,
                                         healthURLs: model.services.compactMap(\.healthCheck?.value))
        return (configuration, model, snapshot)
    }
}

/// Runs `body`; an error other than an exit code is reported as
/// `planc: error: <message>` and ends planc with exit code 2.
func reportingFailure<Result>(_ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        Console.fail(describe(error))
        throw Exit.failed
    }
}

/// Namespaced helpers so command properties named `configuration` do not
/// hide the free functions.
enum PlancCLI {
    static func configuration(for path: String?, explicit: String?) throws(ConfigError) -> Configuration {
        try planc.configuration(for: path, explicit: explicit)
    }
}

/// The message of any error planc reports.
func describe(_ error: any Error) -> String {
    switch error {
    case let error as InputError: return error.description
    case let error as ConfigError: return error.description
    case let error as LiveError: return error.description
    case let error as AtomicFile.WriteError: return error.description
    default: return String(describing: error)
    }
}
