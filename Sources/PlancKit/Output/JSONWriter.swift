/// Writes JSON by hand, keys in the order the caller gives them, so the
/// output shape is exactly the documented one and byte-stable. Strings are
/// escaped per RFC 8259; everything non-ASCII is written as UTF-8.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var indent = 0
    private var needsComma: [Bool] = []
    private let pretty: Bool
    /// Depth of objects written on one line (ranges), even when pretty.
    private var inlineDepth = 0
    private var breaksLines: Bool { pretty && inlineDepth == 0 }

    /// Where written bytes go when streaming; without one they stay in `bytes`.
    private let sink: (([UInt8]) -> Void)?

    public init(pretty: Bool = true, reserve: Int = 4096, sink: (([UInt8]) -> Void)? = nil) {
        self.pretty = pretty
        self.sink = sink
        bytes.reserveCapacity(reserve)
    }

    /// A writer for one value that goes `depth` containers deep into
    /// another writer's output (with `element()` and `raw(_:)` there): its
    /// bytes are the ones that writer would have written itself.
    public init(pretty: Bool, depth: Int, reserve: Int = 4096) {
        self.init(pretty: pretty, reserve: reserve)
        indent = depth
    }

    /// How many containers deep the next value goes.
    public var depth: Int { indent }
    public var isPretty: Bool { pretty }

    /// When streaming, hands what is written so far to the sink once it is
    /// worth a write. JSON is never revised once written, so this can happen
    /// between any two values.
    public mutating func flushIfLarge() {
        if sink != nil && bytes.count >= 1 << 16 { flush() }
    }

    /// When streaming, hands everything written so far to the sink.
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The line break that ends a document.
    public mutating func endDocument() { bytes.append(0x0A) }

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

    /// An object kept on one line in pretty output: `{"line": 1, ...}`.
    public mutating func beginInlineObject() {
        bytes.append(UInt8(ascii: "{"))
        inlineDepth += 1
        open()
    }

    public mutating func endInlineObject() {
        close()
        inlineDepth -= 1
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

    /// Starts a member of the current object; write its value next. Keys
    /// are literals of plain ASCII, copied without escaping.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
    }

    /// Starts a member whose name is data (a task ID), escaped as a string.
    public mutating func key(dynamic name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
    }

    public mutating func member(dynamic name: String, _ value: String?) { key(dynamic: name); string(value) }
    public mutating func member(dynamic name: String, _ value: Int?) { key(dynamic: name); int(value) }

    /// Bytes that already are one JSON value.
    public mutating func raw(_ json: [UInt8]) { bytes.append(contentsOf: json) }

    /// Starts an element of the current array; write it next.
    public mutating func element() {
        separate()
    }

    // MARK: Values

    public mutating func string(_ value: String) { writeString(value) }

    public mutating func string(_ value: String?) {
        if let value { writeString(value) } else { null() }
    }

    public mutating func int(_ value: Int) {
        // Digits straight into the buffer: no String per number.
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

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

    public mutating func member(_ name: StaticString, _ value: String?) { key(name); string(value) }
    public mutating func member(_ name: StaticString, _ value: Int?) { key(name); int(value) }
    public mutating func member(_ name: StaticString, number value: Double?) { key(name); number(value) }
    public mutating func member(_ name: StaticString, _ value: Bool?) { key(name); bool(value) }

    // MARK: Layout

    private mutating func open() {
        indent += 1
        needsComma.append(false)
    }

    private mutating func close() {
        indent -= 1
        let hadMembers = needsComma.removeLast()
        if breaksLines && hadMembers { newline() }
    }

    private mutating func separate() {
        if needsComma.last == true {
            bytes.append(UInt8(ascii: ","))
            if pretty && !breaksLines { bytes.append(UInt8(ascii: " ")) }
        }
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
        if breaksLines { newline() }
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        let width = indent * 2
        if width <= Self.spaces.count {
            bytes.append(contentsOf: Self.spaces[0..<width])
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy them whole.
        var text = value
        let copied = text.withUTF8 { buffer -> Bool in
            for byte in buffer where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied {
            bytes.append(UInt8(ascii: "\""))
            return
        }
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
