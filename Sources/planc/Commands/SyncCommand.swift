import ArgumentParser
import PlancKit
import PlancLive

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Regenerate a report with live state applied.",
        discussion: """
            Writes live state into the report: agents' statuses, tasks' statuses, progress \
            (`40%`) and holders (`held by <agent>`) in the progress items, phases' statuses \
            derived from their tasks, and `Last Updated` (the latest update in live state). \
            Everything else stays as written, through the same renderer as `planc fmt`. \
            Infrastructure drift is reported on standard error, not rewritten.

            Without --write the regenerated report goes to standard output; with it, the file \
            is replaced atomically.

            Exit codes: 0 done; 2 live state or the report could not be read, or the file \
            not written; 64 usage error.
            """)

    @Argument(help: ArgumentHelp("The report.", valueName: "plan"))
    var plan: String

    @OptionGroup var live: LiveOptions

    @Flag(name: .long, help: "Replace the report in place, atomically.")
    var write = false

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if write && plan == "-" { throw ValidationError("--write cannot rewrite standard input") }
    }

    func run() throws {
        let (configuration, model, snapshot) = try loadPlanAndLiveState(plan, live: live, config: config, input: input)
        let now = Clock.now()
        let synced = LiveSync.apply(snapshot, to: model, now: now,
                                    staleHeartbeatSeconds: configuration.staleHeartbeatSeconds)
        let rendered = MarkdownRenderer.render(synced)
        let analyzer = DriftAnalyzer(staleHeartbeatSeconds: configuration.staleHeartbeatSeconds, now: now,
                                     ignore: configuration.diffIgnore, names: configuration.liveNames)
        let infrastructure = analyzer.changes(model, snapshot).filter { $0.kind == .service || $0.kind == .cache }
        if !infrastructure.isEmpty {
            Console.error("planc: infrastructure drift, not rewritten:")
            for line in DriftReport.text(infrastructure, source: plan).split(separator: "\n") where line.hasPrefix(" ") == false && !line.isEmpty && !line.hasPrefix("Drift") {
                Console.error("  " + line)
            }
        }
        guard write else {
            Console.out(rendered)
            return
        }
        do {
            try AtomicFile.write(Array(rendered.utf8), to: plan)
        } catch {
            Console.fail(error.description)
            throw Exit.failed
        }
        Console.error("planc: \(plan) updated from live state")
    }
}
