import Testing
@testable import PlancKit

/// Every rule proves itself on its own examples: passing reports give no
/// finding, failing ones give exactly the findings their `↓` marks.
@Suite struct RuleExampleTests {
    struct RuleCase: CustomTestStringConvertible, Sendable {
        let rule: any Rule.Type
        var testDescription: String { "\(rule.description.code) \(rule.description.alias)" }
    }

    static let cases = RuleRegistry.all.map(RuleCase.init)

    @Test(arguments: cases)
    func passingExamplesGiveNoFinding(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.passing.isEmpty, "every rule needs a passing example")
        for example in description.passing {
            let findings = try findings(of: ruleCase.rule, in: example)
            #expect(findings.isEmpty, "\(description.code) fired on a passing example: \(findings.map(\.message))")
        }
    }

    @Test(arguments: cases)
    func failingExamplesGiveTheMarkedFindings(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.failing.isEmpty, "every rule needs a failing example")
        for example in description.failing {
            let (text, expected) = Self.stripMarkers(example)
            #expect(!expected.isEmpty, "a failing example must mark its findings with ↓")
            let findings = try findings(of: ruleCase.rule, in: text)
            let found = findings.map { Position(line: $0.range.line, column: $0.range.column) }
            #expect(found.sorted() == expected.sorted(),
                    "\(description.code): expected \(expected), found \(found) \(findings.map(\.message))")
            for finding in findings {
                #expect(!finding.message.isEmpty)
                #expect(finding.range.endLine > finding.range.line || finding.range.endColumn >= finding.range.column)
            }
        }
    }

    @Test func codesAndAliasesAreUniqueAndDocumented() {
        let descriptions = RuleRegistry.descriptions
        #expect(Set(descriptions.map(\.code)).count == descriptions.count)
        #expect(Set(descriptions.map(\.alias)).count == descriptions.count)
        for description in descriptions {
            #expect((description.code.hasPrefix("PLAN") && description.code.count == 7)
                    || (description.code.hasPrefix("DEVLOG") && description.code.count == 9))
            #expect(description.alias.allSatisfy { $0.isLowercase || $0 == "-" })
            #expect(!description.summary.isEmpty && !description.what.isEmpty)
            #expect(!description.why.isEmpty && !description.fix.isEmpty)
            #expect(RuleRegistry.rule(named: description.code) != nil)
            #expect(RuleRegistry.rule(named: description.alias) != nil)
        }
        for family in RuleFamily.allCases {
            #expect(descriptions.contains { $0.family == family }, "no rule in \(family)")
        }
    }

    struct Position: Comparable, CustomStringConvertible {
        var line: Int
        var column: Int
        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
        var description: String { "\(line):\(column)" }
    }

    /// The example without its markers, and where each marker stood.
    static func stripMarkers(_ example: String) -> (String, [Position]) {
        var positions: [Position] = []
        var lines: [String] = []
        for (index, line) in example.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var clean = ""
            for character in line {
                if character == RuleDescription.marker {
                    positions.append(Position(line: index + 1, column: DisplayWidth.width(of: clean) + 1))
                } else {
                    clean.append(character)
                }
            }
            lines.append(clean)
        }
        return (lines.joined(separator: "\n"), positions)
    }

    private func findings(of rule: any Rule.Type, in text: String) throws -> [Finding] {
        let source = try SourceLoader.decode(name: "example.md", bytes: Array(text.utf8))
        let plan = PlanParser.parse(source)
        return rule.init().check(CheckContext(plan: plan, source: source))
    }
}
