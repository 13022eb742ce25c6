import ArgumentParser
import PlancKit

/// What `planc compile` does once its arguments are known.
struct CompileJob {
    var plan: String
    var emit: CompileCommand.Emit = .json
    var compact = false
    var config: String?
    var maxFileSize = SourceLoader.defaultMaxBytes

    func run() throws(ExitCode) {
        var configurations = ConfigurationCache(explicit: config)
        let configuration: Configuration
        do {
            configuration = try configurations.configuration(for: plan)
        } catch {
            Console.fail(error.description)
            throw Exit.failed
        }
        let model: Plan
        do {
            model = try InputOptions.loadPlan(plan, maxBytes: maxFileSize, options: configuration.parseOptions)
        } catch {
            Console.fail(error.description)
            throw Exit.failed
        }
        KeptUntilExit.keep(model)
        switch emit {
        case .json: PlanJSON.stream(model, pretty: !compact) { Console.out($0) }
        case .markdown: Console.out(MarkdownRenderer.render(model))
        }
    }
}
