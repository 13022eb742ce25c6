import ArgumentParser
import PlancKit

/// The everyday read-only invocations, read without ArgumentParser.
///
/// planc runs on every pull request and many times a minute on agents'
/// machines. ArgumentParser's first parse builds the whole command tree by
/// reflection, which costs the Swift runtime about 3 ms: more than checking
/// the reference report. `check`, `compile` and `fmt` given plain paths and
/// the few flags below are recognised here and run the same job the commands
/// run. Anything else (help, other flags, `--flag=value`, a repeated flag,
/// `-` for standard input, a value that is not valid) is left to
/// ArgumentParser, which owns usage errors and help, so both paths answer
/// alike. PLANC_NO_QUICK_PATH=1 turns the quick path off (the tests compare
/// the two).
enum QuickPath {
    /// The job `arguments` (without the program name) ask for, or nil to
    /// let ArgumentParser read them.
    static func job(for arguments: [String]) -> (() throws(ExitCode) -> Void)? {
        if let off = environment("PLANC_NO_QUICK_PATH"), !off.isEmpty, off != "0" { return nil }
        guard let command = arguments.first else { return nil }
        guard var words = Words(arguments.dropFirst()) else { return nil }
        switch command {
        case "check":
            var job = CheckJob()
            guard words.flag("--strict", into: &job.strict),
                  words.option("--format", into: &job.format),
                  words.isDone(paths: &job.paths) else { return nil }
            return job.run
        case "compile":
            var job = CompileJob(plan: "")
            var paths: [String] = []
            guard words.flag("--compact", into: &job.compact),
                  words.option("--emit", into: &job.emit),
                  words.isDone(paths: &paths), paths.count == 1 else { return nil }
            job.plan = paths[0]
            return job.run
        case "fmt":
            var job = FmtJob(paths: [])
            guard words.flag("--check", into: &job.check),
                  words.isDone(paths: &job.paths), !job.paths.isEmpty else { return nil }
            return job.run
        default:
            return nil
        }
    }

    /// A command's remaining arguments, consumed flag by flag.
    struct Words {
        private var rest: [String]

        /// nil when a word could be something other than a path or one of
        /// the quick path's flags: ArgumentParser reads those.
        init?(_ words: ArraySlice<String>) {
            guard !words.contains(where: { $0.isEmpty || $0 == "-" || $0 == "help" || $0.contains("=") && $0.hasPrefix("-") })
            else { return nil }
            rest = Array(words)
        }

        /// Takes `name` if present once; false if it appears twice.
        mutating func flag(_ name: String, into value: inout Bool) -> Bool {
            let count = rest.count { $0 == name }
            guard count <= 1 else { return false }
            if count == 1 {
                rest.removeAll { $0 == name }
                value = true
            }
            return true
        }

        /// Takes `name VALUE` if present once with a valid value.
        mutating func option<Value: RawRepresentable<String>>(_ name: String, into value: inout Value) -> Bool {
            let positions = rest.indices.filter { rest[$0] == name }
            guard let position = positions.first else { return true }
            guard positions.count == 1, position + 1 < rest.count,
                  let parsed = Value(rawValue: rest[position + 1]) else { return false }
            value = parsed
            rest.removeSubrange(position...position + 1)
            return true
        }

        /// True when only paths are left (none starting with `-`).
        func isDone(paths: inout [String]) -> Bool {
            guard !rest.contains(where: { $0.hasPrefix("-") }) else { return false }
            paths = rest
            return true
        }
    }
}
