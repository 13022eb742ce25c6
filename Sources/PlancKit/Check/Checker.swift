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
        let rules = RuleRegistry.all.compactMap { rule -> (rule: any Rule.Type, severity: Severity)? in
            if let only, !only.contains(rule.description.code) { return nil }
            return configuration.severity(of: rule.description).map { (rule, $0) }
        }
        // Rules read the finished model only: on a large report they run side by side.
        let findings = concurrentMap(rules, when: source.bytes.count >= Self.bytesWorthThreads) { rule in
            rule.rule.init().check(context)
        }
        var diagnostics: [Diagnostic] = []
        for (rule, found) in zip(rules, findings) {
            let description = rule.rule.description
            for finding in found where !suppressions.isSuppressed(code: description.code, line: finding.range.line) {
                diagnostics.append(Diagnostic(code: description.code, rule: description.alias,
                                              severity: rule.severity, file: source.name, finding: finding))
            }
        }
        return diagnostics.sorted {
            ($0.range.line, $0.range.column, $0.code) < ($1.range.line, $1.range.column, $1.code)
        }
    }

    /// Reports smaller than this are checked on one thread.
    static let bytesWorthThreads = 256 * 1024
}
