struct InvalidPort: Rule {
    static let description = RuleDescription(
        code: "PLAN024", alias: "invalid-port", family: .infrastructure, severity: .error,
        summary: "A service address has a port that is not a port.",
        what: "Checks the ports of service endpoints, health checks and monitoring URLs: a number from 1 to 65535.",
        why: "Agents and `planc diff` connect to these addresses; a bad port fails every connection.",
        fix: "Write the port the service listens on, from 1 to 65535.",
        passing: ["## Infrastructure\n\n**Redis:** Running on `localhost:6379`\n"],
        failing: ["## Infrastructure\n\n**Redis:** Running on `localhost:↓70000`\n\n**NATS:** Running on `nats://localhost:↓42x2`\n"])

    func check(_ context: CheckContext) -> [Finding] {
        context.writtenAddresses.compactMap { address in
            guard let endpoint = Endpoint.parse(address.text), let problem = endpoint.portProblem else { return nil }
            var range = address.range
            if address.exact, let port = endpoint.port {
                range = context.subrange(of: address.range, text: address.text, from: port.startIndex, to: port.endIndex)
            }
            return Finding(range: range, message: "`\(address.text)`: \(problem)",
                           help: "ports are numbers from 1 to 65535")
        }
    }
}
