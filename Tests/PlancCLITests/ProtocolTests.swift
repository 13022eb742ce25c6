import Foundation
import Testing
import PlancLive

/// The agents' protocol on real servers, with real processes racing.
@Suite struct ProtocolTests {
    /// A plan whose tasks nobody is assigned: phases without agents.
    static func unassignedPlan(tag: String, phases: Int, tasksPerPhase: Int, dependent: Bool = false) -> String {
        var text = "# Race \(tag) - 2025-12-11\n\n## Active Agents\n\n## Phase Plan\n\n"
        for phase in 1...phases {
            let tasks = (1...tasksPerPhase).map { "Race \(tag) \(phase) \($0)" }.joined(separator: ", ")
            text += "### Phase \(phase): Work \(phase) (1 day) - PENDING\n- **Tasks:** \(tasks)\n"
            if dependent && phase > 1 { text += "- **Dependencies:** Phase \(phase - 1)\n" }
            text += "\n"
        }
        return text
    }

    /// The events of the stream published since `after`, on a subject.
    static func events(_ servers: TestServers, after: UInt64, subjectPrefix: String) throws -> [[String: Any]] {
        let nats = try servers.nats()
        let last = try nats.streamInfo("AGENT_EVENTS")?.lastSequence ?? 0
        var result: [[String: Any]] = []
        var sequence = after + 1
        while sequence <= last {
            if let message = try nats.message(stream: "AGENT_EVENTS", sequence: sequence),
               message.subject.hasPrefix(subjectPrefix),
               let object = try JSONSerialization.jsonObject(with: Data(message.data)) as? [String: Any] {
                result.append(object)
            }
            sequence += 1
        }
        return result
    }

    static func lastSequence(_ servers: TestServers) throws -> UInt64 {
        try servers.nats().streamInfo("AGENT_EVENTS")?.lastSequence ?? 0
    }

    @Test func thirtyTwoRacingClaimersHaveOneWinnerEachRound() throws {
        let workspace = try LiveWorkspace()
        #expect(try workspace.planc(["state", "seed", "status.md"]).status == 0)
        let tag = UUID().uuidString.prefix(6).lowercased()
        let before = try Self.lastSequence(workspace.servers)
        for round in 1...20 {
            let task = "race-\(tag)-\(round)"
            let results = try CLI.runConcurrently((1...32).map { ["claim", task, "--agent", "agent-\($0)"] },
                                                  in: workspace.directory)
            let winners = results.filter { $0.status == 0 }
            #expect(winners.count == 1, "round \(round): \(results.map(\.status))")
            let losers = results.filter { $0.status == 1 }
            #expect(losers.count == 31)
            #expect(losers.allSatisfy { $0.stderr.contains("held by agent-") })
            #expect(results.allSatisfy { $0.status == 0 || $0.status == 1 }, "\(results.map(\.stderr))")
        }
        let claims = try Self.events(workspace.servers, after: before, subjectPrefix: "agent.tasks.claim")
            .compactMap { $0["task"] as? String }.filter { $0.hasPrefix("race-\(tag)-") }
        #expect(claims.count == 20 && Set(claims).count == 20, "one claim event per round")
    }

    @Test func eightAgentsClaimFourHundredTasksEachExactlyOnce() throws {
        let workspace = try LiveWorkspace()
        let tag = UUID().uuidString.prefix(6).lowercased()
        try Self.unassignedPlan(tag: tag, phases: 8, tasksPerPhase: 50).write(toFile: workspace.directory + "/race.md",
                                                                             atomically: true, encoding: .utf8)
        #expect(try workspace.planc(["state", "seed", "race.md"]).stderr.contains("400 created"))
        let before = try Self.lastSequence(workspace.servers)
        let planc = CLI.binary
        let loops = (1...8).map { agent in
            ["__loop__", "agent-\(agent)"]
        }
        // Each agent claims in a loop until nothing is ready.
        let script = "while \(planc) claim --next --agent \"$1\" --plan race.md >/dev/null 2>>errors-$1.log; do :; done; exit 0"
        let processes = try loops.map { loop in
            try Subprocess("/bin/bash", ["-c", script, "loop", loop[1]], directory: workspace.directory,
                           stdout: .null, stderr: .null)
        }
        processes.forEach { $0.wait() }
        let nats = try workspace.servers.nats()
        let bucket = try requireBucket(nats.bucket(workspace.names.tasksBucket))
        let entries = try bucket.entries().map { try TaskEntry.decode($0.value, key: $0.key) }
        #expect(entries.count == 400)
        #expect(entries.allSatisfy { $0.status == "inProgress" && $0.agent?.hasPrefix("agent-") == true })
        let claims = try Self.events(workspace.servers, after: before, subjectPrefix: "agent.tasks.claim")
            .compactMap { $0["task"] as? String }.filter { $0.hasPrefix("race-\(tag)-") }
        #expect(claims.count == 400, "every task claimed once")
        #expect(Set(claims).count == 400, "no task claimed twice")
        let agentsThatWon = Set(entries.compactMap(\.agent))
        #expect(agentsThatWon.count > 1, "the agents shared the work")
    }

