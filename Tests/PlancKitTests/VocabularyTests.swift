import Testing
@testable import PlancKit

/// A team's own words (`.planc.yml` `vocabulary:`) read like planc's own.
@Suite struct VocabularyTests {
    static let report = """
        # Statut - 2026-03-02

        ## Agents

        ### Recherche (Agent ID: r1)
        **Status:** 🟢 RUNNING
        **Progress:**
        - Task 1: Index (EN COURS)
        - Task 2: Cache - TERMINÉ

        **Tasks:**
        1. **Index** (4h) - HAUTE
        2. **Cache** (2h) - BASSE

        ## Phase Plan

        ### Phase 1: Index (1 day) - EN COURS
        """

    @Test func configuredWordsAreStatusesAndPriorities() throws {
        let configuration = try ConfigLoader.parse("""
            vocabulary:
              EN COURS: inProgress
              Terminé: done
              HAUTE: high
              basse: LOW
            """, file: ".planc.yml")
        let plan = try parse(Self.report, options: configuration.parseOptions)
        let tasks = plan.agents[0].tasks
        #expect(tasks.map(\.status) == [.inProgress, .done])
        #expect(tasks.map { $0.priority?.value } == [.high, .low])
        #expect(plan.phases[0].status?.status == .inProgress)
        let source = try SourceLoader.decode(name: "status.md", bytes: Array(Self.report.utf8))
        let findings = Checker(configuration: configuration).check(PlanParser.parse(source, options: configuration.parseOptions),
                                                                  source: source)
        #expect(findings.isEmpty, "\(findings.map { "\($0.code) \($0.message)" })")
    }

    @Test func withoutTheVocabularyTheWordsAreUnknown() throws {
        let plan = try parse(Self.report)
        #expect(plan.agents[0].tasks.map(\.status) == [.pending, .pending])
        #expect(plan.agents[0].tasks.map { $0.priority?.value } == [nil, nil])
        let source = try SourceLoader.decode(name: "status.md", bytes: Array(Self.report.utf8))
        let codes = Set(Checker().check(PlanParser.parse(source), source: source).map(\.code))
        #expect(codes.isSuperset(of: ["PLAN020", "PLAN021"]))
    }

    @Test(arguments: [
        ("vocabulary:\n  EN COURS: busy\n", 2, "`vocabulary.EN COURS`: `busy` is not a status"),
        ("vocabulary: [a, b]\n", 1, "`vocabulary`: expected a mapping of word: meaning"),
        ("vocabulary:\n  \"--\": done\n", 2, "`vocabulary`: a word must have letters or digits"),
        ("vocabulary:\n  done: blocked\n", 2, "`vocabulary.done`: `done` is one of planc's own words (done)"),
    ])
    func badVocabularyIsRefusedWithItsLine(text: String, line: Int, message: String) {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, file: ".planc.yml") }
        do {
            _ = try ConfigLoader.parse(text, file: ".planc.yml")
        } catch {
            #expect(error.line == line)
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}
