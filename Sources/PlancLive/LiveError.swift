/// Live state could not be read or written: a server unreachable within
/// the timeout, refusing credentials, a bucket missing. Commands exit 2.
/// Messages name endpoints with credentials redacted.
public struct LiveError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// A failure that may pass by itself: a timeout, no responder while a
    /// JetStream cluster elects a leader, a connection being re-established.
    public let transient: Bool

    public init(_ message: String, transient: Bool = false) {
        self.message = message
        self.transient = transient
    }

    public var description: String { message }
}