    @Test func noUpdateIsLostAndNoIllegalOneIsStored() throws {
        let workspace = try LiveWorkspace()
        let tag = UUID().uuidString.prefix(6).lowercased()
        try Self.unassignedPlan(tag: tag, phases: 1, tasksPerPhase: 8).write(toFile: workspace.directory + "/work.md",
                                                                            atomically: true, encoding: .utf8)
        #expect(try workspace.planc(["state", "seed", "work.md"]).status == 0)
        let tasks = (1...8).map { "race-\(tag)-1-\($0)" }
        for (index, task) in tasks.enumerated() {
            #expect(try workspace.planc(["claim", task, "--agent", "holder-\(index)"]).status == 0)
        }
        let before = try Self.lastSequence(workspace.servers)
        let planc = CLI.binary
        // Two processes per holder on the same task (they race each other's
        // compare-and-set), and sixteen outsiders on tasks they do not hold.
        var commands: [[String]] = []
        for (index, task) in tasks.enumerated() {
            for copy in 0..<2 {
                commands.append(["-c", "for i in $(seq 1 50); do \(planc) progress \(task) --agent holder-\(index) --percent $i --note c\(copy)-$i >/dev/null || exit 1; done"])
            }
        }
        for outsider in 0..<16 {
            let task = tasks[outsider % tasks.count]
            commands.append(["-c", "for i in $(seq 1 50); do \(planc) progress \(task) --agent outsider-\(outsider) --percent $i 2>/dev/null; test $? -eq 1 || exit 1; done"])
        }
        let processes = try commands.map { arguments in
            try Subprocess("/bin/bash", arguments, directory: workspace.directory, stdout: .null, stderr: .null)
        }
        let statuses = processes.map { $0.wait().status }
        #expect(statuses.allSatisfy { $0 == 0 }, "\(statuses)")
        let events = try Self.events(workspace.servers, after: before, subjectPrefix: "agent.progress.race-\(tag)-")
        #expect(events.count == 16 * 50, "every legal update is in the stream")
        #expect(events.allSatisfy { ($0["agent"] as? String)?.hasPrefix("holder-") == true }, "no illegal one is")
        for (index, task) in tasks.enumerated() {
            let notes = events.filter { $0["task"] as? String == task }.compactMap { $0["note"] as? String }
            #expect(Set(notes).count == 100, "\(task): both writers' 50 updates each")
            #expect(events.filter { $0["task"] as? String == task }.allSatisfy { $0["agent"] as? String == "holder-\(index)" })
        }
    }

