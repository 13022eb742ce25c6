
#if canImport(Glibc)
import Glibc
#endif

/// A configuration file planc cannot use: the message names the file, the
/// line and the offending key. Commands exit with code 2.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

/// Reads `.planc.yml`:
///
///     rules:
///       PLAN013: off               # or error, warning, note; code or alias
///       unknown-status: error
///     vocabulary:
///       EN COURS: inProgress
///       HAUTE: high
///     hours-per-day: 8
///     stale-heartbeat: 10m
///     live:
///       nats: [nats://127.0.0.1:4222]
///       redis: redis://127.0.0.1:6379/0
///       timeout: 2s
///     devlog:
///       pattern: "<date>-<agent>-<task>.md"    # entry names are held to it
///       sections: [Summary, Changes, Verification, Next]   # required in every entry
///     diff:
///       ignore: [task:rate-limiting]
public enum ConfigLoader {
    public static let fileNames = [".planc.yml", ".planc.yaml"]

    /// The configuration file that applies to a path: the first found in
    /// its folder or the folders above it.
    public static func discover(from path: String) -> String? {
        var directory = absolute(path)
        var info = stat()
        if stat(directory, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            directory = parent(directory)
        }
        while true {
            for name in fileNames {
                let candidate = directory == "/" ? "/" + name : directory + "/" + name
                if access(candidate, F_OK) == 0 { return candidate }
            }
            if directory == "/" || directory.isEmpty { return nil }
            directory = parent(directory)
        }
    }

