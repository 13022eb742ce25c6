import Testing
@testable import PlancKit

/// The reference report (`plans/coordination-status.md`, kept byte for byte
/// with its mojibake) read into the model, field by field.
@Suite struct ReferenceReportTests {
    let plan: Plan

    init() throws {
        plan = try parseFile(Repository.path("plans/coordination-status.md"))
    }

    @Test func titleAndDate() {
        #expect(plan.title == "Agent Coordination Status")
        #expect(plan.date?.value?.description == "2025-12-11")
        #expect(plan.date?.range == SourceRange(line: 1, column: 31, endLine: 1, endColumn: 41))
    }

    @Test func agents() throws {
        #expect(plan.agents.count == 2)
        let backend = plan.agents[0]
        #expect(backend.name == "Backend-Node-Optimizer")
        #expect(backend.id == "aa13444")
        #expect(backend.slug == "backend-node-optimizer")
        #expect(backend.status?.status == .running)
        #expect(backend.status?.marker == "🟢")
        #expect(backend.status?.words == "RUNNING")
        #expect(backend.status?.range == SourceRange(line: 24, column: 13, endLine: 24, endColumn: 25))
        #expect(backend.started?.value?.description == "2025-12-11T16:37:00Z")
        let current = try #require(backend.currentTask)
        #expect(current.phaseNumber == 1)
        #expect(current.name == "Production Blockers")
        #expect(current.effort?.value?.hours == 8)
        #expect(backend.heading.range.line == 23)

        let general = plan.agents[1]
        #expect(general.name == "General-Purpose Agent")
        #expect(general.slug == "general-purpose")
        #expect(general.id == nil)
        #expect(general.status?.status == .pending)
        #expect(general.status?.words == "NOT STARTED")
        #expect(general.availableFor?.map(\.value) == ["Documentation", "test fixes", "maintenance tasks"])
        #expect(general.tasks.isEmpty)
    }