    @Test func leasesExpireAndDiffSeesThemFirst() throws {
        let workspace = try LiveWorkspace()
        #expect(try workspace.planc(["state", "seed", "status.md"], now: "2025-12-11T16:37:00Z").status == 0)
        #expect(try workspace.planc(["claim", "database-indexes", "--agent", "general-purpose", "--lease", "10m"],
                                    now: "2025-12-11T16:40:00Z").status == 0)
        let early = try workspace.planc(["claim", "database-indexes", "--agent", "backend-node-optimizer"],
                                        now: "2025-12-11T16:45:00Z")
        #expect(early.status == 1)
        #expect(early.stderr.contains("held by general-purpose since 2025-12-11T16:40:00Z"))
        let diff = try workspace.planc(["diff", "status.md", "--format", "json"], now: "2025-12-11T16:55:00Z")
        #expect(diff.stdout.contains("\"field\": \"lease\""))
        #expect(diff.stdout.contains("\"action\": \"stale\""))
        let ready = try workspace.planc(["ready", "status.md"], now: "2025-12-11T16:55:00Z")
        #expect(ready.stdout.contains("database-indexes"), "a task whose lease passed is claimable again")
        let late = try workspace.planc(["claim", "database-indexes", "--agent", "backend-node-optimizer"],
                                       now: "2025-12-11T16:55:00Z")
        #expect(late.status == 0, "\(late.stderr)")
        #expect(try workspace.planc(["progress", "database-indexes", "--agent", "general-purpose", "--percent", "5"],
                                    now: "2025-12-11T16:56:00Z").status == 1, "the old holder may no longer act")
    }

    @Test func onlyTheHolderActs() throws {
        let workspace = try LiveWorkspace()
        #expect(try workspace.planc(["state", "seed", "status.md"]).status == 0)
        for command in [["release", "rate-limiting"], ["progress", "rate-limiting", "--percent", "5"],
                        ["block", "rate-limiting", "--reason", "x"], ["complete", "rate-limiting", "--result", "x"]] {
            let result = try workspace.planc(command + ["--agent", "general-purpose"])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("held by backend-node-optimizer"))
        }
        #expect(try workspace.planc(["progress", "database-indexes", "--percent", "5", "--agent", "general-purpose"])
                .stderr.contains("nobody holds database-indexes"))
        let block = try workspace.planc(["block", "rate-limiting", "--agent", "backend-node-optimizer", "--reason", "need keys",
                                         "--clarification", "which account?", "--clarification", "which region?"])
        #expect(block.status == 0)
        #expect(try workspace.planc(["complete", "rate-limiting", "--agent", "backend-node-optimizer", "--result", "done"]).status == 0)
        #expect(try workspace.planc(["claim", "rate-limiting", "--agent", "general-purpose"]).stderr.contains("is done"))
        #expect(try workspace.planc(["release", "rate-limiting", "--agent", "backend-node-optimizer"]).status == 1)
        #expect(try workspace.planc(["claim", "--agent", "x"]).status == 64)
        #expect(try workspace.planc(["progress", "x", "--agent", "a", "--percent", "101"]).status == 64)
    }

    @Test func readyListsOnlyClaimableTasksInPlanOrder() throws {
        let workspace = try LiveWorkspace()
        let tag = UUID().uuidString.prefix(6).lowercased()
        try Self.unassignedPlan(tag: tag, phases: 2, tasksPerPhase: 2, dependent: true)
            .write(toFile: workspace.directory + "/deps.md", atomically: true, encoding: .utf8)
        #expect(try workspace.planc(["state", "seed", "deps.md"]).status == 0)
        let first = try workspace.planc(["ready", "deps.md"])
        #expect(first.stdout == "race-\(tag)-1-1\nrace-\(tag)-1-2\n", "phase 2 waits for phase 1")
        #expect(try workspace.planc(["claim", "race-\(tag)-1-1", "--agent", "a"]).status == 0)
        #expect(try workspace.planc(["ready", "deps.md"]).stdout == "race-\(tag)-1-2\n", "a claimed task is not ready")
        #expect(try workspace.planc(["complete", "race-\(tag)-1-1", "--agent", "a", "--result", "ok"]).status == 0)
        #expect(try workspace.planc(["claim", "race-\(tag)-1-2", "--agent", "b"]).status == 0)
        #expect(try workspace.planc(["complete", "race-\(tag)-1-2", "--agent", "b", "--result", "ok"]).status == 0)
        let json = try workspace.planc(["ready", "deps.md", "--format", "json"])
        #expect(json.stdout.contains("{\"task\": \"race-\(tag)-2-1\", \"assignee\": null}"))
        #expect(try workspace.planc(["claim", "--next", "--agent", "c", "--plan", "deps.md"]).stdout == "race-\(tag)-2-1\n")
    }

    @Test func statusHeartbeatAndWatch() throws {
        let workspace = try LiveWorkspace()
        #expect(try workspace.planc(["state", "seed", "status.md"]).status == 0)
        let watch = try Subprocess(CLI.binary, ["watch"], directory: workspace.directory, stderr: .null)
        usleep(500_000)
        #expect(try workspace.planc(["status", "general-purpose", "🟢", "--current-task", "test-fixes"]).status == 0)
        #expect(try workspace.planc(["heartbeat", "general-purpose"]).status == 0)
        #expect(try workspace.planc(["claim", "test-fixes", "--agent", "general-purpose"]).status == 0)
        #expect(try workspace.planc(["progress", "test-fixes", "--agent", "general-purpose", "--percent", "30",
                                     "--note", "fixtures"]).status == 0)
        usleep(500_000)
        watch.send(SIGINT)
        let (output, _, timedOut) = watch.communicate(timeLimit: 30)
        #expect(!timedOut)
        let ended = watch.wait()
        #expect(ended.status == 0 && !ended.signaled, "Ctrl-C ends watch cleanly")
        let lines = String(decoding: output, as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains(" agent.status.general-purpose - general-purpose running") })
        #expect(lines.contains { $0.contains(" agent.tasks.claim test-fixes general-purpose") })
        #expect(lines.contains { $0.hasSuffix(" agent.progress.test-fixes test-fixes general-purpose 30% fixtures") })
        #expect(try workspace.planc(["heartbeat", "nobody-yet"]).status == 2)
        #expect(try workspace.planc(["status", "a", "sleepy"]).status == 64)
    }
}
