/// The plan devlog rules' examples are read against, and entries to build
/// them from. Agents `general` and `general-purpose` make hyphenated names
/// that split more than one way.
public enum DevlogExamples {
    public static let plan = """
        # Team - 2025-12-11

        ## Active Agents

        ### General (Agent ID: g1)
        **Status:** 🟢 RUNNING
        **Started:** 2025-12-10 09:00
        **Progress:**
        - 🟡 Task 1: Purpose docs (IN PROGRESS)

        **Tasks:**
        1. **Purpose Docs** (2h) - HIGH

        ### General-Purpose Agent (Agent ID: gp2)
        **Status:** 🟢 RUNNING
        **Started:** 2025-12-11 08:00
        **Progress:**
        - ✅ Task 1: Test fixes (DONE)
        - 🟡 Task 2: Docs (IN PROGRESS)

        **Tasks:**
        1. **Test Fixes** (3h) - HIGH
        2. **Docs** (1h) - LOW

        ## Phase Plan

        ### Phase 1: Cleanup (1 day) - IN PROGRESS
        - **Agent:** General-Purpose
        - **Tasks:** Changelog

        ## Coordination Protocol

        ### Monitoring
        - **Devlog:** `/devlog/<date>-<agent>-<task>.md`
        """

    /// "Today" for the examples.
    public static let today = CalendarDate(year: 2025, month: 12, day: 12)!

    /// The settings the examples are read with: the plan declares the name
    /// pattern, and these sections are required (none are by default).
    public static let configuration: Configuration = {
        var configuration = Configuration()
        configuration.devlogSections = ["Summary", "Changes", "Verification", "Next"]
        return configuration
    }()

    /// A complete entry, with front matter.
    static func entry(_ file: String, date: String = "2025-12-11", agent: String = "general-purpose",
                      task: String = "test-fixes", status: String = "done", title: String = "Test fixes") -> String {
        """
        <!-- file: \(file) -->
        ---
        date: \(date)
        agent: \(agent)
        task: \(task)
        status: \(status)
        hours: 3
        ---

        # \(title)

        ## Summary
        Fixed the failing tests.

        ## Changes
        - Updated fixtures.

        ## Verification
        All tests pass.

        ## Next
        Nothing left.

        """
    }

    static let valid = entry("2025-12-11-general-purpose-test-fixes.md")

    /// An entry written without planc's conventions: its keys in the body,
    /// its own sections, any name.
    static func bodyKeys(_ file: String, date: String = "2025-12-11", agent: String = "General-Purpose Agent",
                         task: String = "Test fixes", status: String = "✅ DONE") -> String {
        """
        <!-- file: \(file) -->
        # Test fixes

        **Date:** \(date)
        **Agent:** \(agent)
        **Task:** \(task)
        **Status:** \(status)

        ## Summary
        Fixed the failing tests.

        ## Technical Decisions
        - Kept the fixtures small.

        ## Changes
        - Updated fixtures.

        ## Verification
        All tests pass.

        ## Next
        Nothing left.

        """
    }
}
