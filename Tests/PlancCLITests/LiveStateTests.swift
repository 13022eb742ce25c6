import Foundation
import Testing
import PlancLive

/// `planc diff`, `sync` and `state` against real nats-server and
/// redis-server. Serialized: some tests change Redis's global settings.
@Suite(.serialized) struct LiveStateTests {
    static let seededAt = "2025-12-11T16:37:00Z"

    @Test func seedDiffDriftAndSync() throws {
        let workspace = try LiveWorkspace()
        try workspace.configureRedisLikeTheReport()
        let seeded = try workspace.planc(["state", "seed", "status.md"], now: Self.seededAt)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(seeded.stderr.contains("13 created, 0 kept, 0 overwritten"))
        let clean = try workspace.planc(["diff", "status.md"], now: "2025-12-11T16:40:00Z")
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout == "No drift: status.md matches live state.\n")

        // What agents and operators do: a task completed, a heartbeat that
        // stops, the Redis policy changed, a cache entry left behind.
        try workspace.updateTask("database-indexes") {
            $0.status = "done"; $0.agent = "backend-node-optimizer"; $0.percent = 100
            $0.updated = "2025-12-11T16:45:00Z"
        }
        let redis = try workspace.servers.redis()
        _ = try redis.command(["CONFIG", "SET", "maxmemory-policy", "volatile-lru"])
        _ = try redis.command(["HSET", workspace.names.taskKey("rate-limiting"), "status", "done"])

