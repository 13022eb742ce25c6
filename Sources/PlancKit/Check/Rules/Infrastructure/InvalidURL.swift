struct InvalidURL: Rule {
    static let description = RuleDescription(
        code: "PLAN025", alias: "invalid-url", family: .infrastructure, severity: .error,
        summary: "A service address or URL is malformed.",
        what: "Checks service endpoints, health checks and monitoring URLs: a valid scheme, a host, and for health checks an `http://` or `https://` URL.",
        why: "`planc diff` requests the health check and connects to the endpoints; a malformed address cannot be reached.",
        fix: "Write a full URL such as `http://localhost:8222/healthz` or `nats://localhost:4222`.",
        passing: ["## Infrastructure\n\n**NATS:** Running on `nats://localhost:4222`\n- Health check: http://localhost:8222/healthz\n"],
        failing: ["## Infrastructure\n\n**NATS:** Running on `↓nats://:4222`\n- Health check: ↓localhost:8222/healthz\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.writtenAddresses.compactMap { address in
            let parsed = Endpoint.parse(address.text)
            if address.mustBeHTTP {
                let scheme = parsed?.scheme?.lowercased()
                guard scheme == "http" || scheme == "https" else {
                    return Finding(range: address.range, message: "the health check `\(address.text)` is not an http(s) URL",
                                   help: "write it as `http://host:port/path`")
                }
            }
            guard let endpoint = parsed, let problem = endpoint.problem else { return nil }
            return Finding(range: address.range, message: "`\(address.text)` is malformed: \(problem)",
                           help: "write a full address such as `nats://localhost:4222`")
        }
    }
}
