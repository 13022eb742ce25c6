import ArgumentParser
import PlancKit

/// What `planc check` does once its arguments are known, whether
/// ArgumentParser or the quick path read them.
struct CheckJob {
    var paths: [String] = []
    var format: CheckCommand.Format = .text
    var strict = false
    var config: String?
    var fix = false
    var color: CheckCommand.ColorChoice = .auto
    var maxFileSize = SourceLoader.defaultMaxBytes

    func run() throws(ExitCode) {
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
        let devlogEntries = files.filter(CheckCommand.looksLikeDevlogEntry)
        for file in files where !CheckCommand.looksLikeDevlogEntry(file) {
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
        KeptUntilExit.keep(plans)
        KeptUntilExit.keep(outcome)
        Console.out(reporter().report(outcome))
        if format == .github, let path = environment("GITHUB_STEP_SUMMARY"), !path.isEmpty {
            appendStepSummary(GitHubReporter().stepSummary(outcome), to: path)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// Parses and checks one file; nil for a file in a folder that is not a
    /// status report (a README beside the plans).
    private func checkFile(_ file: String, configuration: Configuration, explicit: Bool,
                           plans: inout [Plan]) -> CheckedFile? {
        let source: SourceText
        do {
            source = try SourceLoader.load(path: file, maxBytes: maxFileSize)
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

    private func reporter() -> any Reporter { CheckCommand.reporter(format, color: color) }

}
