/// Runs the rules over a plan and turns their findings into diagnostics:
/// with the configured severity, without the rules switched off in the
/// configuration or in the report, in source order.
public struct Checker: Sendable {
    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    public func check(_ plan: Plan, source: SourceText, only: Set<String>? = nil) -> [Diagnostic] {
        let context = CheckContext(plan: plan, source: source, configuration: configuration)
        let suppressions = Suppressions(source: source, resolve: { RuleRegistry.rule(named: $0)?.code })
        var diagnostics: [Diagnostic] = []
        for rule in RuleRegistry.all {
            let description = rule.description
            if let only, !only.contains(description.code) { continue }
            guard let severity = configuration.severity(of: description) else { continue }
            for finding in rule.init().check(context)
            where !suppressions.isSuppressed(code: description.code, line: finding.range.line) {
                diagnostics.append(Diagnostic(code: description.code, rule: description.alias,
                                              severity: severity, file: source.name, finding: finding))
            }
        }
        return diagnostics.sorted {
            ($0.range.line, $0.range.column, $0.code) < ($1.range.line, $1.range.column, $1.code)
        }
    }
}
