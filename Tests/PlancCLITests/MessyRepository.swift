import Foundation
import Testing

/// A repository written without planc's conventions: roadmaps and a status
/// report in `plans/`, a dated status report beside the entries in
/// `devlog/`, entries in three styles, a README. `planc check plans devlog`
/// must report what is wrong in it and nothing else.
enum MessyRepository {
    static let files: [(path: String, text: String)] = [
        // Not checked: the paths are plans/ and devlog/.
        ("README.md", """
            # Pose Tracker

            Tracks poses from video. See `plans/` for the roadmap and `devlog/` for what
            the agents did.

            ## Setup

            Run `make` and open the app.
            """),
        // Neither a report nor an entry: skipped.
        ("plans/README.md", """
            # Plans

            The roadmap and the current status live here.
            """),
        // A long roadmap: phases, no agents section.
        ("plans/roadmap.md", """
            # Pose Tracker Roadmap - 2026-02-01

            Where the pose tracker is going this quarter. The agents doing the work and
            their progress are in `status.md`; this file only says what comes in what
            order.

            ## Goals

            - Detect the pose of one person at 30 frames per second on a laptop.
            - Export poses to the formats the animation team uses.
            - Keep the model under 20 MB.

            ## Phase Plan

            ### Phase 1: Capture (1 week) - ✅ DONE
            - **Effort:** 2 days
            - **Status:** ✅ Camera and video input work
            - **Tasks:** Camera input, Video input

            ### Phase 2: Detection (2 weeks) - 🟡 IN PROGRESS
            - **Effort:** 5 days
            - **Status:** 🟡 Detection works, detail is being refined
            - **Tasks:** Pose detail, Calibration
            - **Dependencies:** Phase 1

            ### Phase 3: Export (1 week) - ⚪ PENDING
            - **Effort:** 3 days
            - **Status:** ⚪ Not started
            - **Tasks:** Export formats
            - **Dependencies:** Phase 2

            ## Risks

            - The model may not fit the size budget without quantisation.
            - Export formats may change before phase 3.

            ## Notes

            Phases are reviewed every two weeks; dates move, the order does not.
            """),
        // The status report the entries are read against.
        ("plans/status.md", """
            # Pose Tracker Status - 2026-03-06

            ## Active Agents

            ### Pose Engineer (Agent ID: pe1)
            **Status:** 🟢 RUNNING
            **Started:** 2026-03-01 09:00
            **Current Task:** Phase 2 - Detection (8 hours)
            **Progress:**
            - ✅ Task 1: Camera input (DONE)
            - 🟡 Task 2: Pose detail (IN PROGRESS)

            **Tasks:**
            1. **Camera Input** (2h) - HIGH
            2. **Pose Detail** (6h) - HIGH

            ### UI Designer (Agent ID: ui1)
            **Status:** 🟢 RUNNING
            **Started:** 2026-03-02 10:00
            **Current Task:** Phase 3 - Export (4 hours)
            **Progress:**
            - 🟡 Task 1: Polish (IN PROGRESS)
            - ⚪ Task 2: Export formats (PENDING)

            **Tasks:**
            1. **Polish** (2h) - MEDIUM
            2. **Export Formats** (2h) - MEDIUM

            ## Phase Plan

            ### Phase 1: Capture (1 week) - ✅ DONE
            - **Status:** ✅ Camera input works

            ### Phase 2: Detection (1 week) - 🟡 IN PROGRESS
            - **Agent:** Pose Engineer
            - **Effort:** 8 hours
            - **Status:** 🟡 Pose detail in progress

            ### Phase 3: Export (1 week) - 🟡 IN PROGRESS
            - **Agent:** UI Designer
            - **Effort:** 4 hours
            - **Status:** 🟡 Polish in progress
            - **Dependencies:** Phase 2
            """),
        // A status report kept beside the entries, its name starting with a date.
        ("devlog/2026-03-02-status.md", """
            # Pose Tracker Status - 2026-03-02

            ## Active Agents

            ### Pose Engineer (Agent ID: pe1)
            **Status:** 🟢 RUNNING
            **Started:** 2026-03-01 09:00
            **Current Task:** Phase 2 - Detection (8 hours)
            **Progress:**
            - 🟡 Task 1: Camera input (IN PROGRESS)

            **Tasks:**
            1. **Camera Input** (2h) - HIGH
            2. **Pose Detail** (6h) - HIGH

            ## Phase Plan

            ### Phase 1: Capture (1 week) - ✅ DONE
            - **Status:** ✅ Camera input works

            ### Phase 2: Detection (1 week) - 🟡 IN PROGRESS
            - **Agent:** Pose Engineer
            - **Effort:** 8 hours
            - **Status:** 🟡 Camera input in progress
            """),
        // An entry in planc's style: front matter, `<date>-<agent>-<task>.md`.
        ("devlog/2026-03-03-pose-engineer-camera-input.md", """
            ---
            date: 2026-03-03
            agent: pose-engineer
            task: camera-input
            status: done
            hours: 2
            ---

            # Camera input

            ## Summary
            The camera feed reaches the detector at 30 frames per second.
            """),
        // Keys in the body, any name, its own sections.
        ("devlog/batch2-pose-detail.md", """
            # Batch 2: pose detail

            **Date:** 2026-03-04
            **Agent:** Pose Engineer
            **Task:** Pose detail
            **Status:** 🟡 IN PROGRESS

            ## Summary
            Hands and feet are detected; fingers are next.

            ## Technical Decisions
            - Kept the 17-point skeleton and added hand points on top.

            ## Files Modified
            - Sources/Detector/Skeleton.swift
            """),
        // Plain `Date:` lines above the title.
        ("devlog/2026-03-05-ui-polish.md", """
            Date: 2026-03-05
            Agent: ui-designer
            Task: Polish

            # Polish

            Spacing and colours of the overlay.
            """),
        // Free-form, no keys: skipped.
        ("devlog/batch3-notes.md", """
            # Batch 3 notes

            ## Summary
            We looked at three ways to smooth the poses between frames.

            ## Technical Decisions
            - A one-euro filter: cheap, and good enough at 30 fps.

            ## Files Modified
            - Sources/Detector/Smoothing.swift
            """),
        // Planted: an agent the plan does not have (list-item keys).
        ("devlog/batch2-calibration.md", """
            # Batch 2: calibration

            - **Date:** 2026-03-05
            - **Agent:** Calibration Bot
            - **Task:** Calibration

            ## Summary
            Lens distortion is corrected before detection.
            """),
        // Planted: a date in the future (PLANC_NOW is 2026-03-10).
        ("devlog/batch4-export.md", """
            # Batch 4: export

            - **Date:** 2027-01-15
            - **Agent:** UI Designer
            - **Task:** Export formats

            ## Summary
            BVH and FBX export.
            """)
    ]

    /// Writes the repository into a new folder and returns its path.
    static func write() throws -> String {
        let directory = try CLI.temporaryDirectory()
        for (path, text) in files {
            let full = directory + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try (text + "\n").write(toFile: full, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static let now = ["PLANC_NOW": "2026-03-10T00:00:00Z"]
}

/// The findings of a JSON report as `file CODE line`, sorted.
func findings(_ result: CLIResult) throws -> [String] {
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    return (json["diagnostics"] as? [[String: Any]] ?? []).map {
        "\($0["file"] as? String ?? "") \($0["code"] as? String ?? "") \($0["line"] as? Int ?? 0)"
    }.sorted()
}
