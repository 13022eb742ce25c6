/// The outcome of checking files: what each one holds, for the reporters.
public struct CheckedFile: Sendable {
    public var path: String
    /// The file's text, for quoting lines; nil when it could not be read.
    public var source: SourceText?
    public var diagnostics: [Diagnostic]
    /// Why the file could not be checked.
    public var error: String?

    public init(path: String, source: SourceText?, diagnostics: [Diagnostic], error: String? = nil) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
        self.error = error
    }
}

public struct CheckResult: Sendable {
    public var files: [CheckedFile]
    /// Whether warnings fail the check.
    public var strict: Bool
    /// Markdown found in folders that is neither a status report nor a
    /// devlog entry, and so was not checked.
    public var skipped: [String]

    public init(files: [CheckedFile], strict: Bool, skipped: [String] = []) {
        self.files = files
        self.strict = strict
        self.skipped = skipped
    }

    /// `3 files skipped: not status reports or devlog entries`; nil when
    /// none were.
    public var skippedSummary: String? {
        switch skipped.count {
        case 0: return nil
        case 1: return "1 file skipped: not a status report or devlog entry"
        case let count: return "\(count) files skipped: not status reports or devlog entries"
        }
    }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    /// The files that could not be read, each with its reason.
    public var unreadable: [(path: String, message: String)] {
        files.compactMap { file in file.error.map { (file.path, $0) } }
    }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }

    public var fixable: Int { diagnostics.filter { $0.fix != nil }.count }

    /// Whether a diagnostic fails the check.
    public func fails(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error || (strict && diagnostic.severity == .warning)
    }

    /// The exit code of `cli.md`: 2 when a file could not be checked, 1
    /// when a diagnostic fails the check, else 0.
    public var exitCode: Int32 {
        if files.contains(where: { $0.error != nil }) { return 2 }
        return diagnostics.contains(where: fails) ? 1 : 0
    }

    /// `2 errors, 1 warning and 0 notes in 3 files`, and how many files
    /// could not be read when some could not.
    public var summaryCounts: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let counts = "\(plural(count(.error), "error")), \(plural(count(.warning), "warning")) and "
            + "\(plural(count(.note), "note")) in \(plural(files.count, "file"))"
        let unread = unreadable.count
        return unread == 0 ? counts : counts + "; \(unread) of them could not be read"
    }
}

/// Formats a check's outcome for people or tools.
public protocol Reporter {
    func report(_ result: CheckResult) -> String
}
