import ArgumentParser
import PlancKit

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Print a report's typed model as JSON, or its canonical markdown.",
        discussion: """
            The JSON shape is version 1, described in docs/plan-model.schema.json: \
            services, agents with their tasks, phases, protocol, next steps, questions, \
            footer, and every node's source range (1-based lines, display columns, \
            end column exclusive). Use - to read standard input.

            Efforts in days use `hours-per-day` from .planc.yml (found beside the report or \
            above it) or --config.

            Exit codes: 0 compiled; 2 the report or the configuration could not be read \
            (missing, a directory, empty, not UTF-8 text, over --max-file-size); 64 usage error.
            """)

    enum Emit: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Argument(help: ArgumentHelp("The report to compile (- for standard input).", valueName: "plan"))
    var plan: String

    @Option(name: .long, help: "What to print: the model as json, or canonical markdown.")
    var emit: Emit = .json

    @Flag(name: .long, help: "Print the JSON on one line.")
    var compact = false

    @Option(name: .long, help: ArgumentHelp("Use this configuration file instead of looking for .planc.yml (for hours-per-day).",
                                             valueName: "file"))
    var config: String?

    @OptionGroup var input: InputOptions

    func run() throws {
        try CompileJob(plan: plan, emit: emit, compact: compact, config: config, maxFileSize: input.maxFileSize).run()
    }
}
