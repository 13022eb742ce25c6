import ArgumentParser
import PlancKit
import PlancLive

#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGINT and SIGTERM; the watch loop checks it between waits.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Show agents and tasks as their events arrive.",
        discussion: """
            Subscribes to agent.> (the events of docs/live-state.md). On a terminal, a table of \
            agents and tasks redrawn in place as events arrive, starting from the buckets' \
            entries; piped, one line per event (`<time> <subject> <task> <agent> [details]`). \
            Ctrl-C ends it with exit code 0. Exit code 2 when NATS cannot be reached.
            """)

    @OptionGroup var live: LiveOptions

    @Flag(name: .long, help: "One line per event even on a terminal.")
    var lines = false

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
    var config: String?

    func run() throws {
        signal(SIGINT) { _ in stopRequested = 1 }
        signal(SIGTERM) { _ in stopRequested = 1 }
        // A parent may have started planc with these signals blocked (worker
        // threads of many runtimes block them); Ctrl-C must still reach it.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        let table = !lines && isatty(STDOUT_FILENO) == 1
        do {
            let configuration = try PlancCLI.configuration(for: nil, explicit: config)
            let endpoints = try live.endpoints(configuration)
            let nats = try NATSClient(urls: endpoints.natsURLs, timeout: endpoints.timeout, redactor: endpoints.redactor)
            let subscription = try nats.subscribe("agent.>")
            var log = EventLog()
            if table {
                let names = configuration.liveNames
                let tasks = try nats.bucket(names.tasksBucket)?.entries()
                    .map { entry throws(LiveError) in try TaskEntry.decode(entry.value, key: entry.key) } ?? []
                let agents = try nats.bucket(names.statusBucket)?.entries()
                    .map { entry throws(LiveError) in try AgentEntry.decode(entry.value, key: entry.key) } ?? []
                log.load(tasks: tasks, agents: agents)
                redraw(log, subtitle: "watching agent.> on \(nats.displayURLs); Ctrl-C to stop")
            } else {
                Console.error("planc: watching agent.> on \(nats.displayURLs); Ctrl-C to stop")
            }
            while stopRequested == 0 {
                guard let message = try subscription.next(timeout: 0.2) else { continue }
                let line = log.apply(subject: message.subject, data: message.data)
                if table {
                    redraw(log, subtitle: "last: " + line)
                } else {
                    Console.out(line + "\n")
                }
            }
        } catch {
            Console.fail(describe(error))
            throw Exit.failed
        }
    }

    private func redraw(_ log: EventLog, subtitle: String) {
        // Home, clear, then the table: the terminal shows the latest state.
        Console.out("\u{1B}[H\u{1B}[2J" + log.table() + "\n" + subtitle + "\n")
    }
}