    public static func load(_ path: String) throws(ConfigError) -> Configuration {
        let source: SourceText
        do {
            source = try SourceLoader.load(path: path, maxBytes: 1 << 20)
        } catch {
            throw ConfigError(file: path, line: nil, message: error.message)
        }
        return try parse(String(decoding: source.bytes, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> Configuration {
        let root: YAMLNode?
        do {
            root = try YAML.compose(text)
        } catch {
            throw ConfigError(file: file, line: error.line, message: "is not valid YAML: \(error.problem)")
        }
        var configuration = Configuration()
        configuration.file = file
        guard let root else { return configuration }
        guard let mapping = root.mapping else {
            throw ConfigError(file: file, line: root.line, message: "the configuration must be a mapping of keys")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.line
            func fail(_ message: String) -> ConfigError {
                ConfigError(file: file, line: value.line, message: "`\(key)`: \(message)")
            }
            switch key {
            case "rules":
                guard let rules = value.mapping else { throw fail("expected a mapping of rule: severity") }
                for (ruleNode, settingNode) in rules {
                    let name = ruleNode.string ?? ""
                    guard let rule = RuleRegistry.rule(named: name) else {
                        throw ConfigError(file: file, line: ruleNode.line,
                                          message: "`rules.\(name)`: no rule has this code or alias (see `planc rules`)")
                    }
                    let word = settingNode.string?.lowercased() ?? (settingNode.bool == false ? "off" : "")
                    switch word {
                    case "off", "false", "none": configuration.rules[rule.code] = .off
                    case "error", "warning", "note":
                        configuration.rules[rule.code] = .severity(Severity(rawValue: word)!)
                    default:
                        throw ConfigError(file: file, line: settingNode.line,
                                          message: "`rules.\(name)`: expected error, warning, note or off, not `\(settingNode.string ?? "")`")
                    }
                }
            case "vocabulary":
                guard let words = value.mapping else {
                    throw fail("expected a mapping of word: meaning (`EN COURS: inProgress`, `HAUTE: high`)")
                }
                for (wordNode, meaningNode) in words {
                    let word = wordNode.string ?? ""
                    guard !Vocabulary.normalised(word).isEmpty else {
                        throw ConfigError(file: file, line: wordNode.line, message: "`vocabulary`: a word must have letters or digits")
                    }
                    guard let name = meaningNode.string, let meaning = Vocabulary.Meaning(name: name) else {
                        throw ConfigError(file: file, line: meaningNode.line,
                                          message: "`vocabulary.\(word)`: `\(meaningNode.string ?? "")` is not a status "
                                              + "(done, inProgress, pending, running, blocked, waiting, failed, decision) "
                                              + "or a priority (critical, high, medium, low)")
                    }
                    if let own = StatusWords.ownPhrase(word) {
                        throw ConfigError(file: file, line: wordNode.line,
                                          message: "`vocabulary.\(word)`: `\(word)` is one of planc's own words (\(own.rawValue)) and cannot be given another meaning")
                    }
                    configuration.vocabulary.add(word, meaning)
                }
            case "hours-per-day":
                guard let hours = value.float, hours > 0, hours <= 24 else { throw fail("expected a number of hours from 0 to 24") }
                configuration.hoursPerDay = hours
            case "stale-heartbeat":
                guard let text = value.string, let seconds = seconds(text) else {
                    throw fail("expected a duration such as 90s, 10m or 1h")
                }
                configuration.staleHeartbeatSeconds = seconds
            case "live":
                guard let live = value.mapping else { throw fail("expected a mapping with nats, redis, timeout") }
                for (innerKey, inner) in live {
                    let name = innerKey.string ?? ""
                    switch name {
                    case "nats":
                        if let urls = inner.sequence {
                            configuration.natsURLs = urls.compactMap(\.string)
                        } else if let url = inner.string {
                            configuration.natsURLs = url.split(separator: ",").map(String.init)
                        } else {
                            throw ConfigError(file: file, line: inner.line, message: "`live.nats`: expected a URL or a list of URLs")
                        }
                    case "redis":
                        guard let url = inner.string else {
                            throw ConfigError(file: file, line: inner.line, message: "`live.redis`: expected a URL")
                        }
                        configuration.redisURL = url
                    case "timeout":
                        guard let text = inner.string, let value = seconds(text), value > 0 else {
                            throw ConfigError(file: file, line: inner.line, message: "`live.timeout`: expected a duration such as 2s")
                        }
                        configuration.timeoutSeconds = value
                    case "snapshot", "stream", "tasks-bucket", "status-bucket", "redis-prefix":
                        guard let text = inner.string, !text.isEmpty else {
                            throw ConfigError(file: file, line: inner.line, message: "`live.\(name)`: expected a name")
                        }
                        switch name {
                        case "snapshot": configuration.snapshot = text
                        case "stream": configuration.streamName = text
                        case "tasks-bucket": configuration.tasksBucket = text
                        case "status-bucket": configuration.statusBucket = text
                        default: configuration.redisPrefix = text
                        }
                    case "stream-subjects":
                        guard let subjects = inner.sequence?.compactMap(\.string), !subjects.isEmpty else {
                            throw ConfigError(file: file, line: inner.line, message: "`live.stream-subjects`: expected a list of subjects")
                        }
                        configuration.streamSubjects = subjects
                    case "replicas":
                        guard let count = inner.int, (1...5).contains(count) else {
                            throw ConfigError(file: file, line: inner.line, message: "`live.replicas`: expected 1 to 5")
                        }
                        configuration.replicas = count
                    default:
                        throw ConfigError(file: file, line: innerKey.line,
                                          message: "`live.\(name)`: unknown key (nats, redis, timeout, snapshot, stream, stream-subjects, tasks-bucket, status-bucket, redis-prefix, replicas)")
                    }
                }
            case "devlog":
                guard let devlog = value.mapping else { throw fail("expected a mapping with pattern, sections") }
                for (innerKey, inner) in devlog {
                    switch innerKey.string {
                    case "sections":
                        guard let sections = inner.sequence else {
                            throw ConfigError(file: file, line: inner.line, message: "`devlog.sections`: expected a list of section titles")
                        }
                        configuration.devlogSections = sections.compactMap(\.string)
                    case "pattern":
                        let unknown = DevlogPattern.unknownPlaceholders(in: inner.string ?? "")
                        guard let text = inner.string, unknown.isEmpty, let pattern = DevlogPattern(text: text) else {
                            let what = unknown.isEmpty ? "" : ": `<\(unknown[0])>` is not a placeholder"
                            throw ConfigError(file: file, line: inner.line,
                                              message: "`devlog.pattern`: expected a file name with <date>, <agent> and <task>, such as \"<date>-<agent>-<task>.md\"\(what)")
                        }
                        configuration.devlogPattern = pattern
                    default:
                        throw ConfigError(file: file, line: innerKey.line,
                                          message: "`devlog.\(innerKey.string ?? "")`: unknown key (pattern, sections)")
                    }
                }
            case "diff":
                guard let diff = value.mapping else { throw fail("expected a mapping with ignore") }
                for (innerKey, inner) in diff {
                    guard innerKey.string == "ignore", let entries = inner.sequence else {
                        throw ConfigError(file: file, line: innerKey.line,
                                          message: "`diff.\(innerKey.string ?? "")`: expected `ignore: [...]`")
                    }
                    configuration.diffIgnore = entries.compactMap(\.string)
                }
            default:
                throw ConfigError(file: file, line: line,
                                  message: "`\(key)`: unknown key (rules, vocabulary, hours-per-day, stale-heartbeat, live, devlog, diff)")
            }
        }
        return configuration
    }

    /// `90s`, `10m`, `1h`, `2d`, or a plain number of seconds.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            if let number = Double(String(trimmed.dropLast(suffix.count)).trimmingSpaces()), number >= 0 { return number * factor }
        }
        return Double(trimmed).flatMap { $0 >= 0 ? $0 : nil }
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path == "." ? cwd : cwd + "/" + path
    }

    private static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
