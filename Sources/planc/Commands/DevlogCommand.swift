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
                An entry says what it is about in its name (`<date>-<agent>-<task>.md`, or \
                the declared pattern) or in its keys: YAML front matter (date, agent, task, \
                status, hours), or `**Date:**`, `**Agent:**`, `**Task:**`, `**Status:**` \
                lines at its top (also as list items, or plain `Date:`). Names and keys are \
                read against the plan: the agent by slug, Agent ID or name, the task by ID \
                or title among the agent's own or its phases'.

                Always checked: the agent and task exist, the date is real, not in the future \
                nor before the agent started, the status agrees with the plan, the keys agree \
                with the name, the front matter is valid YAML, there is a `#` title. Only when \
                declared: the file-name pattern (`devlog: pattern:` in .planc.yml, or the \
                plan's Monitoring section; a pattern written with a date holds that day's \
                entries only) and with it one entry per task and day; the required sections \
                (`devlog: sections:`). An entry that names no agent or task is not an error.

                In a folder, status reports and markdown that is no entry are skipped \
                (--verbose lists them); files named are linted. Same output formats and exit \
                codes as `planc check`.
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

        @Flag(name: .long, help: "List the files skipped as not devlog entries.")
        var verbose = false

        func run() throws {
            let outcome: CheckResult
            do {
                let configuration = try PlancCLI.configuration(for: plan, explicit: config)
                let model = PlanParser.parse(try SourceLoader.load(path: plan), options: configuration.parseOptions)
                let files = try FileDiscovery.markdownFiles(in: paths.isEmpty ? ["devlog"] : paths)
                let (checked, skipped) = lintDevlogEntries(files, named: Set(paths), plan: model, configuration: configuration)
                outcome = CheckResult(files: checked, strict: strict, skipped: skipped)
            } catch {
                Console.fail(describe(error))
                throw Exit.failed
            }
            let reporter = CheckCommand.reporter(format, color: color, verbose: verbose)
            Console.out(reporter.report(outcome))
            if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write a new devlog entry from the template, named after the plan's pattern.",
            discussion: """
                Writes `<dir>/<date>-<agent>-<task>.md` (or after the declared pattern) with \
                front matter, a title and sections: those `devlog: sections:` in .planc.yml \
                requires, else Summary, Changes, Verification and Next. Their prompts are \
                comments, which lint counts as empty until written where sections are \
                required. Prints its path. Never overwrites a file.

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
                                                            configuration: configuration)
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

/// Lints the devlog entries among `files` against the plan. Files named on
/// the command line are linted as entries; in folders, status reports and
/// markdown that is no entry (no keys, a name that fits no pattern) are
/// skipped and returned.
func lintDevlogEntries(_ files: [String], named: Set<String>, plan: Plan,
                       configuration: Configuration) -> (checked: [CheckedFile], skipped: [String]) {
    var entries: [DevlogEntry] = []
    var checked: [CheckedFile] = []
    var skipped: [String] = []
    for file in files {
        let source: SourceText
        do {
            source = try SourceLoader.load(path: file)
        } catch {
            Console.fail(error.description)
            checked.append(CheckedFile(path: file, source: nil, diagnostics: [], error: error.message))
            continue
        }
        let entry = DevlogEntry.parse(source, path: file)
        if !named.contains(file) {
            let report = PlanParser.parse(source, options: configuration.parseOptions)
            let kind = DocumentKind.byContent(plan: report) { entry }
                ?? DocumentKind.byName(entry.name, configuration: configuration, plans: [plan])
            guard kind == .devlogEntry else {
                skipped.append(file)
                continue
            }
        }
        entries.append(entry)
    }
    let diagnostics = DevlogLinter(configuration: configuration).lint(entries, plans: [plan])
    for entry in entries {
        checked.append(CheckedFile(path: entry.path, source: entry.source, diagnostics: diagnostics[entry.path] ?? []))
    }
    return (checked.sorted { $0.path < $1.path }, skipped)
}

/// The new-entry template and its exclusive creation.
enum DevlogTemplate {
    static func entry(plan: Plan, agent reference: String, task: String, date: CalendarDate,
                      configuration: Configuration) throws(InputError) -> (name: String, text: String) {
        guard let agent = plan.agent(named: reference) else {
            throw InputError(path: plan.file, message: "no agent is `\(reference)`; agents: \(plan.agents.map(\.slug).joined(separator: ", "))")
        }
        let id = task.lowercased()
        guard plan.taskIDs(for: agent).contains(id) else {
            throw InputError(path: plan.file, message: "`\(task)` is not a task of \(agent.slug); its tasks: \(plan.taskIDs(for: agent).sorted().joined(separator: ", "))")
        }
        let pattern = DevlogContext.declaredPattern(plan: plan, configuration: configuration) ?? .standard
        let name = pattern.name(date: date.description, agent: agent.slug, task: id)
        let title = agent.tasks.first { $0.id == id }?.title
            ?? plan.phases.flatMap(\.tasks).first { $0.id == id }?.title ?? id
        let status = plan.status(ofTask: id)?.status.rawValue ?? Status.pending.rawValue
        let prompts = ["Summary": "What was done, and why.", "Changes": "What changed: files, services, data.",
                       "Verification": "How it was checked: tests, measurements.", "Next": "What comes next, and who does it."]
        var text = "---\ndate: \(date)\nagent: \(agent.slug)\ntask: \(id)\nstatus: \(status)\nhours: 0\n---\n\n# \(title)\n"
        let sections = configuration.devlogSections.isEmpty ? Configuration.devlogTemplateSections
            : configuration.devlogSections
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
