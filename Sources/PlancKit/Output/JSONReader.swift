/// A JSON value as live-state entries, events and snapshots hold them.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public var string: String? { if case .string(let text) = self { return text }; return nil }

    public var bool: Bool? { if case .bool(let value) = self { return value }; return nil }

    /// A number's integer part, when it has one that fits.
    public var int: Int? {
        guard case .number(let value) = self, value.isFinite, abs(value) < 9.0e15 else { return nil }
        return Int(value.rounded(.towardZero))
    }

    public var object: [String: JSONValue]? { if case .object(let members) = self { return members }; return nil }

    public var array: [JSONValue]? { if case .array(let items) = self { return items }; return nil }

    public subscript(key: String) -> JSONValue? { object?[key] }
}

/// Why bytes are not JSON: what was expected, at which byte.
public struct JSONReadError: Error, Sendable, CustomStringConvertible {
    public let offset: Int
    public let problem: String
    public var description: String { "\(problem) at byte \(offset)" }
}

/// RFC 8259 JSON, read strictly: no trailing commas, no comments, no
/// leading zeros, valid escapes (surrogate pairs joined, lone surrogates
/// refused), nothing after the value. Nesting is limited so that hostile
/// input cannot exhaust the stack. planc reads live state with it, which
/// keeps Foundation out of the binary.
public struct JSONReader {
    public static let maxDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    public static func parse(_ bytes: [UInt8]) throws(JSONReadError) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value()
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.error("unexpected text after the value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ problem: String) -> JSONReadError { JSONReadError(offset: index, problem: problem) }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ word: String, _ result: JSONValue) throws(JSONReadError) -> JSONValue {
        for byte in word.utf8 {
            guard current == byte else { throw error("expected `\(word)`") }
            index += 1
        }
        return result
    }

    private mutating func value() throws(JSONReadError) -> JSONValue {
        switch current {
        case UInt8(ascii: "{"): return try nested { (reader: inout JSONReader) throws(JSONReadError) in try reader.object() }
        case UInt8(ascii: "["): return try nested { (reader: inout JSONReader) throws(JSONReadError) in try reader.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case .some(let byte) where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39): return try number()
        case nil: throw error("unexpected end of input")
        default: throw error("expected a value")
        }
    }

    private mutating func nested(_ body: (inout JSONReader) throws(JSONReadError) -> JSONValue)
    throws(JSONReadError) -> JSONValue {
        guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) levels deep") }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(JSONReadError) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipSpace()
        if current == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let name = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw error("expected `:`") }
            index += 1
            skipSpace()
            members[name] = try value()
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw error("expected `,` or `}`")
            }
        }
    }

    private mutating func array() throws(JSONReadError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if current == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            default: throw error("expected `,` or `]`")
            }
        }
    }

    private mutating func number() throws(JSONReadError) -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.index
            while let byte = reader.current, byte >= 0x30 && byte <= 0x39 { reader.index += 1 }
            return reader.index - from
        }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("expected a digit") }
        if integerDigits > 1 && bytes[integerStart] == 0x30 {
            throw JSONReadError(offset: integerStart, problem: "leading zero in a number")
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("expected a digit after `.`") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw JSONReadError(offset: start, problem: "unreadable number") }
        return .number(value)
    }

    private mutating func string() throws(JSONReadError) -> String {
        index += 1
        var utf8: [UInt8] = []
        while true {
            guard let byte = current else { throw error("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                // Bytes were validated as UTF-8 below, escapes encoded by us.
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0..<0x20:
                throw JSONReadError(offset: index - 1, problem: "control character in a string")
            case 0x80...:
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
                let end = index - 1 + length
                let sequence = end <= bytes.count ? bytes[(index - 1)..<end] : []
                let valid = length > 0 && end <= bytes.count
                    && sequence.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) == nil }
                guard valid else {
                    throw JSONReadError(offset: index - 1, problem: "invalid UTF-8 in a string")
                }
                utf8.append(contentsOf: bytes[(index - 1)..<end])
                index = end
            default:
                utf8.append(byte)
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(JSONReadError) {
        guard let byte = current else { throw error("unterminated escape") }
        index += 1
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C,
                                      0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
        if let replacement = simple[byte] { utf8.append(replacement); return }
        guard byte == UInt8(ascii: "u") else { throw JSONReadError(offset: index - 1, problem: "unknown escape") }
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("lone surrogate in a string")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("lone surrogate in a string") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw error("lone surrogate in a string")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid escape") }
        utf8.append(contentsOf: String(Character(unicode)).utf8)
    }

    private mutating func hex4() throws(JSONReadError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("expected four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw error("expected four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
