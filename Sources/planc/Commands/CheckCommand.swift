import ArgumentParser
import PlancKit

#if canImport(Glibc)
import Glibc
#endif

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports against planc's rules.",
        discussion: """
            Parses each report and runs every rule (`planc rules` lists them, `planc explain \
            CODE` documents one). Without a path, the current folder.

            Files are told apart by content, not by name or folder. A status report has \
            agents, phases or tasks (or an agents, phase plan, infrastructure or protocol \
            section). A devlog entry says its date, agent or task (front matter, or \
            `**Date:**`, `**Agent:**`, `**Task:**` lines at its top), or is named after a \
            declared devlog pattern or as an agent and task of a plan. Other markdown in a folder is skipped and counted (--verbose \
            lists it); a file named on the command line that is neither gets a note. A run \
            that finds no report and no entry exits 2 (--allow-empty: 0).

            Settings come from `.planc.yml`, found in the checked file's folder or above it, \
            or from --config: per-rule severity or `off`, hours per day, the devlog pattern and \
            sections. Inside a report, \
            `<!-- planc-disable RULE -->`, `<!-- planc-enable RULE -->` and \
            `<!-- planc-disable-next-line RULE -->` switch rules by code or alias.

            Formats: text (for people; colour on a terminal unless NO_COLOR is set), json \
            (the shape of cli.md, version 1), github (workflow annotations and a summary; \
            with $GITHUB_STEP_SUMMARY set, a table there too), sarif (2.1.0, for code \
            scanning), junit.

            Devlog entries are linted against the plans checked in the same run (see `planc \
            devlog lint`). Always checked: the agent and task an entry names exist in the \
            plan, its date is real, not in the future nor before its agent started, its \
            status and its keys agree with the plan and its name. Only when declared in \
            .planc.yml (`devlog: pattern:`, `devlog: sections:`) or the plan's Monitoring \
            section: the file-name pattern, required sections, one entry per task and day. \
            Without a plan in the run, entries get the checks that need none.

            Exit codes: 0 no errors (warnings allowed unless --strict); 1 errors, or warnings \
            with --strict; 2 a file or the configuration could not be read, or nothing to \
            check; 64 usage error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, sarif, junit
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: ArgumentHelp("Reports, devlog entries or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text, json, github, sarif or junit.")
    var format: Format = .text

    @Flag(name: .long, help: "Fail on warnings too.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml.",
                                             valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Apply the safe fixes (marked [*]) in place, atomically, then report what is left.")
    var fix = false

    @Option(name: .long, help: "Colour in text output: auto, always or never.")
    var color: ColorChoice = .auto

    @Flag(name: .long, help: "List the files skipped as neither status reports nor devlog entries.")
    var verbose = false

    @Flag(name: .long, help: "Exit 0 when the folders hold no status report and no devlog entry.")
    var allowEmpty = false

    @OptionGroup var input: InputOptions

    func run() throws {
        try CheckJob(paths: paths, format: format, strict: strict, config: config, fix: fix, color: color,
                     maxFileSize: input.maxFileSize, verbose: verbose, allowEmpty: allowEmpty).run()
    }

    static func reporter(_ format: Format, color: ColorChoice, verbose: Bool = false) -> any Reporter {
        switch format {
        case .text: return TextReporter(color: useColor(color), verbose: verbose)
        case .json: return JSONReporter()
        case .github: return GitHubReporter()
        case .sarif:
            let cwd = currentDirectory()
            return SARIFReporter(root: repositoryRoot(from: cwd), workingDirectory: cwd, version: PlancVersion.string)
        case .junit: return JUnitReporter()
        }
    }

    static func useColor(_ color: ColorChoice) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
            if environment("TERM") == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}

/// Loads each configuration file once, and finds the one that applies to
/// each checked file.
struct ConfigurationCache {
    let explicit: String?
    private var loaded: [String: Configuration] = [:]

    init(explicit: String?) { self.explicit = explicit }

    mutating func configuration(for file: String) throws(ConfigError) -> Configuration {
        guard let path = explicit ?? (file == "-" ? ConfigLoader.discover(from: ".") : ConfigLoader.discover(from: file))
        else { return Configuration() }
        if let cached = loaded[path] { return cached }
        let configuration = try ConfigLoader.load(path)
        loaded[path] = configuration
        return configuration
    }
}

func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The folder holding `.git` at or above `directory`, else `directory`.
func repositoryRoot(from directory: String) -> String {
    var current = directory
    while !current.isEmpty {
        if access(current + "/.git", F_OK) == 0 { return current }
        guard let slash = current.lastIndex(of: "/"), current != "/" else { break }
        current = slash == current.startIndex ? "/" : String(current[..<slash])
        if current == "/" { break }
    }
    return directory
}

func appendStepSummary(_ text: String, to path: String) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    defer { close(fd) }
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { _ = write(fd, $0.baseAddress, $0.count) }
}
