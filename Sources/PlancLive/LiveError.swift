/// Live state could not be read or written: a server unreachable within
/// the timeout, refusing credentials, a bucket missing. Commands exit 2.
/// Messages name endpoints with credentials redacted.
public struct LiveError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
