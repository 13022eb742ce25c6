import ArgumentParser

/// The command tree ArgumentParser reads (Entry.swift decides when it is needed).
struct Planc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planc",
        abstract: "A compiler for multi-agent status reports.",
        discussion: """
            planc reads the markdown status report that a team of coding agents keeps \
            (infrastructure, agents and their tasks, phases, protocol, next steps) into a \
            typed model, renders it back canonically, and checks it against its rules.

            Exit codes (every command):
              0   done, nothing to report (warnings allowed unless --strict)
              1   something was found: errors (check), a file that is not canonical (fmt --check)
              2   planc could not do its job: unreadable or non-text input, an invalid
                  configuration, a failed write
              64  usage error (bad flags, an unknown rule)
            """,
        version: PlancVersion.string,
        subcommands: [CompileCommand.self, FmtCommand.self, CheckCommand.self, RulesCommand.self, ExplainCommand.self,
                      DiffCommand.self, SyncCommand.self, StateCommand.self,
                      ClaimCommand.self, ReleaseCommand.self, ProgressCommand.self, BlockCommand.self,
                      CompleteCommand.self, StatusCommand.self, HeartbeatCommand.self, ReadyCommand.self,
                      WatchCommand.self, DevlogCommand.self]
    )
}

enum PlancVersion {
    static let string = "0.1.0"
}
