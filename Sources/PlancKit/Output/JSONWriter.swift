/// Writes JSON by hand, keys in the order the caller gives them, so the
/// output shape is exactly the documented one and byte-stable. Strings are
/// escaped per RFC 8259; everything non-ASCII is written as UTF-8.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var indent = 0
    private var needsComma: [Bool] = []
    private let pretty: Bool

    public init(pretty: Bool = true, reserve: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(reserve)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    public mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    public mutating func endObject() {
        close()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        open()
    }

    public mutating func endArray() {
        close()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Starts a member of the current object; write its value next.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
    }

    /// Starts an element of the current array; write it next.
    public mutating func element() {
        separate()
    }

    // MARK: Values

    public mutating func string(_ value: String) { writeString(value) }

    public mutating func string(_ value: String?) {
        if let value { writeString(value) } else { null() }
    }

    public mutating func int(_ value: Int) { append(String(value)) }

    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// A number: integral values without a fraction (`4`, not `4.0`).
    public mutating func number(_ value: Double?) {
        guard let value, value.isFinite else { null(); return }
        if value == value.rounded(), abs(value) < 1e15 {
            append(String(Int64(value)))
        } else {
            append(String(value))
        }
    }

    public mutating func bool(_ value: Bool?) {
        guard let value else { null(); return }
        append(value ? "true" : "false")
    }

    public mutating func null() { append("null") }

    // MARK: Members in one call

    public mutating func member(_ name: String, _ value: String?) { key(name); string(value) }
    public mutating func member(_ name: String, _ value: Int?) { key(name); int(value) }
    public mutating func member(_ name: String, number value: Double?) { key(name); number(value) }
    public mutating func member(_ name: String, _ value: Bool?) { key(name); bool(value) }

    // MARK: Layout

    private mutating func open() {
        indent += 1
        needsComma.append(false)
    }

    private mutating func close() {
        indent -= 1
        let hadMembers = needsComma.removeLast()
        if pretty && hadMembers { newline() }
    }

    private mutating func separate() {
        if needsComma.last == true { bytes.append(UInt8(ascii: ",")) }
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
        if pretty { newline() }
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x00..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                append("\\u00" + (hex.count == 1 ? "0" + hex : hex))
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
