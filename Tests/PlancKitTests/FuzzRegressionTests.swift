import Foundation
import Testing
@testable import planc_fuzz

/// Every input the fuzzer ever crashed on, kept in `Tests/Fixtures/fuzz/`
/// once fixed, goes through the fuzz target's whole pipeline again; so do
/// the sample plans and devlog entries it is seeded with.
@Suite struct FuzzRegressionTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func files(in folder: String) -> [URL] {
        let directory = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// A crash here takes the test run down with it, which is the failure.
    @Test func keptCrashInputsAndSeedsRunClean() throws {
        let seeds = Self.files(in: "plans") + Self.files(in: "devlog")
        #expect(seeds.count >= 4)
        for input in Self.files(in: "Tests/Fixtures/fuzz") + seeds {
            exercise(Array(try Data(contentsOf: input)))
        }
    }
}
