import ArgumentParser
import PlancKit

#if canImport(Glibc)
import Glibc
#endif

struct DevlogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devlog",
        abstract: "Lint devlog entries against a plan, or start a new one.",
        subcommands: [Lint.self, New.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check devlog entries against a plan (rules DEVLOG001-DEVLOG012).",
            discussion: """
                An entry is `<date>-<agent>-<task>.md` (or the plan's Monitoring pattern), \
                with optional YAML front matter (date, agent, task, status, hours), a `#` \
                title and the sections `.planc.yml` requires (default Summary, Changes, \
                Verification, Next). Names are read against the plan: the agent by slug or \
                Agent ID, the task among the agent's own or its phases'. Same output formats \
                and exit codes as `planc check`.
                """)

        @Argument(help: ArgumentHelp("Entries or folders of entries (default: devlog).", valueName: "dir"))
        var paths: [String] = []

        @Option(name: .long, help: ArgumentHelp("The plan the entries are read against.", valueName: "plan"))
        var plan: String

        @Option(name: .long, help: "Output format: text, json, github, sarif or junit.")
        var format: CheckCommand.Format = .text

        @Flag(name: .long, help: "Fail on warnings too.")
        var strict = false

        @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
        var config: String?

        @Option(name: .long, help: "Colour in text output: auto, always or never.")
        var color: CheckCommand.ColorChoice = .auto

        func run() throws {
            let outcome: CheckResult
            do {
                let configuration = try PlancCLI.configuration(for: plan, explicit: config)
                let model = PlanParser.parse(try SourceLoader.load(path: plan), options: configuration.parseOptions)
                let files = try FileDiscovery.markdownFiles(in: paths.isEmpty ? ["devlog"] : paths)
                outcome = CheckResult(files: lintDevlogEntries(files, plans: [model], configuration: configuration),
                                      strict: strict)
            } catch {
                Console.fail(describe(error))
                throw Exit.failed
            }
            let reporter = CheckCommand.reporter(format, color: color)
            Console.out(reporter.report(outcome))
            if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write a new devlog entry from the template, named after the plan's pattern.",
            discussion: """
                Writes `<dir>/<date>-<agent>-<task>.md` with front matter, a title and the \
                required sections (their prompts as comments, which lint counts as empty until \
                written), and prints its path. Never overwrites a file.

                Exit codes: 0 written; 2 the plan could not be read, the agent or task is not \
                the plan's, or the file exists; 64 usage error.
                """)

        @Option(name: .long, help: ArgumentHelp("The plan.", valueName: "plan")) var plan: String
        @Option(name: .long, help: ArgumentHelp("The agent's slug or Agent ID.", valueName: "agent")) var agent: String
        @Option(name: .long, help: ArgumentHelp("The task's ID.", valueName: "task")) var task: String
        @Option(name: .long, help: ArgumentHelp("The day (YYYY-MM-DD; default today, UTC).", valueName: "date")) var date: String?
        @Option(name: .long, help: ArgumentHelp("Where entries live.", valueName: "dir")) var dir: String = "devlog"
        @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.", valueName: "file"))
        var config: String?

        func validate() throws {
            if let date, QuantityParsing.date(date) == nil { throw ValidationError("--date takes a real date, YYYY-MM-DD") }
        }

        func run() throws {
            do {
                let configuration = try PlancCLI.configuration(for: plan, explicit: config)
                let model = PlanParser.parse(try SourceLoader.load(path: plan), options: configuration.parseOptions)
                let (name, text) = try DevlogTemplate.entry(plan: model, agent: agent, task: task,
                                                            date: date.flatMap(QuantityParsing.date) ?? DevlogContext.currentDate(),
                                                            sections: configuration.devlogSections)
                let path = (dir.hasSuffix("/") ? String(dir.dropLast()) : dir) + "/" + name
                try DevlogTemplate.createExclusively(path, Array(text.utf8))
                Console.out(path + "\n")
            } catch {
                Console.fail(describe(error))
                throw Exit.failed
            }
        }
    }
}

