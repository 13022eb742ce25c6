import Testing
@testable import PlancKit

/// Every devlog rule proves itself on its own examples, read against
/// `DevlogExamples.plan` with `DevlogExamples.configuration`: passing sets of
/// entries give no finding, failing ones exactly the findings their `↓`
/// marks, file by file.
@Suite struct DevlogRuleExampleTests {
    struct RuleCase: CustomTestStringConvertible, Sendable {
        let rule: any DevlogRule.Type
        var testDescription: String { "\(rule.description.code) \(rule.description.alias)" }
    }

    static let cases = RuleRegistry.devlog.map(RuleCase.init)

    struct Mark: Hashable, Comparable, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        static func < (a: Mark, b: Mark) -> Bool { (a.file, a.line, a.column) < (b.file, b.line, b.column) }
        var description: String { "\(file):\(line):\(column)" }
    }

    /// The files of an example (`<!-- file: name -->` lines) without their
    /// markers, and where each marker stood.
    static func files(_ example: String) -> ([(name: String, text: String)], [Mark]) {
        var files: [(String, String)] = []
        var marks: [Mark] = []
        for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<!-- file: "), line.hasSuffix(" -->") {
                files.append((String(line.dropFirst(11).dropLast(4)), ""))
                continue
            }
            guard !files.isEmpty else { continue }
            let (text, positions) = RuleExampleTests.stripMarkers(String(line))
            let lineNumber = files[files.count - 1].1.split(separator: "\n", omittingEmptySubsequences: false).count
                + (files[files.count - 1].1.isEmpty ? 0 : 0)
            let current = files[files.count - 1].1.isEmpty ? 1 : lineNumber + 1
            for position in positions {
                marks.append(Mark(file: "devlog/" + files[files.count - 1].0, line: current, column: position.column))
            }
            files[files.count - 1].1 += (files[files.count - 1].1.isEmpty ? "" : "\n") + text
        }
        return (files.map { ($0.0, $0.1) }, marks)
    }

    func findings(of rule: any DevlogRule.Type, in example: String) throws -> ([DevlogFinding], [Mark]) {
        let (files, marks) = Self.files(example)
        let plan = try parse(DevlogExamples.plan)
        let entries = try files.map { file in
            DevlogEntry.parse(try SourceLoader.decode(name: "devlog/" + file.name, bytes: Array(file.text.utf8)),
                              path: "devlog/" + file.name)
        }
        let context = DevlogContext(entries: entries, plan: plan, configuration: DevlogExamples.configuration,
                                    today: DevlogExamples.today)
        return (rule.init().check(context), marks)
    }

    @Test(arguments: cases)
    func passingExamplesGiveNoFinding(_ ruleCase: RuleCase) throws {
        for example in ruleCase.rule.description.passing {
            let (found, _) = try findings(of: ruleCase.rule, in: example)
            #expect(found.isEmpty, "\(found.map { "\($0.file): \($0.finding.message)" })")
        }
    }

    @Test(arguments: cases)
    func failingExamplesGiveTheMarkedFindings(_ ruleCase: RuleCase) throws {
        for example in ruleCase.rule.description.failing {
            let (found, marks) = try findings(of: ruleCase.rule, in: example)
            #expect(!marks.isEmpty)
            let positions = found.map { Mark(file: $0.file, line: $0.finding.range.line, column: $0.finding.range.column) }
            #expect(positions.sorted() == marks.sorted(), "\(found.map { "\($0.file): \($0.finding.message)" })")
        }
    }

    @Test func everyDevlogRuleIsRegisteredAndDocumented() {
        for rule in RuleRegistry.devlog {
            let description = rule.description
            #expect(description.code.hasPrefix("DEVLOG"))
            #expect(description.family == .devlog)
            #expect(RuleRegistry.rule(named: description.alias)?.code == description.code)
        }
        #expect(Set(RuleRegistry.descriptions.map(\.code)).count == RuleRegistry.descriptions.count)
    }
}
