import Foundation
import Testing
@testable import PlancKit

@Suite struct ConfigTests {
    @Test func readsEverySetting() throws {
        let configuration = try ConfigLoader.parse("""
            rules:
              PLAN013: off
              unknown-status: error
              mojibake: note
            hours-per-day: 6
            stale-heartbeat: 5m
            live:
              nats: [nats://a:4222, nats://b:4222]
              redis: redis://:secret@localhost:6379/1
              timeout: 1.5s
            devlog:
              sections: [Summary, Verification]
              pattern: "log/<agent>__<task>__<date>.md"
            diff:
              ignore: [task:rate-limiting]
            """, file: ".planc.yml")
        #expect(configuration.rules["PLAN013"] == .off)
        #expect(configuration.rules["PLAN021"] == .severity(.error))
        #expect(configuration.rules["PLAN030"] == .severity(.note))
        #expect(configuration.hoursPerDay == 6)
        #expect(configuration.staleHeartbeatSeconds == 300)
        #expect(configuration.natsURLs == ["nats://a:4222", "nats://b:4222"])
        #expect(configuration.redisURL == "redis://:secret@localhost:6379/1")
        #expect(configuration.timeoutSeconds == 1.5)
        #expect(configuration.devlogSections == ["Summary", "Verification"])
        #expect(configuration.devlogPattern?.text == "<agent>__<task>__<date>.md")
        #expect(configuration.diffIgnore == ["task:rate-limiting"])
        #expect(configuration.parseOptions.hoursPerDay == 6)
    }

    @Test(arguments: [
        ("rules:\n  PLAN999: off\n", 2, "`rules.PLAN999`: no rule has this code or alias"),
        ("rules:\n  mojibake: loud\n", 2, "expected error, warning, note or off"),
        ("hours-per-day: 30\n", 1, "`hours-per-day`"),
        ("colour: true\n", 1, "`colour`: unknown key"),
        ("live:\n  nats: [a]\n  redis: {x: 1}\n", 3, "`live.redis`: expected a URL"),
        ("rules: [\n", 2, "is not valid YAML"),
        ("- a\n- b\n", 1, "must be a mapping"),
        ("devlog:\n  pattern: \"<agent>.md\"\n", 2, "`devlog.pattern`: expected a file name with <date>, <agent> and <task>"),
        ("devlog:\n  pattern: \"<date>-<agent_type>-<task>.md\"\n", 2, "`<agent_type>` is not a placeholder"),
        ("devlog:\n  template: x\n", 2, "`devlog.template`: unknown key (pattern, sections)"),
    ])
    func refusesWhatItCannotUse(text: String, line: Int, message: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "cfg.yml")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.description.hasPrefix("cfg.yml:\(line): "))
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func devlogConventionsAreOffUnlessDeclared() {
        #expect(Configuration().devlogSections.isEmpty)
        #expect(Configuration().devlogPattern == nil)
    }

    @Test func discoveryWalksUpFromTheFile() throws {
        let root = NSTemporaryDirectory() + "planc-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/a/b", withIntermediateDirectories: true)
        try Data("hours-per-day: 7\n".utf8).write(to: URL(fileURLWithPath: root + "/a/.planc.yml"))
        try Data("# T\n".utf8).write(to: URL(fileURLWithPath: root + "/a/b/plan.md"))
        #expect(ConfigLoader.discover(from: root + "/a/b/plan.md") == root + "/a/.planc.yml")
        #expect(ConfigLoader.discover(from: root + "/a/b") == root + "/a/.planc.yml")
        #expect(try ConfigLoader.load(root + "/a/.planc.yml").hoursPerDay == 7)
    }
}
