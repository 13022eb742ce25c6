import CHiredis

#if canImport(Glibc)
import Glibc
#endif

/// A Redis reply, copied out of hiredis's.
public enum RedisReply: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case array([RedisReply])
    case status(String)
    case error(String)
    case null

    public var text: String? {
        switch self {
        case .string(let text), .status(let text): return text
        case .integer(let value): return String(value)
        default: return nil
        }
    }

    public var elements: [RedisReply] {
        if case .array(let elements) = self { return elements }
        return []
    }
}

/// The one place that talks to hiredis: a connection with connect and
/// command timeouts, authentication and database selection, commands one at
/// a time or pipelined. Every reply is freed before it is returned as a
/// Swift value.
public final class RedisClient {
    private let context: UnsafeMutablePointer<redisContext>
    public let displayURL: String
    private let redactor: Redactor

    public init(url text: String, timeout: Double, redactor: Redactor) throws(LiveError) {
        self.redactor = redactor
        self.displayURL = redactor.url(text)
        guard let url = RedisURL(text) else {
            throw LiveError("Redis: `\(redactor.url(text))` is not a redis://[:password@]host[:port][/db] URL")
        }
        let seconds = max(timeout, 0.05)
        let interval = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        guard let context = redisConnectWithTimeout(url.host, Int32(url.port), interval) else {
            throw LiveError("Redis at \(displayURL) is unreachable: out of memory")
        }
        // Checked before the context is stored: once it is, a throw runs
        // deinit, which frees it.
        if context.pointee.err != 0 {
            let reason = Self.errorText(context)
            redisFree(context)
            throw LiveError(redactor.scrub("Redis at \(displayURL) is unreachable: \(reason)"))
        }
        self.context = context
        redisSetTimeout(context, interval)
        if let password = url.password {
            let arguments = url.user.map { ["AUTH", $0, password] } ?? ["AUTH", password]
            if case .error(let message) = try command(arguments) {
                throw LiveError(redactor.scrub("Redis at \(displayURL) refused the credentials: \(message)"))
            }
        }
        if url.database != 0, case .error(let message) = try command(["SELECT", String(url.database)]) {
            throw LiveError("Redis at \(displayURL): cannot select database \(url.database): \(message)")
        }
    }

    deinit { redisFree(context) }

    private static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        withUnsafeBytes(of: context.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// One command, waiting for its reply.
    public func command(_ arguments: [String]) throws(LiveError) -> RedisReply {
        try pipeline([arguments])[0]
    }

    /// Several commands sent at once and their replies read in order: one
    /// round trip for the lot.
    public func pipeline(_ commands: [[String]]) throws(LiveError) -> [RedisReply] {
        for arguments in commands {
            let status = withArgv(arguments) { argc, argv, lengths in
                redisAppendCommandArgv(context, argc, argv, lengths)
            }
            guard status == REDIS_OK else { throw failure("could not send a command") }
        }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReply(context, &raw) == REDIS_OK, let raw else {
                throw failure("no reply (connection lost or timed out)")
            }
            let reply = raw.assumingMemoryBound(to: redisReply.self)
            replies.append(Self.convert(reply))
            freeReplyObject(raw)
        }
        return replies
    }

    private func failure(_ what: String) -> LiveError {
        LiveError(redactor.scrub("Redis at \(displayURL): \(what): \(Self.errorText(context))"))
    }

    private func withArgv<R>(_ arguments: [String],
                             _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R) -> R {
        var pointers = arguments.map { UnsafePointer(strdup($0)) }
        let lengths = arguments.map { $0.utf8.count }
        defer { pointers.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        return pointers.withUnsafeMutableBufferPointer { argv in
            lengths.withUnsafeBufferPointer { body(Int32(arguments.count), argv.baseAddress!, $0.baseAddress!) }
        }
    }

    private static func convert(_ reply: UnsafeMutablePointer<redisReply>) -> RedisReply {
        let value = reply.pointee
        func text() -> String {
            guard let string = value.str else { return "" }
            return String(decoding: UnsafeRawBufferPointer(start: string, count: Int(value.len)), as: UTF8.self)
        }
        switch value.type {
        case REDIS_REPLY_STRING: return .string(text())
        case REDIS_REPLY_STATUS: return .status(text())
        case REDIS_REPLY_ERROR: return .error(text())
        case REDIS_REPLY_INTEGER: return .integer(Int(value.integer))
        case REDIS_REPLY_ARRAY:
            var elements: [RedisReply] = []
            for index in 0..<Int(value.elements) {
                if let element = value.element[index] { elements.append(convert(element)) }
            }
            return .array(elements)
        default: return .null
        }
    }
}
