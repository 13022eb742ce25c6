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
    var verbose = false
    var allowEmpty = false

    /// A file read, before planc knows whether it is a report, an entry or
    /// neither.
    private struct Candidate {
        var path: String
        var source: SourceText
        var plan: Plan
        /// Read only for markdown that agents and phases do not make a report.
        var entry: DevlogEntry?
        var configuration: Configuration
        var explicit: Bool
    }

    private enum Slot {
        case report(Candidate)
        case unreadable(CheckedFile)
    }

    func run() throws(ExitCode) {
        if fix && paths.contains("-") {
            Console.fail("--fix writes files back; standard input (`-`) cannot be written back")
            throw ExitCode.validationFailure
        }
        let roots = paths.isEmpty ? ["."] : paths
        let explicit = Set(paths)
        let files: [String]
        do {
            files = try FileDiscovery.markdownFiles(in: roots)
        } catch {
            Console.fail(error.description)
            throw Exit.failed
        }
        var configurations = ConfigurationCache(explicit: config)
        // Reports and unreadable files, in the order found.
        var found: [Slot] = []
        var reports: [Candidate] = []
        var entries: [Candidate] = []
        var undecided: [Candidate] = []
        // Content first: what agents, phases or entry keys make a file.
        for file in files {
            let configuration: Configuration
            do {
                configuration = try configurations.configuration(for: file)
            } catch {
                Console.fail(error.description)
                throw Exit.failed
            }
            let source: SourceText
            do {
                source = try SourceLoader.load(path: file, maxBytes: maxFileSize)
            } catch {
                Console.fail(error.description)
                found.append(.unreadable(CheckedFile(path: file, source: nil, diagnostics: [], error: error.message)))
                continue
            }
            let plan = PlanParser.parse(source, options: configuration.parseOptions)
            var candidate = Candidate(path: file, source: source, plan: plan, entry: nil,
                                      configuration: configuration, explicit: explicit.contains(file))
            let kind = DocumentKind.byContent(plan: plan) {
                let entry = DevlogEntry.parse(source, path: file)
                candidate.entry = entry
                return entry
            }
            switch kind {
            case .statusReport?:
                reports.append(candidate)
                found.append(.report(candidate))
            case .devlogEntry?: entries.append(candidate)
            case .other?, nil: undecided.append(candidate)
            }
        }
        // Then names, against the patterns the configuration and the plans declare.
        let plans = reports.map(\.plan)
        var skipped: [String] = []
        var notes = 0
        for candidate in undecided {
            let name = candidate.entry?.name ?? candidate.path
            if DocumentKind.byName(name, configuration: candidate.configuration, plans: plans) == .devlogEntry {
                entries.append(candidate)
            } else if candidate.explicit && candidate.plan.hasPlanSection {
                // Named, with an agents, phases or tasks section planc read
                // nothing from: checked, so that it says so (PLAN033).
                reports.append(candidate)
                found.append(.report(candidate))
            } else if candidate.explicit {
                Console.error("planc: note: \(candidate.path) is neither a status report (no agents, phases or tasks) "
                              + "nor a devlog entry (no date, agent or task keys, and its name follows no devlog pattern): not checked")
                notes += 1
            } else {
                skipped.append(candidate.path)
            }
        }
        if found.isEmpty && entries.isEmpty && notes == 0 && !allowEmpty {
            Console.fail("no status reports or devlog entries under \(roots.joined(separator: ", ")) "
                         + "(--allow-empty accepts that)")
            throw Exit.failed
        }
        var checked: [CheckedFile] = []
        for slot in found {
            guard case .report(let report) = slot else {
                if case .unreadable(let file) = slot { checked.append(file) }
                continue
            }
            var result = CheckedFile(path: report.path, source: report.source,
                                     diagnostics: Checker(configuration: report.configuration).check(report.plan, source: report.source))
            if fix, result.diagnostics.contains(where: { $0.fix != nil }) {
                result = applyFixes(report.path, source: report.source, diagnostics: result.diagnostics,
                                    configuration: report.configuration) ?? result
            }
            checked.append(result)
        }
        if !entries.isEmpty {
            if plans.isEmpty {
                Console.error("planc: note: \(entries.count) devlog entr\(entries.count == 1 ? "y" : "ies") checked without a plan: "
                              + "agent and task checks need one (add the plan to the paths, or use `planc devlog lint --plan PLAN`)")
            }
            checked += lint(entries, plans: plans)
        }
        let outcome = CheckResult(files: checked, strict: strict, skipped: skipped)
        KeptUntilExit.keep(plans)
        KeptUntilExit.keep(outcome)
        Console.out(reporter().report(outcome))
        if format == .github, let path = environment("GITHUB_STEP_SUMMARY"), !path.isEmpty {
            appendStepSummary(GitHubReporter().stepSummary(outcome), to: path)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// Lints the entries against the plans, those under one configuration
    /// file together.
    private func lint(_ entries: [Candidate], plans: [Plan]) -> [CheckedFile] {
        var groups: [String: [Candidate]] = [:]
        for entry in entries { groups[entry.configuration.file ?? "", default: []].append(entry) }
        var checked: [CheckedFile] = []
        for (_, group) in groups {
            let diagnostics = DevlogLinter(configuration: group[0].configuration)
                .lint(group.compactMap(\.entry), plans: plans)
            for entry in group {
                checked.append(CheckedFile(path: entry.path, source: entry.source, diagnostics: diagnostics[entry.path] ?? []))
            }
        }
        return checked.sorted { $0.path < $1.path }
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
        do {
            let source = try SourceLoader.load(path: file, maxBytes: maxFileSize)
            let plan = PlanParser.parse(source, options: configuration.parseOptions)
            return CheckedFile(path: file, source: source, diagnostics: Checker(configuration: configuration).check(plan, source: source))
        } catch {
            Console.fail(error.description)
            return CheckedFile(path: file, source: nil, diagnostics: [], error: error.message)
        }
    }

    private func reporter() -> any Reporter { CheckCommand.reporter(format, color: color, verbose: verbose) }
}