    @Test func tasksOfTheFirstAgent() {
        let tasks = plan.agents[0].tasks
        #expect(tasks.map(\.id) == ["rate-limiting", "database-indexes", "cors-restriction"])
        #expect(tasks.map(\.number) == [1, 2, 3])
        #expect(tasks.map(\.title) == ["Rate Limiting", "Database Indexes", "CORS Restriction"])
        #expect(tasks.map { $0.effort?.value?.hours } == [4, 3, 1])
        #expect(tasks.allSatisfy { $0.priority?.value == .critical })
        #expect(tasks.map(\.status) == [.inProgress, .pending, .pending])
        #expect(tasks.map(\.steps.count) == [3, 3, 3])
        #expect(tasks[0].steps.map(\.text) == ["Add slowapi dependency", "Configure per-endpoint limits",
                                               "Test with load testing"])
        #expect(tasks[0].titleRange == SourceRange(line: 34, column: 6, endLine: 34, endColumn: 19))
        #expect(tasks[0].range.line == 34)
        #expect(tasks[2].steps[2].range == SourceRange(line: 47, column: 4, endLine: 47, endColumn: 32))
    }

    @Test func progressLinksToTasks() {
        let progress = plan.agents[0].progress
        #expect(progress.count == 4)
        #expect(progress[0].text == "Created task tracking")
        #expect(progress[0].status?.status == .done)
        #expect(progress[0].taskID == nil)
        #expect(progress.dropFirst().map(\.taskNumber) == [1, 2, 3])
        #expect(progress.dropFirst().map(\.taskID) == ["rate-limiting", "database-indexes", "cors-restriction"])
        #expect(progress.dropFirst().map { $0.status?.status } == [.inProgress, .pending, .pending])
        #expect(progress[1].range == SourceRange(line: 29, column: 1, endLine: 29, endColumn: 56))
    }

    @Test func phases() {
        #expect(plan.phases.map(\.number) == [1, 2, 3, 4])
        #expect(plan.phases.map(\.name) == ["Production Blockers", "Performance Optimization", "Code Quality", "Architecture"])
        #expect(plan.phases.map { $0.effort?.value?.hours } == [8, 14, 20, 23])
        #expect(plan.phases.map { $0.duration?.value } == [
            Duration(min: 1, max: 2, unit: .days), Duration(min: 3, max: 5, unit: .days),
            Duration(min: 1, max: 1, unit: .weeks), Duration(min: 2, max: 2, unit: .weeks),
        ])
        #expect(plan.phases.map { $0.status?.status } == [.inProgress, .pending, .pending, .pending])
        #expect(plan.phases[0].statusNote?.status == .inProgress)
        #expect(plan.phases[0].blocker?.value == "MUST complete before public launch")
        #expect(plan.phases[1].tasks.map(\.id) == ["health-check", "redis-caching", "n-1-optimization"])
        #expect(plan.phases[2].tasks.map(\.id) == ["test-fixes", "deprecation-warnings"])
        #expect(plan.phases[2].tasks[0].title == "Test fixes (41 tests)")
        #expect(plan.phases[3].tasks.map(\.id) == ["rbac", "query-logging", "documentation"])
        #expect(plan.phases[3].agents.map(\.agent) == ["backend-node-optimizer", "general-purpose"])
        let dependency = plan.phases[1].dependencies[0]
        #expect(dependency.name == "Redis")
        #expect(dependency.status?.status == .done)
        #expect(dependency.target == .service(name: "Redis Caching"))
        #expect(plan.phases[0].heading.range.line == 55)
    }

    @Test func services() throws {
        #expect(plan.services.map(\.kind) == [.nats, .redis, .other])
        let nats = plan.services[0]
        #expect(nats.name == "NATS Messaging")
        #expect(nats.endpoint?.value == "nats://localhost:4222")
        #expect(nats.jetstream)
        #expect(nats.healthCheck?.value == "http://localhost:8222/healthz")
        #expect(nats.channels.map(\.value) == ["agent.tasks.*", "agent.status.*", "agent.progress.*"])
        #expect(nats.channels[0].range == SourceRange(line: 8, column: 14, endLine: 8, endColumn: 27))
        let redis = plan.services[1]
        #expect(redis.endpoint?.value == "localhost:6379")
        #expect(redis.maxMemory?.value == 268_435_456)
        #expect(redis.policy?.value == "allkeys-lru")
        #expect(redis.persistence?.value == .aof)
        let module = plan.services[2]
        #expect(module.name == "Coordination Module")
        #expect(module.properties.map(\.text) == ["Task claim/release protocol", "Progress broadcasting",
                                                  "Blocked task reporting", "Status updates"])
    }

    @Test func protocolSection() throws {
        let spec = try #require(plan.protocolSpec)
        #expect(spec.lifecycle?.entries.map(\.name) == ["Claim", "Progress", "Blocked", "Complete"])
        #expect(spec.lifecycle?.entries.map { $0.subjects.map(\.value) } == [
            ["agent.tasks.claim"], ["agent.progress.<task_id>"], ["agent.tasks.blocked"], ["agent.tasks.complete"],
        ])
        #expect(spec.channels?.entries.count == 5)
        #expect(spec.channels?.entries.map { $0.subject?.value } == [
            "agent.tasks.claim", "agent.tasks.complete", "agent.tasks.blocked",
            "agent.progress.<task_id>", "agent.status.<agent_type>",
        ])
        #expect(spec.devlogPattern?.value == "/devlog/2025-12-11-<agent>-<task>.md")
        #expect(spec.devlogPattern?.range == SourceRange(line: 95, column: 16, endLine: 95, endColumn: 52))
    }

    @Test func nextStepsAndQuestions() {
        #expect(plan.nextSteps.count == 4)
        #expect(plan.nextSteps.map { $0.status?.status } == [.waiting, .decision, .info, .info])
        #expect(plan.nextSteps[0].title == "Monitor backend-optimizer progress")
        #expect(plan.nextSteps[0].text == "on rate limiting")
        #expect(plan.nextSteps[1].options.map(\.label) == ["Option A", "Option B"])
        #expect(plan.nextSteps[1].options[1].detail == "Start documentation tasks now (non-conflicting)")
        #expect(plan.questions.count == 3)
        #expect(plan.questions[1].text == "What is the production frontend URL for CORS configuration?")
    }

    @Test func footer() {
        #expect(plan.lastUpdated?.value?.description == "2025-12-11T16:37:00Z")
        #expect(plan.lastUpdated?.value == DateTime(date: CalendarDate(year: 2025, month: 12, day: 11)!, hour: 16, minute: 37))
        #expect(plan.nextCheck?.value == "Monitor backend-optimizer in 10-15 minutes")
    }

    @Test func everyEmojiRepaired() {
        #expect(plan.repairs.count == 13)
        #expect(Set(plan.repairs.map(\.repaired)) == ["✅", "🟢", "🟡", "⚪", "⏳", "🤔", "📊", "🚀"])
        #expect(plan.repairs[0].original == "‚úÖ")
        #expect(plan.repairs[0].range == SourceRange(line: 3, column: 25, endLine: 3, endColumn: 28))
        #expect(plan.sections[1].heading?.text == "Infrastructure Setup ✅")
        #expect(plan.sections[1].heading?.status?.status == .done)
        // No text in the model still holds a mojibake character.
        let rendered = MarkdownRenderer.render(plan)
        for garbled in ["‚úÖ", "üü", "‚ö™", "‚è≥", "ü§î", "üìä", "üöÄ"] {
            #expect(!rendered.contains(garbled))
        }
    }

    @Test func sectionsInOrder() {
        #expect(plan.sections.map(\.kind) == [.title, .infrastructure, .agents, .phases, .protocol, .nextSteps, .questions])
    }
}