/// Lints devlog entries, each against the plan among `plans` in which its
/// name resolves (else the first).
func lintDevlogEntries(_ files: [String], plans: [Plan], configuration: Configuration) -> [CheckedFile] {
    guard let fallback = plans.first else { return [] }
    var entries: [DevlogEntry] = []
    var unreadable: [CheckedFile] = []
    for file in files {
        do {
            entries.append(DevlogEntry.parse(try SourceLoader.load(path: file), path: file))
        } catch {
            Console.fail(error.description)
            unreadable.append(CheckedFile(path: file, source: nil, diagnostics: [], error: error.message))
        }
    }
    var byPlan: [Int: [DevlogEntry]] = [:]
    for entry in entries {
        let index = plans.firstIndex { plan in
            let pattern = plan.protocolSpec?.devlogPattern.flatMap { DevlogPattern(text: $0.value) } ?? .standard
            if case .resolved = DevlogContext.resolve(entry.name, pattern: pattern, plan: plan) { return true }
            return false
        } ?? 0
        byPlan[index, default: []].append(entry)
    }
    var checked = unreadable
    for (index, group) in byPlan.sorted(by: { $0.key < $1.key }) {
        let plan = index < plans.count ? plans[index] : fallback
        let diagnostics = DevlogLinter(configuration: configuration)
            .lint(DevlogContext(entries: group, plan: plan, configuration: configuration))
        for entry in group {
            checked.append(CheckedFile(path: entry.path, source: entry.source, diagnostics: diagnostics[entry.path] ?? []))
        }
    }
    return checked.sorted { $0.path < $1.path }
}

/// The new-entry template and its exclusive creation.
enum DevlogTemplate {
    static func entry(plan: Plan, agent reference: String, task: String, date: CalendarDate,
                      sections: [String]) throws(InputError) -> (name: String, text: String) {
        guard let agent = plan.agent(named: reference) else {
            throw InputError(path: plan.file, message: "no agent is `\(reference)`; agents: \(plan.agents.map(\.slug).joined(separator: ", "))")
        }
        let id = task.lowercased()
        guard plan.taskIDs(for: agent).contains(id) else {
            throw InputError(path: plan.file, message: "`\(task)` is not a task of \(agent.slug); its tasks: \(plan.taskIDs(for: agent).sorted().joined(separator: ", "))")
        }
        let pattern = plan.protocolSpec?.devlogPattern.flatMap { DevlogPattern(text: $0.value) } ?? .standard
        let name = pattern.parts.map { part -> String in
            switch part {
            case .literal(let text): return text
            case .date: return date.description
            case .agent: return agent.slug
            case .task: return id
            }
        }.joined()
        let title = agent.tasks.first { $0.id == id }?.title
            ?? plan.phases.flatMap(\.tasks).first { $0.id == id }?.title ?? id
        let status = plan.status(ofTask: id)?.status.rawValue ?? Status.pending.rawValue
        let prompts = ["Summary": "What was done, and why.", "Changes": "What changed: files, services, data.",
                       "Verification": "How it was checked: tests, measurements.", "Next": "What comes next, and who does it."]
        var text = "---\ndate: \(date)\nagent: \(agent.slug)\ntask: \(id)\nstatus: \(status)\nhours: 0\n---\n\n# \(title)\n"
        for section in sections {
            text += "\n## \(section)\n\n<!-- \(prompts[section] ?? "Write this section.") -->\n"
        }
        return (name, text)
    }

    /// Creates the file only if it does not exist (O_EXCL): two agents
    /// starting the same entry cannot overwrite each other.
    static func createExclusively(_ path: String, _ bytes: [UInt8]) throws(InputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "exists already: planc does not overwrite devlog entries" : String(cString: strerror(errno))
            throw InputError(path: path, message: reason)
        }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            guard count > 0 else {
                unlink(path)
                throw InputError(path: path, message: "could not be written")
            }
            written += count
        }
    }
}
