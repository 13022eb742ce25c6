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
            CODE` documents one). A folder stands for the status reports under it; files \
            given by name are always checked. Without a path, the current folder.

            Settings come from `.planc.yml`, found in the checked file's folder or above it, \
            or from --config: per-rule severity or `off`, hours per day. Inside a report, \
            `<!-- planc-disable RULE -->`, `<!-- planc-enable RULE -->` and \
            `<!-- planc-disable-next-line RULE -->` switch rules by code or alias.

            Formats: text (for people; colour on a terminal unless NO_COLOR is set), json \
            (the shape of cli.md, version 1), github (workflow annotations and a summary; \
            with $GITHUB_STEP_SUMMARY set, a table there too), sarif (2.1.0, for code \
            scanning), junit.

            Devlog entries among the paths (named YYYY-MM-DD-..., or in a devlog folder) are \
            linted against the plans checked in the same run (see `planc devlog lint`).

            Exit codes: 0 no errors (warnings allowed unless --strict); 1 errors, or warnings \
            with --strict; 2 a file or the configuration could not be read; 64 usage error.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, sarif, junit
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: ArgumentHelp("Reports or folders (default: the current folder).", valueName: "path"))
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

    @OptionGroup var input: InputOptions

    func run() throws {
        let explicit = Set(paths)
        let files: [String]
        do {
            files = try FileDiscovery.markdownFiles(in: paths.isEmpty ? ["."] : paths)
        } catch {
            Console.fail(error.description)
            throw Exit.failed
        }
        var configurations = ConfigurationCache(explicit: config)
        var checked: [CheckedFile] = []
        var plans: [Plan] = []
        let devlogEntries = files.filter(Self.looksLikeDevlogEntry)
        for file in files where !Self.looksLikeDevlogEntry(file) {
            let configuration: Configuration
            do {
                configuration = try configurations.configuration(for: file)
            } catch {
                Console.fail(error.description)
                throw Exit.failed
            }
            guard var result = checkFile(file, configuration: configuration, explicit: explicit.contains(file),
                                         plans: &plans) else {
                continue
            }
            if fix, result.diagnostics.contains(where: { $0.fix != nil }), let source = result.source {
                result = applyFixes(file, source: source, diagnostics: result.diagnostics,
                                    configuration: configuration) ?? result
            }
            checked.append(result)
        }
        if !devlogEntries.isEmpty {
            guard !plans.isEmpty else {
                Console.fail("devlog entries need the plan they belong to: add it to the paths, or use `planc devlog lint --plan PLAN`")
                throw Exit.failed
            }
            let configuration = (try? configurations.configuration(for: devlogEntries[0])) ?? Configuration()
            checked += lintDevlogEntries(devlogEntries, plans: plans, configuration: configuration)
        }
        let outcome = CheckResult(files: checked, strict: strict)
        Console.out(reporter().report(outcome))
        if format == .github, let path = environment("GITHUB_STEP_SUMMARY"), !path.isEmpty {
            appendStepSummary(GitHubReporter().stepSummary(outcome), to: path)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// Parses and checks one file; nil for a file in a folder that is not a
    /// status report (a README beside the plans).
    /// Devlog entries: named `YYYY-MM-DD-...`, or kept in a `devlog` folder.
    static func looksLikeDevlogEntry(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return QuantityParsing.looksLikeDate(String(name.prefix(10))) || path.split(separator: "/").dropLast().contains("devlog")
    }

    private func checkFile(_ file: String, configuration: Configuration, explicit: Bool,
                           plans: inout [Plan]) -> CheckedFile? {
        let source: SourceText
        do {
            source = try SourceLoader.load(path: file, maxBytes: input.maxFileSize)
        } catch {
            Console.fail(error.description)
            return CheckedFile(path: file, source: nil, diagnostics: [], error: error.message)
        }
        let plan = PlanParser.parse(source, options: configuration.parseOptions)
        if !explicit && !plan.looksLikeStatusReport { return nil }
        plans.append(plan)
        return CheckedFile(path: file, source: source,
                           diagnostics: Checker(configuration: configuration).check(plan, source: source))
    }

    private func applyFixes(_ file: String, source: SourceText, diagnostics: [Diagnostic],
                            configuration: Configuration) -> CheckedFile? {
        let (bytes, applied) = Fixer.apply(diagnostics, to: source.bytes)
        do {
            try AtomicFile.write(bytes, to: file)
        } catch {
            Console.fail(error.description)
            return CheckedFile(path: file, source: source, diagnostics: diagnostics, error: error.description)
        }
        Console.error("planc: fixed \(applied) finding\(applied == 1 ? "" : "s") in \(file)")
        var ignored: [Plan] = []
        return checkFile(file, configuration: configuration, explicit: true, plans: &ignored)
    }

    private func reporter() -> any Reporter { Self.reporter(format, color: color) }

    static func reporter(_ format: Format, color: ColorChoice) -> any Reporter {
        switch format {
        case .text: return TextReporter(color: useColor(color))
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

extension Plan {
    /// Whether the markdown has any of a status report's sections.
    var looksLikeStatusReport: Bool {
        sections.contains { [.infrastructure, .agents, .phases, .protocol].contains($0.kind) }
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

private func appendStepSummary(_ text: String, to path: String) {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    defer { close(fd) }
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { _ = write(fd, $0.baseAddress, $0.count) }
}
