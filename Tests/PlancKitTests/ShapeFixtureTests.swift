import Foundation
import Testing
@testable import PlancKit

/// The shapes of report planc reads (docs/plan-format.md), one fixture each
/// in Tests/Fixtures/shapes: each compiles to its `.model.json` (ranges
/// aside) and gives exactly the findings in its `.findings`. The reference
/// report rewritten in other shapes reads as the reference itself.
@Suite struct ShapeFixtureTests {
    static let directory = Repository.path("Tests/Fixtures/shapes")

    static var fixtures: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func thereAreTwentyShapesAtLeast() {
        #expect(Self.fixtures.count >= 20, "found \(Self.fixtures.count) fixtures in \(Self.directory)")
        #expect(Self.fixtures.filter { $0.hasPrefix("reference-") }.count == 7)
    }

    @Test(arguments: fixtures)
    func fixtureReadsAsExpected(_ name: String) throws {
        let path = Self.directory + "/" + name
        let base = String(path.dropLast(3))
        let source = try SourceLoader.load(path: path)
        let plan = PlanParser.parse(source)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".model.json")))
        let model = try modelWithoutRanges(plan)
        #expect(model.isEqual(expected), "\(name): the model differs from \(name.dropLast(3)).model.json")

        let findings = Checker().check(plan, source: source).map { "\($0.code) \($0.range.line):\($0.range.column)" }
        // Read with POSIX calls: Foundation's file reading leaks on an empty
        // file under LeakSanitizer.
        let wanted = String(decoding: try readBytes(base + ".findings"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(findings == wanted, "\(name)")
    }

    /// What the reference report says, in a form every shape can give:
    /// agents with their tasks, phases with their agents and dependencies.
    static func essence(_ plan: Plan) -> [String] {
        var lines = ["title \(plan.title ?? "-") \(plan.date?.value?.description ?? "-")"]
        for agent in plan.agents {
            lines.append("agent \(agent.slug) \(agent.id ?? "-") \(agent.status?.status?.rawValue ?? "-") "
                + "\(agent.started?.value?.description ?? "-") \(agent.currentTask?.phaseNumber ?? 0) "
                + "\(agent.currentTask?.effort?.value?.hours ?? 0)")
            for task in agent.tasks {
                lines.append("  task \(task.id) \(task.effort?.value?.hours ?? -1) "
                    + "\(task.priority?.value?.rawValue ?? "-") \(task.status.rawValue)")
            }
        }
        for phase in plan.phases {
            lines.append("phase \(phase.number ?? 0) \(phase.name) \(phase.status?.status?.rawValue ?? "-") "
                + "\(phase.effort?.value?.hours ?? -1) \(phase.agents.map { $0.agent ?? "?" }) "
                + "\(phase.dependencies.map { "\(String(describing: $0.target))" }) \(phase.tasks.map(\.id))")
        }
        lines.append("tasks \(plan.tasks.map(\.id))")
        lines.append("lastUpdated \(plan.lastUpdated?.value?.description ?? "-")")
        return lines
    }

    @Test(arguments: fixtures.filter { $0.hasPrefix("reference-") })
    func referenceInAnotherShapeReadsAsTheReference(_ name: String) throws {
        let reference = try parseFile(Repository.path("plans/coordination-status.md"))
        let source = try SourceLoader.load(path: Self.directory + "/" + name)
        let plan = PlanParser.parse(source)
        #expect(Self.essence(plan) == Self.essence(reference), "\(name)")
        // And it passes `check --strict`: no finding at all.
        let findings = Checker().check(plan, source: source)
        #expect(findings.isEmpty, "\(name): \(findings.map { "\($0.code) \($0.range.line): \($0.message)" })")
    }
}

/// A file's bytes, read with open and read.
func readBytes(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = read(fd, &buffer, buffer.count)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return bytes
}
