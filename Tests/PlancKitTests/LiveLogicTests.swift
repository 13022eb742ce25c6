import Foundation
import Testing
@testable import PlancKit
@testable import PlancLive

/// Drift, sync and snapshots on live state built in memory: the pure logic
/// of `planc diff` and `planc sync`, without servers.
@Suite struct LiveLogicTests {
    static let plan = try! parseFile(Repository.path("plans/coordination-status.md"))
    static let seededAt = "2025-12-11T16:37:00Z"

    /// Live state exactly as `planc state seed` writes it for the reference.
    static func seeded() -> LiveSnapshot {
        var live = LiveSnapshot(capturedAt: seededAt)
        live.nats = .init(urls: "nats://127.0.0.1:4222", jetstream: true,
                          stream: .init(name: "AGENT_EVENTS", subjects: ["agent.>"], lastSequence: 0))
        live.health["http://localhost:8222/healthz"] = 200
        live.redis = .init(url: "redis://127.0.0.1:6379", maxMemory: 268_435_456, policy: "allkeys-lru", appendOnly: true)
        let (tasks, agents) = StateWriter.entries(for: plan, now: seededAt)
        for task in tasks {
            live.tasks[task.task] = .init(value: task, revision: 1)
            live.taskCache[task.task] = task.fields
        }
        for agent in agents {
            live.agents[agent.agent] = .init(value: agent, revision: 1)
            live.agentCache[agent.agent] = agent.fields
        }
        return live
    }

    func changes(_ live: LiveSnapshot, at now: String = "2025-12-11T16:40:00Z", ignore: [String] = []) -> [String] {
        DriftAnalyzer(staleHeartbeatSeconds: 600, now: Clock.seconds(now)!, ignore: ignore)
            .changes(Self.plan, live)
            .map { "\($0.action.rawValue) \($0.kind.rawValue) \($0.id) \($0.field) \($0.report ?? "-") \($0.live ?? "-")" }
    }

    @Test func seededStateIsInSync() {
        #expect(changes(Self.seeded()) == [])
    }

    @Test func seedHoldsWorkStartedByItsAgent() {
        let (tasks, agents) = StateWriter.entries(for: Self.plan, now: Self.seededAt)
        #expect(tasks.count == 11)
        #expect(agents.map(\.agent) == ["backend-node-optimizer", "general-purpose"])
        let rate = tasks.first { $0.task == "rate-limiting" }!
        #expect(rate.agent == "backend-node-optimizer" && rate.status == "inProgress")
        let indexes = tasks.first { $0.task == "database-indexes" }!
        #expect(indexes.agent == nil && indexes.assignee == "backend-node-optimizer")
        #expect(tasks.first { $0.task == "test-fixes" }?.assignee == "general-purpose")
    }

