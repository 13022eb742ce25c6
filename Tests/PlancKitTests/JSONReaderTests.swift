import Testing
@testable import PlancKit

/// The JSON reader planc uses for live state: what it accepts, what it
/// refuses and where it says the fault is.
@Suite struct JSONReaderTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"task": "rate-limiting", "percent": 40, "ratio": -1.5e2, "held": true, "# +
                              #""lease": null, "tags": ["a", "b"], "nested": {"x": {}}} "#)
        #expect(value["task"]?.string == "rate-limiting")
        #expect(value["percent"]?.int == 40)
        #expect(value["ratio"] == .number(-150))
        #expect(value["held"]?.bool == true)
        #expect(value["lease"] == .null)
        #expect(value["tags"]?.array?.compactMap(\.string) == ["a", "b"])
        #expect(value["nested"]?["x"] == .object([:]))
    }

    @Test func decodesEscapesAndKeepsUnicode() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude80 ✅""#).string == "a\"b\\c/d\n\té🚀 ✅")
    }

    @Test(arguments: [
        ("", 0, "unexpected end of input"),
        ("{\"a\": 1,}", 8, "expected a member name"),
        ("[1, 2", 5, "expected `,` or `]`"),
        ("01", 0, "leading zero"),
        ("1.", 2, "expected a digit after `.`"),
        ("\"\\ud800\"", 7, "lone surrogate"),
        ("\"\\udc00\"", 7, "lone surrogate"),
        ("\"a\nb\"", 2, "control character"),
        ("\"\\x\"", 2, "unknown escape"),
        ("{} {}", 3, "unexpected text after the value"),
        ("tru", 3, "expected `true`"),
    ])
    func refusesWithThePlace(text: String, offset: Int, problem: String) {
        #expect {
            _ = try JSONReader.parse(Array(text.utf8))
        } throws: { error in
            guard let error = error as? JSONReadError else { return false }
            return error.offset == offset && error.problem.contains(problem)
        }
    }

    @Test func refusesInvalidUTF8InStrings() {
        #expect(throws: JSONReadError.self) { try JSONReader.parse([0x22, 0xC3, 0x22]) }
        #expect(throws: JSONReadError.self) { try JSONReader.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    @Test func limitsNestingInsteadOfOverflowingTheStack() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            _ = try JSONReader.parse(Array(deep.utf8))
        } throws: { error in
            (error as? JSONReadError)?.problem.contains("nested more than") == true
        }
        let fine = String(repeating: "[", count: JSONReader.maxDepth) + String(repeating: "]", count: JSONReader.maxDepth)
        #expect(try JSONReader.parse(Array(fine.utf8)).array?.count == 1)
    }

    /// What planc writes, it reads back.
    @Test func readsWhatTheWriterWrites() throws {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.member("text", "quote \" backslash \\ newline \n emoji 🚀 control \u{01}")
        writer.member("count", 7)
        writer.endObject()
        let value = try JSONReader.parse(writer.bytes)
        #expect(value["text"]?.string == "quote \" backslash \\ newline \n emoji 🚀 control \u{01}")
        #expect(value["count"]?.int == 7)
    }
}
