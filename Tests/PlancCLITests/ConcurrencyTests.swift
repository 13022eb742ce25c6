import Foundation
import PlanGen
import Testing

/// Large reports are parsed and checked on every core; the output must be
/// exactly what one thread gives.
@Suite struct ConcurrencyTests {
    static let reports: [(name: String, text: String)] = [
        ("generated", ReportGenerator.generate(.init(agents: 400, tasksPerAgent: 12, variety: true))),
        // Findings from every family, hundreds of times over.
        ("repeated", String(repeating: (try? String(contentsOfFile: CLI.path("plans/coordination-status.md"),
                                                    encoding: .utf8)) ?? "", count: 120)),
    ]

    @Test(arguments: [["check", "--format", "json"], ["check"], ["compile"], ["fmt"]])
    func threadsDoNotChangeTheOutput(command: [String]) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for report in Self.reports {
            let path = try CLI.write(Array(report.text.utf8), named: report.name + ".md", in: directory)
            #expect(report.text.utf8.count > 256 * 1024, "the report must be large enough for threads")
            let parallel = try CLI.run(command + [path], environment: ["NO_COLOR": "1"])
            let serial = try CLI.run(command + [path], environment: ["NO_COLOR": "1", "PLANC_THREADS": "1"])
            #expect(!parallel.crashed)
            #expect(parallel.status == serial.status)
            #expect(parallel.stdoutData == serial.stdoutData, "\(report.name): \(command)")
            #expect(parallel.stderr == serial.stderr)
            #expect(!parallel.stdoutData.isEmpty)
        }
    }
}
