import Foundation
import Testing
import PlancLive

/// Three nats-server processes on loopback forming a JetStream cluster, the
/// stream and buckets replicated three times, and one node killed during a
/// claim storm: claims stay exclusive, no acknowledged event is lost, and
/// planc carries on through the remaining URLs.
@Suite struct ClusterTests {
    final class Cluster {
        var processes: [Subprocess] = []
        let directory: String
        let clientPorts: [Int]

        init() throws {
            directory = NSTemporaryDirectory() + "planc-cluster-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            clientPorts = (0..<3).map { _ in TestServers.freePort() }
            let routePorts = (0..<3).map { _ in TestServers.freePort() }
            for node in 0..<3 {
                let routes = (0..<3).filter { $0 != node }.map { "\"nats-route://127.0.0.1:\(routePorts[$0])\"" }
                let config = """
                    server_name: n\(node + 1)
                    listen: 127.0.0.1:\(clientPorts[node])
                    jetstream { store_dir: "\(directory)/n\(node + 1)" }
                    cluster {
                      name: planc-test
                      listen: 127.0.0.1:\(routePorts[node])
                      routes: [\(routes.joined(separator: ", "))]
                    }
                    """
                let file = directory + "/n\(node + 1).conf"
                try config.write(toFile: file, atomically: true, encoding: .utf8)
                let log = directory + "/n\(node + 1).log"
                processes.append(try Subprocess(Self.natsServer(), ["-c", file], stdout: .file(log), stderr: .file(log)))
            }
            for port in clientPorts { try TestServers.waitForPort(port) }
        }

        static func natsServer() -> String {
            ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"]
                .first(where: FileManager.default.isExecutableFile) ?? "nats-server"
        }

        var urls: String { clientPorts.map { "nats://127.0.0.1:\($0)" }.joined(separator: ",") }

        func kill(_ node: Int) {
            processes[node].send(SIGKILL)
            processes[node].wait()
        }

        deinit {
            for process in processes where process.isRunning {
                process.send(SIGKILL)
                process.wait()
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test func claimsStayExclusiveWhenANodeDies() throws {
        let servers = try TestServers.shared()
        let cluster = try Cluster()
        let directory = try CLI.temporaryDirectory()
        let tag = UUID().uuidString.prefix(6).lowercased()
        try """
            live:
              nats: [\(cluster.urls.split(separator: ",").joined(separator: ", "))]
              redis: \(servers.redisURL)
              redis-prefix: c\(tag)
              replicas: 3
              timeout: 5s
            """.write(toFile: directory + "/.planc.yml", atomically: true, encoding: .utf8)
        try ProtocolTests.unassignedPlan(tag: tag, phases: 2, tasksPerPhase: 15)
            .write(toFile: directory + "/storm.md", atomically: true, encoding: .utf8)
        // The cluster elects its JetStream leader within a few seconds.
        var seeded = false
        for _ in 0..<60 where !seeded {
            seeded = try CLI.run(["state", "seed", "storm.md"], in: directory).status == 0
            if !seeded { usleep(500_000) }
        }
        #expect(seeded, "the cluster never accepted the replicated stream and buckets")
        guard seeded else { return }

        func storm(_ phase: Int) -> [[String]] {
            (1...15).flatMap { task in
                (1...4).map { claimer in ["claim", "race-\(tag)-\(phase)-\(task)", "--agent", "agent-\(task)-\(claimer)"] }
            }
        }
        // The first wave races while node 1 is killed; the second starts after.
        let wave = try CLI.launch(storm(1), in: directory)
        usleep(300_000)
        cluster.kill(0)
        let first = CLI.collect(wave)
        // The two remaining nodes elect new leaders for what the dead one
        // led; then claims through the remaining URLs go on.
        var recovered = false
        for attempt in 0..<60 where !recovered {
            recovered = try CLI.run(["claim", "probe-\(tag)-\(attempt)", "--agent", "probe"], in: directory).status == 0
            if !recovered { usleep(500_000) }
        }
        #expect(recovered, "the cluster did not recover after losing a node")
        let second = try CLI.runConcurrently(storm(2), in: directory)
        #expect(first.count == 60 && second.count == 60)

        let survivors = cluster.clientPorts.dropFirst().map { "nats://127.0.0.1:\($0)" }
        let nats = try NATSClient(urls: Array(survivors), timeout: 5, redactor: Redactor(urls: []))
        let bucket = try requireBucket(nats.bucket("AGENT_TASKS"))
        // Events, as the surviving nodes have them.
        var claims: [String: [String]] = [:]
        let last = try nats.streamInfo("AGENT_EVENTS")?.lastSequence ?? 0
        for sequence in 1...max(last, 1) {
            guard let message = try nats.message(stream: "AGENT_EVENTS", sequence: sequence),
                  message.subject == "agent.tasks.claim",
                  let event = try JSONSerialization.jsonObject(with: Data(message.data)) as? [String: Any],
                  let task = event["task"] as? String, let agent = event["agent"] as? String else { continue }
            claims[task, default: []].append(agent)
        }
        for (phase, results) in [(1, first), (2, second)] {
            for task in 1...15 {
                let id = "race-\(tag)-\(phase)-\(task)"
                let attempts = results[(task - 1) * 4..<task * 4]
                let winners = attempts.enumerated().filter { $0.element.status == 0 }.map { "agent-\(task)-\($0.offset + 1)" }
                if winners.count != 1 { print("\(id): \(attempts.map { "\($0.status) \($0.stderr)" })") }
                #expect(winners.count <= 1, "\(id): \(winners) all won")
                #expect(attempts.allSatisfy { [0, 1, 2].contains($0.status) })
                if phase == 2 { #expect(winners.count == 1, "\(id): after the kill, the remaining nodes serve claims") }
                guard let winner = winners.first else { continue }
                #expect(claims[id] == [winner], "\(id): the acknowledged claim of \(winner) is in the stream: \(claims[id] ?? [])")
                let entry = try TaskEntry.decode(requireBucket(bucket.get(id)).value, key: id)
                #expect(entry.agent == winner)
            }
        }
    }
}
