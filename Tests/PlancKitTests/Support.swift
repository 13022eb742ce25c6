import Foundation
@testable import PlancKit

/// Paths inside the repository, found from this file's location so that
/// tests run the same from any working directory.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static var plans: [String] {
        let directory = path("plans")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { directory + "/" + $0 }
    }
}

/// Parses markdown text, failing the test on bad input.
func parse(_ text: String, options: ParseOptions = ParseOptions()) throws -> Plan {
    try PlanParser.parse(text: text, options: options)
}

func parseFile(_ path: String) throws -> Plan {
    PlanParser.parse(try SourceLoader.load(path: path))
}

/// The model JSON as a Foundation object with every `range` and `file`
/// removed, for comparing models apart from positions.
func modelWithoutRanges(_ plan: Plan) throws -> NSObject {
    let object = try JSONSerialization.jsonObject(with: Data(PlanJSON.encode(plan)))
    return strip(object) as! NSObject
}

private func strip(_ value: Any) -> Any {
    if let dictionary = value as? [String: Any] {
        var result: [String: Any] = [:]
        for (key, inner) in dictionary where key != "range" && key != "file" && key != "repairs" { result[key] = strip(inner) }
        return result as NSDictionary
    }
    if let array = value as? [Any] { return array.map(strip) as NSArray }
    return value
}

/// Lower-case words of a text, for checking that rendering drops nothing.
func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count > 1 }
}