        let later = "2025-12-11T17:00:00Z"
        let drift = try workspace.planc(["diff", "status.md", "--format", "json"], now: later)
        #expect(drift.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: drift.stdoutData) as? [String: Any])
        #expect(json["version"] as? Int == 1 && json["drift"] as? Bool == true)
        let changes = (json["changes"] as? [[String: Any]] ?? []).map {
            "\($0["action"]!) \($0["kind"]!) \($0["id"]!) \($0["field"]!) \($0["report"]!) \($0["live"]!) \($0["line"]!)"
        }
        let key = workspace.names.taskKey("rate-limiting")
        #expect(changes == [
            "update service redis-caching maxmemory-policy allkeys-lru volatile-lru 10",
            "stale agent backend-node-optimizer heartbeat <null> 2025-12-11T16:37:00Z 23",
            "update task database-indexes owner nobody backend-node-optimizer 39",
            "update task database-indexes progress 0% 100% 39",
            "update task database-indexes status pending done 39",
            "stale cache \(key) status inProgress done <null>",
        ])
        let text = try workspace.planc(["diff", "status.md"], now: later)
        #expect(text.stdout.contains("~ task database-indexes: status pending → done   (status.md:39)\n"))
        #expect(text.stdout.contains("! agent backend-node-optimizer: heartbeat 2025-12-11T16:37:00Z is 23m old, stale after 10m   (status.md:23)\n"))
        #expect(text.stdout.hasSuffix("Drift: 4 to update, 2 stale, 0 missing.\n"))

        // The same diff from a snapshot file.
        #expect(try workspace.planc(["state", "export", "--plan", "status.md", "-o", "snapshot.json"]).status == 0)
        let offline = try workspace.planc(["diff", "status.md", "--format", "json", "--snapshot", "snapshot.json"], now: later)
        #expect(offline.status == 1)
        #expect(offline.stdout == drift.stdout)

        // sync --write applies live state; then no agent, task or phase drift.
        let synced = try workspace.planc(["sync", "status.md", "--write"], now: later)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stderr.contains("maxmemory-policy allkeys-lru → volatile-lru"), "infrastructure drift is reported")
        let report = try String(contentsOfFile: workspace.plan, encoding: .utf8)
        #expect(report.contains("**Status:** 🟢 RUNNING (stale since 2025-12-11 16:37 UTC)\n"))
        #expect(report.contains("- ✅ Task 2: Database indexes (DONE)\n"))
        #expect(report.contains("- 🟡 Task 1: Implementing rate limiting (IN PROGRESS)\n"))
        #expect(report.contains("- Policy: allkeys-lru\n"), "infrastructure is not rewritten")
        #expect(report.contains("**Last Updated:** 2025-12-11 16:45 UTC\n"))
        let after = try workspace.planc(["diff", "status.md", "--format", "json"], now: later)
        let kinds = ((try JSONSerialization.jsonObject(with: after.stdoutData) as? [String: Any])?["changes"] as? [[String: Any]] ?? [])
            .compactMap { $0["kind"] as? String }
        #expect(kinds.sorted() == ["cache", "service"])
        // Rebuilding the cache removes the cache drift.
        #expect(try workspace.planc(["state", "rebuild"]).status == 0)
        let rebuilt = try workspace.planc(["diff", "status.md"], now: later)
        #expect(rebuilt.stdout == "~ service redis-caching: maxmemory-policy allkeys-lru → volatile-lru   (status.md:10)\n\nDrift: 1 to update, 0 stale, 0 missing.\n")
        try workspace.configureRedisLikeTheReport()
    }

    @Test func diffIsReadOnly() throws {
        // Its own stream, buckets and keys: other tests write to the shared ones meanwhile.
        let workspace = try LiveWorkspace(ownStream: true)
        try workspace.configureRedisLikeTheReport()
        #expect(try workspace.planc(["state", "seed", "status.md"], now: Self.seededAt).status == 0)
        func fingerprint() throws -> String {
            let nats = try workspace.servers.nats()
            let stream = try nats.streamInfo(workspace.names.stream)
            let tasks = try requireBucket(nats.bucket(workspace.names.tasksBucket)).entries()
            let agents = try requireBucket(nats.bucket(workspace.names.statusBucket)).entries()
            let redis = try workspace.servers.redis()
            var keys: [String] = []
            var cursor = "0"
            repeat {
                let reply = try redis.command(["SCAN", cursor, "MATCH", workspace.names.redisPrefix + ":*", "COUNT", "1000"])
                cursor = reply.elements[0].text ?? "0"
                keys += reply.elements[1].elements.compactMap(\.text)
            } while cursor != "0"
            let values = try redis.pipeline(keys.sorted().map { ["DUMP", $0] }).map { $0.text ?? "" }
            let revisions = (tasks + agents).map { "\($0.key)@\($0.revision)" }.sorted()
            return "\(stream?.lastSequence ?? 0) \(revisions) \(keys.sorted()) \(values.hashValue)"
        }
        let before = try fingerprint()
        #expect(try workspace.planc(["diff", "status.md"], now: "2025-12-11T17:30:00Z").status == 1)
        #expect(try workspace.planc(["diff", "status.md", "--format", "json"]).status == 1)
        #expect(try fingerprint() == before)
    }

    @Test func seedKeepsWhatExistsUnlessForced() throws {
        let workspace = try LiveWorkspace()
        #expect(try workspace.planc(["state", "seed", "status.md"], now: Self.seededAt).stderr.contains("13 created"))
        try workspace.updateTask("rbac") { $0.status = "done" }
        #expect(try workspace.planc(["state", "seed", "status.md"]).stderr.contains("0 created, 13 kept, 0 overwritten"))
        let nats = try workspace.servers.nats()
        let bucket = try requireBucket(nats.bucket(workspace.names.tasksBucket))
        #expect(try TaskEntry.decode(requireBucket(bucket.get("rbac")).value, key: "rbac").status == "done")
        #expect(try workspace.planc(["state", "seed", "status.md", "--force"]).stderr.contains("0 created, 0 kept, 13 overwritten"))
        #expect(try TaskEntry.decode(requireBucket(bucket.get("rbac")).value, key: "rbac").status == "pending")
    }

    @Test func unreachableServersExitTwoWithinTheTimeout() throws {
        let workspace = try LiveWorkspace()
        let closed = TestServers.freePort()
        func timed(_ arguments: [String]) throws -> (CLIResult, Double) {
            let start = Date()
            let result = try workspace.planc(arguments)
            return (result, Date().timeIntervalSince(start))
        }
        let (nats, natsTime) = try timed(["diff", "status.md", "--timeout", "1",
                                          "--nats", "nats://alice:s3cret@127.0.0.1:\(closed)",
                                          "--redis", workspace.servers.redisURL])
        #expect(nats.status == 2)
        #expect(nats.stderr.contains("NATS at nats://***@127.0.0.1:\(closed) is unreachable"), "\(nats.stderr)")
        #expect(!nats.stderr.contains("s3cret") && !nats.stdout.contains("s3cret"))
        #expect(natsTime < 5)

        // A port that accepts connections but does not speak NATS (Redis's).
        let redisPort = workspace.servers.redisURL.split(separator: ":").last!
        let (mute, muteTime) = try timed(["diff", "status.md", "--timeout", "1",
                                          "--nats", "nats://127.0.0.1:\(redisPort)", "--redis", workspace.servers.redisURL])
        #expect(mute.status == 2)
        #expect(muteTime < 5)

        #expect(try workspace.planc(["state", "seed", "status.md"]).status == 0)
        let (redis, redisTime) = try timed(["diff", "status.md", "--timeout", "1", "--nats", workspace.servers.natsURL,
                                            "--redis", "redis://:pa55word@127.0.0.1:\(closed)/0"])
        #expect(redis.status == 2)
        #expect(redis.stderr.contains("Redis at redis://***@127.0.0.1:\(closed)/0 is unreachable"), "\(redis.stderr)")
        #expect(!redis.stderr.contains("pa55word"))
        #expect(redisTime < 5)
    }

    @Test func wrongRedisPasswordExitsTwo() throws {
        let workspace = try LiveWorkspace()
        #expect(try workspace.planc(["state", "seed", "status.md"]).status == 0)
        let admin = try workspace.servers.redis()
        _ = try admin.command(["ACL", "SETUSER", "planc-test", "on", ">right-password", "~*", "+@all"])
        let address = workspace.servers.redisURL.dropFirst("redis://".count)
        let result = try workspace.planc(["diff", "status.md", "--redis", "redis://planc-test:wrong-password@\(address)",
                                          "--nats", workspace.servers.natsURL])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refused the credentials"), "\(result.stderr)")
        #expect(!result.stderr.contains("wrong-password"))
        let good = try workspace.planc(["diff", "status.md", "--redis", "redis://planc-test:right-password@\(address)",
                                        "--nats", workspace.servers.natsURL])
        #expect(good.status != 2, "\(good.stderr)")
    }

    @Test func missingBucketExitsTwo() throws {
        let workspace = try LiveWorkspace()
        let result = try workspace.planc(["diff", "status.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no KV bucket \(workspace.names.tasksBucket): run `planc state seed PLAN`"))
        let noServers = try CLI.run(["diff", CLI.path("plans/coordination-status.md")],
                                    environment: ["PLANC_NATS_URL": "", "PLANC_REDIS_URL": ""])
        #expect(noServers.status == 2)
    }
}
