import ArgumentParser
import PlancKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: code, alias, default severity, summary.",
        discussion: "`planc explain CODE` prints one rule's documentation. Exit code 0.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let rules = RuleRegistry.descriptions
        switch format {
        case .text:
            let aliasWidth = rules.map(\.alias.count).max() ?? 0
            var out = ""
            var family: RuleFamily?
            for rule in rules {
                if rule.family != family {
                    out += (family == nil ? "" : "\n") + rule.family.rawValue + "\n"
                    family = rule.family
                }
                let alias = rule.alias + String(repeating: " ", count: aliasWidth - rule.alias.count)
                // Rules of convention are off until `.planc.yml` turns them on.
                let shown = rule.enabledByDefault ? rule.severity.rawValue : "off"
                let severity = shown + String(repeating: " ", count: 7 - shown.count)
                let code = rule.code + String(repeating: " ", count: max(9 - rule.code.count, 0))
                out += "  \(code)  \(alias)  \(severity)  \(rule.fixable ? "[*] " : "")\(rule.summary)\n"
            }
            Console.out(out)
        case .json:
            var json = JSONWriter(pretty: true)
            json.beginObject()
            json.member("version", 1)
            json.key("rules")
            json.beginArray()
            for rule in rules {
                json.element()
                json.beginObject()
                json.member("code", rule.code)
                json.member("rule", rule.alias)
                json.member("family", rule.family.rawValue)
                json.member("severity", rule.severity.rawValue)
                json.member("enabledByDefault", rule.enabledByDefault)
                json.member("fixable", rule.fixable)
                json.member("summary", rule.summary)
                json.endObject()
            }
            json.endArray()
            json.endObject()
            Console.out(json.string + "\n")
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print a rule's documentation: what it checks, why, an example, how to fix.",
        discussion: "Exit codes: 0 printed; 64 no rule has that code or alias.")

    @Argument(help: ArgumentHelp("A rule's code (PLAN012) or alias (effort-mismatch).", valueName: "rule"))
    var rule: String

    func validate() throws {
        guard RuleRegistry.rule(named: rule) != nil else {
            let names = RuleRegistry.descriptions.map(\.alias)
            let close = names.filter { editDistance($0, rule.lowercased()) <= 3 }
            throw ValidationError("no rule is called `\(rule)`"
                + (close.isEmpty ? "; `planc rules` lists them all" : "; did you mean \(close.map { "`\($0)`" }.joined(separator: ", "))?"))
        }
    }

    func run() throws {
        Console.out(RuleDocumentation.markdown(RuleRegistry.rule(named: rule)!))
    }
}
