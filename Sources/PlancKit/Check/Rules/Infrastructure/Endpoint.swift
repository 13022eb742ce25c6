/// A service address or URL taken apart enough to check it: `nats://host:4222`,
/// `redis://:secret@host:6379/0`, `localhost:6379`, `http://host/healthz`.
struct Endpoint {
    var scheme: Substring?
    var host: Substring
    /// The text after the host's colon, and where it sits in the original.
    var port: Substring?

    /// Nil for text that is no address at all (a file path, a command).
    static func parse(_ text: String) -> Endpoint? {
        if let separator = text.firstRange(of: "://") {
            let scheme = text[..<separator.lowerBound]
            var authority = text[separator.upperBound...]
            if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
                authority = authority[..<end]
            }
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            return split(authority, scheme: scheme)
        }
        guard !text.hasPrefix("/"), !text.contains(" "), text.contains(":") else { return nil }
        let authority = text.firstIndex(of: "/").map { text[..<$0] } ?? Substring(text)
        let endpoint = split(authority, scheme: nil)
        // `host:` with nothing after the colon is no address (`http:/x`).
        return endpoint.port?.isEmpty == false ? endpoint : nil
    }

    private static func split(_ authority: Substring, scheme: Substring?) -> Endpoint {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            let host = authority[...close]
            let rest = authority[authority.index(after: close)...]
            return Endpoint(scheme: scheme, host: host, port: rest.hasPrefix(":") ? rest.dropFirst() : nil)
        }
        if let colon = authority.lastIndex(of: ":") {
            return Endpoint(scheme: scheme, host: authority[..<colon], port: authority[authority.index(after: colon)...])
        }
        return Endpoint(scheme: scheme, host: authority, port: nil)
    }

    /// What is wrong with the port, or nil.
    var portProblem: String? {
        guard let port else { return nil }
        guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "`\(port)` is not a port number"
        }
        guard let number = Int(port), (1...65535).contains(number) else {
            return "port \(port) is out of range (1-65535)"
        }
        return nil
    }

    /// What is wrong with the address apart from its port, or nil.
    var problem: String? {
        if let scheme {
            guard let first = scheme.first, first.isASCII, first.isLetter,
                  scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
            else { return "`\(scheme)` is not a URL scheme" }
        }
        if host.isEmpty { return "the address has no host" }
        if host.hasPrefix("[") { return nil }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" || $0 == "%") })
        else { return "`\(host)` is not a host name" }
        return nil
    }
}

/// The addresses a report gives, with where each is written.
struct WrittenAddress {
    var text: String
    var range: SourceRange
    /// Whether the text sits exactly at the range (so parts of it can be
    /// pointed at), or somewhere in a larger range.
    var exact: Bool
    /// Whether it must be an http(s) URL (a health check).
    var mustBeHTTP: Bool
}

extension CheckContext {
    var writtenAddresses: [WrittenAddress] {
        var all: [WrittenAddress] = []
        for service in plan.services {
            if let endpoint = service.endpoint {
                all.append(WrittenAddress(text: endpoint.value, range: endpoint.range, exact: true, mustBeHTTP: false))
            }
            if let health = service.healthCheck {
                all.append(WrittenAddress(text: health.value, range: health.range, exact: true, mustBeHTTP: true))
            }
        }
        for entry in plan.protocolSpec?.monitoring?.entries ?? [] {
            for word in entry.value.split(separator: " ") where word.contains("://") {
                let text = String(word).trimmingCharacters("`<>")
                all.append(WrittenAddress(text: text, range: entry.range, exact: false, mustBeHTTP: false))
            }
        }
        return all
    }
}

extension String {
    func trimmingCharacters(_ characters: String) -> String {
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
