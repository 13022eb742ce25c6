import Testing
@testable import PlancKit

@Suite struct QuantityParsingTests {
    @Test(arguments: [
        ("4h", 4.0), ("4 h", 4), ("4 hours", 4), ("1.5h", 1.5), ("30m", 0.5), ("2d", 16), ("8 hours", 8),
        ("1 hour", 1), ("1w", 40), ("~3h", 3),
    ])
    func efforts(text: String, hours: Double) {
        #expect(QuantityParsing.effort(text)?.hours == hours)
    }

    @Test(arguments: ["", "four hours", "4", "4 parsecs", "h", "4h extra"])
    func unreadableEfforts(text: String) {
        #expect(QuantityParsing.effort(text) == nil)
    }

    @Test func daysFollowTheConfiguredLength() {
        #expect(QuantityParsing.effort("2d", hoursPerDay: 6)?.hours == 12)
    }

    @Test func durations() {
        #expect(QuantityParsing.duration("1-2 days") == Duration(min: 1, max: 2, unit: .days))
        #expect(QuantityParsing.duration("3–5 days") == Duration(min: 3, max: 5, unit: .days))
        #expect(QuantityParsing.duration("1 week") == Duration(min: 1, max: 1, unit: .weeks))
        #expect(QuantityParsing.duration("2 weeks") == Duration(min: 2, max: 2, unit: .weeks))
        #expect(QuantityParsing.duration("4h") == Duration(min: 4, max: 4, unit: .hours))
        #expect(QuantityParsing.duration("5-3 days") == nil)
        #expect(QuantityParsing.duration("soon") == nil)
    }

    @Test func dates() {
        #expect(QuantityParsing.date("2025-12-11")?.description == "2025-12-11")
        #expect(QuantityParsing.date("2024-02-29") != nil)
        #expect(QuantityParsing.date("2025-02-29") == nil)
        #expect(QuantityParsing.date("2025-13-01") == nil)
        #expect(QuantityParsing.looksLikeDate("2025-13-45"))
        #expect(QuantityParsing.dateTime("2025-12-11 16:37")?.description == "2025-12-11T16:37:00Z")
        #expect(QuantityParsing.dateTime("2025-12-11 16:37 UTC")?.description == "2025-12-11T16:37:00Z")
        #expect(QuantityParsing.dateTime("2025-12-11T16:37:05Z")?.description == "2025-12-11T16:37:05Z")
        #expect(QuantityParsing.dateTime("2025-12-11 25:00") == nil)
        #expect(QuantityParsing.dateTime("2025-12-11 16:37 PST") == nil)
    }

    @Test func redisMemorySizesAsRedisReadsThem() {
        #expect(QuantityParsing.redisMemory("256MB") == 268_435_456)
        #expect(QuantityParsing.redisMemory("256mb") == 268_435_456)
        #expect(QuantityParsing.redisMemory("256m") == 256_000_000)
        #expect(QuantityParsing.redisMemory("1gb") == 1_073_741_824)
        #expect(QuantityParsing.redisMemory("100") == 100)
        #expect(QuantityParsing.redisMemory("2tb") == nil)
        #expect(QuantityParsing.redisMemory("1.5gb") == nil)
        #expect(QuantityParsing.redisMemory("lots") == nil)
    }

    @Test(arguments: [
        ("Test fixes (41 tests)", "test-fixes"), ("N+1 optimization", "n-1-optimization"),
        ("Rate Limiting", "rate-limiting"), ("CORS Restriction", "cors-restriction"), ("  RBAC  ", "rbac"),
    ])
    func taskSlugs(title: String, slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test func agentSlugsDropTheAgentSuffix() {
        #expect(Slug.agent("General-Purpose Agent") == "general-purpose")
        #expect(Slug.agent("Backend-Node-Optimizer") == "backend-node-optimizer")
        #expect(Slug.agent("Agent") == "agent")
    }
}