    @Test func everyKindOfDrift() {
        var live = Self.seeded()
        var done = live.tasks["database-indexes"]!.value
        done.status = "done"; done.agent = "backend-node-optimizer"; done.percent = 100; done.updated = "2025-12-11T16:45:00Z"
        live.tasks["database-indexes"] = .init(value: done, revision: 2)
        live.taskCache["database-indexes"] = done.fields
        live.redis?.policy = "volatile-lru"
        live.taskCache["rate-limiting"]?["status"] = "done"
        live.health["http://localhost:8222/healthz"] = 503
        live.tasks.removeValue(forKey: "rbac")
        live.taskCache.removeValue(forKey: "rbac")
        live.tasks["surprise"] = .init(value: TaskEntry(task: "surprise", agent: nil, assignee: nil, status: "pending",
                                                        percent: 0, note: "", updated: Self.seededAt, leaseUntil: nil), revision: 1)
        live.taskCache["surprise"] = live.tasks["surprise"]!.value.fields
        #expect(changes(live, at: "2025-12-11T17:00:00Z") == [
            "update service nats-messaging healthCheck 200 503",
            "update service redis-caching maxmemory-policy allkeys-lru volatile-lru",
            "stale agent backend-node-optimizer heartbeat - 2025-12-11T16:37:00Z",
            "update task database-indexes owner nobody backend-node-optimizer",
            "update task database-indexes progress 0% 100%",
            "update task database-indexes status pending done",
            "missing task rbac status pending -",
            "unexpected task surprise status - pending",
            "stale cache planc:task:rate-limiting status inProgress done",
        ])
        #expect(changes(live, at: "2025-12-11T17:00:00Z", ignore: ["task:*:progress", "service:nats-messaging", "cache"])
                .count == 6)
    }

    @Test func phasesFollowTheirTasks() {
        var live = Self.seeded()
        for id in ["rate-limiting", "database-indexes", "cors-restriction"] {
            live.tasks[id]?.value.status = "done"
            live.tasks[id]?.value.agent = "backend-node-optimizer"
            live.tasks[id]?.value.percent = 100
            live.taskCache[id] = live.tasks[id]!.value.fields
        }
        #expect(changes(live).filter { $0.contains(" phase ") } == ["update phase phase-1 status inProgress done"])
        #expect(DriftAnalyzer.derivedStatus([.done, .pending]) == .inProgress)
        #expect(DriftAnalyzer.derivedStatus([.pending, .blocked]) == .blocked)
        #expect(DriftAnalyzer.derivedStatus([.pending]) == .pending)
        #expect(DriftAnalyzer.derivedStatus([]) == nil)
    }

    @Test func syncWritesLiveStateAndLeavesNoDrift() throws {
        var live = Self.seeded()
        var done = live.tasks["database-indexes"]!.value
        done.status = "done"; done.agent = "backend-node-optimizer"; done.percent = 100; done.updated = "2025-12-11T16:45:00Z"
        live.tasks["database-indexes"] = .init(value: done, revision: 2)
        var rate = live.tasks["rate-limiting"]!.value
        rate.percent = 40
        live.tasks["rate-limiting"] = .init(value: rate, revision: 2)
        var fixes = live.tasks["test-fixes"]!.value
        fixes.status = "inProgress"; fixes.agent = "backend-node-optimizer"
        live.tasks["test-fixes"] = .init(value: fixes, revision: 2)
        for (id, entry) in live.tasks { live.taskCache[id] = entry.value.fields }
        let now = Clock.seconds("2025-12-11T17:00:00Z")!
        let synced = LiveSync.apply(live, to: Self.plan, now: now, staleHeartbeatSeconds: 600)
        let text = MarkdownRenderer.render(synced)
        #expect(text.contains("- ✅ Task 2: Database indexes (DONE)\n"))
        #expect(text.contains("- 🟡 Task 1: Implementing rate limiting (IN PROGRESS, 40%)\n"))
        #expect(text.contains("**Status:** 🟢 RUNNING (stale since 2025-12-11 16:37 UTC)\n"))
        #expect(text.contains("- **Tasks:** Test fixes (41 tests) (🟡 in progress, held by backend-node-optimizer), deprecation warnings\n"))
        #expect(text.contains("### Phase 3: Code Quality (1 week) - IN PROGRESS\n"))
        #expect(text.contains("**Last Updated:** 2025-12-11 16:45 UTC\n"))
        let reparsed = try parse(text)
        let left = DriftAnalyzer(staleHeartbeatSeconds: 600, now: now, ignore: []).changes(reparsed, live)
        #expect(left.filter { [.agent, .task, .phase].contains($0.kind) }.isEmpty, "\(left)")
        // Idempotent: syncing the synced report again changes nothing.
        #expect(MarkdownRenderer.render(LiveSync.apply(live, to: reparsed, now: now, staleHeartbeatSeconds: 600)) == text)
    }

    @Test func snapshotFilesRoundTrip() throws {
        var live = Self.seeded()
        live.tasks["rate-limiting"]?.value.note = "quote \" and \\ and é"
        let bytes = SnapshotFile.encode(live)
        let read = try SnapshotFile.decode(bytes, file: "snap.json")
        #expect(read == live)
        #expect(SnapshotFile.encode(read) == bytes)
        #expect(throws: LiveError.self) { try SnapshotFile.decode(Array("{\"version\": 9}".utf8), file: "x") }
    }

    @Test func credentialsAreRedacted() {
        let redactor = Redactor(urls: ["nats://alice:s3cret@h:4222", "nats://t0ken@h:4223", "redis://:pa55word@h:6379/1"])
        #expect(redactor.url("nats://alice:s3cret@h:4222") == "nats://***@h:4222")
        #expect(redactor.url("redis://:pa55word@h:6379/1") == "redis://***@h:6379/1")
        #expect(redactor.scrub("auth failed for s3cret, t0ken and pa55word") == "auth failed for ***, *** and ***")
    }

    @Test func redisURLs() {
        let full = RedisURL("redis://user:pw@cache.internal:6380/2")
        #expect(full?.host == "cache.internal" && full?.port == 6380 && full?.user == "user")
        #expect(full?.password == "pw" && full?.database == 2)
        #expect(RedisURL("redis://:pw@h")?.password == "pw")
        #expect(RedisURL("localhost:6379")?.port == 6379)
        #expect(RedisURL("http://h:1") == nil)
        #expect(RedisURL("redis://h:99999") == nil)
    }

    @Test func clockArithmetic() {
        #expect(Clock.seconds("1970-01-01T00:00:00Z") == 0)
        #expect(Clock.seconds("2025-12-11T16:37:00Z") == 1_765_471_020)
        #expect(Clock.rfc3339(1_765_471_020) == "2025-12-11T16:37:00Z")
        #expect(Clock.rfc3339(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(DriftAnalyzer.age(1500) == "25m")
        #expect(DriftAnalyzer.age(7500) == "2h 5m")
    }
}
