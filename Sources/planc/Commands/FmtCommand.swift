import ArgumentParser
import PlancKit

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite reports in canonical form.",
        discussion: """
            The canonical form is the layout of the reference report: keys as written, \
            markers repaired where the file held mojibake, one blank line between blocks. \
            Nothing is dropped: sections, tables, prose and keys planc does not know come \
            back as written. A folder stands for the .md files under it.

            Without --check or --write, the canonical form of one report goes to standard \
            output. --check prints a unified diff for every file that would change and \
            exits 1 if any would. --write replaces the files that change, atomically \
            (temporary file and rename, permissions kept).

            Exit codes: 0 nothing to change (or written); 1 --check found files to \
            reformat; 2 a file could not be read or written; 64 usage error.
            """)

    @Argument(help: ArgumentHelp("Reports or folders of reports (- for standard input).", valueName: "path"))
    var paths: [String]

    @Flag(name: .long, help: "Print a diff of what would change and exit 1 if anything would.")
    var check = false

    @Flag(name: .long, help: "Rewrite the files in place.")
    var write = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one report or folder") }
        if check && write { throw ValidationError("--check and --write do not go together: pick one") }
        if write && paths.contains("-") { throw ValidationError("--write cannot rewrite standard input") }
    }

    func run() throws {
        try FmtJob(paths: paths, check: check, write: write, maxFileSize: input.maxFileSize).run()
    }
}
