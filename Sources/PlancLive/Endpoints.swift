/// Where live state is: NATS servers (a cluster may list several URLs) and
/// a Redis server, and how to print them without their credentials.
public struct LiveEndpoints: Sendable {
    public var natsURLs: [String]
    public var redisURL: String
    /// Connection and request timeout, seconds.
    public var timeout: Double

    public init(natsURLs: [String], redisURL: String, timeout: Double) {
        self.natsURLs = natsURLs
        self.redisURL = redisURL
        self.timeout = timeout
    }

    public var redactor: Redactor { Redactor(urls: natsURLs + [redisURL]) }
}

/// Removes credentials from anything planc prints: the user information of
/// URLs (`nats://alice:secret@host` → `nats://***@host`) and every password
/// or token met in them, wherever it appears (error texts included).
public struct Redactor: Sendable {
    private var secrets: [String] = []

    public init(urls: [String]) {
        for url in urls {
            guard let info = Self.userInfo(of: url) else { continue }
            for part in info.split(separator: ":") where part.count >= 3 {
                secrets.append(String(part))
            }
            secrets.append(info)
        }
        secrets.sort { $0.count > $1.count }
    }

    /// A URL as it may be shown.
    public func url(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://"),
              let at = url[scheme.upperBound...].firstIndex(of: "@") else { return scrub(url) }
        return String(url[..<scheme.upperBound]) + "***" + String(url[at...])
    }

    /// Text with every known secret replaced by `***`.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets where !secret.isEmpty {
            result = result.replacingAll(secret, with: "***")
        }
        return result
    }

    static func userInfo(of url: String) -> String? {
        guard let scheme = url.firstRange(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return nil }
        return String(authority[..<at])
    }
}

/// `redis://[user][:password@]host[:port][/db]`.
public struct RedisURL: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String?
    public var password: String?
    public var database: Int

    public init?(_ text: String) {
        var rest = Substring(text)
        if let scheme = rest.firstRange(of: "://") {
            guard rest[..<scheme.lowerBound] == "redis" else { return nil }
            rest = rest[scheme.upperBound...]
        }
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            if let colon = info.firstIndex(of: ":") {
                user = info[..<colon].isEmpty ? nil : String(info[..<colon])
                password = String(info[info.index(after: colon)...])
            } else {
                password = String(info)
            }
            rest = rest[rest.index(after: at)...]
        }
        database = 0
        if let slash = rest.firstIndex(of: "/") {
            let db = rest[rest.index(after: slash)...]
            if !db.isEmpty {
                guard let number = Int(db), number >= 0 else { return nil }
                database = number
            }
            rest = rest[..<slash]
        }
        if let colon = rest.lastIndex(of: ":") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else { return nil }
            port = number
            host = String(rest[..<colon])
        } else {
            port = 6379
            host = String(rest)
        }
        guard !host.isEmpty else { return nil }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let found = rest.firstRange(of: target) {
            result += rest[..<found.lowerBound] + replacement
            rest = rest[found.upperBound...]
        }
        return result + rest
    }
}
