import Testing
@testable import PlancKit

/// The YAML composer over libyaml, as `.planc.yml` and devlog front matter
/// use it.
@Suite struct YAMLTests {
    @Test func keepsOrderLinesAndScalarText() throws {
        let root = try #require(try YAML.compose("b: 90\na:\n  - x\n  - 'off'\nc: off\n"))
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.string } == ["b", "a", "c"])
        #expect(pairs[0].value.string == "90" && pairs[0].value.int == 90)
        #expect(pairs[1].value.line == 3)
        #expect(pairs[1].value.sequence?.compactMap(\.string) == ["x", "off"])
        #expect(pairs[1].value.sequence?[1].bool == nil, "a quoted scalar is a string")
        #expect(pairs[2].value.bool == false)
    }

    @Test func resolvesAliases() throws {
        let root = try #require(try YAML.compose("base: &urls [a, b]\nother: *urls\n"))
        #expect(root.mapping?[1].value.sequence?.compactMap(\.string) == ["a", "b"])
        #expect {
            _ = try YAML.compose("x: *missing\n")
        } throws: { error in
            (error as? YAMLError)?.problem.contains("names no anchor") == true
        }
    }

    @Test func emptyTextHasNoDocument() throws {
        #expect(try YAML.compose("") == nil)
        #expect(try YAML.compose("# only a comment\n") == nil)
    }

    @Test func syntaxErrorsCarryTheirLine() {
        #expect {
            _ = try YAML.compose("a: 1\nb: [\n")
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.line == 3 && !error.problem.isEmpty
        }
        #expect(throws: YAMLError.self) { try YAML.compose("a: 1\n  b: 2\n") }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect {
            _ = try YAML.compose(deep)
        } throws: { error in
            (error as? YAMLError)?.problem.contains("nested more than") == true
        }
    }
}

extension YAMLNode: Equatable {
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, p, l), .scalar(b, q, m)): return a == b && p == q && l == m
        case let (.sequence(a, l), .sequence(b, m)): return a == b && l == m
        case let (.mapping(a, l), .mapping(b, m)):
            return l == m && a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}
