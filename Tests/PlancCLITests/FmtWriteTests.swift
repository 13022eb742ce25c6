import Foundation
import Testing

/// What `fmt --write` (and `check --fix`) promise about the files they
/// write: through links, never over a read-only file, owner and mode kept,
/// nothing reported as written that was not; CRLF files stay CRLF.
@Suite struct FmtWriteTests {
    let reference = CLI.path("plans/coordination-status.md")

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws {
        let directory = try CLI.temporaryDirectory()
        let target = directory + "/real.md"
        try FileManager.default.copyItem(atPath: reference, toPath: target)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.md", withDestinationPath: "real.md")
        let expected = try CLI.run(["fmt", target]).stdout
        let result = try CLI.run(["fmt", "--write", directory + "/link.md"])
        #expect(result.status == 0, "\(result.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/link.md")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == expected)
    }

    @Test func aReadOnlyFileIsRefusedAndLeftAlone() throws {
        let directory = try CLI.temporaryDirectory()
        let path = directory + "/status.md"
        try FileManager.default.copyItem(atPath: reference, toPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try CLI.run(["fmt", "--write", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("read-only"))
        #expect(result.stderr.contains("0 files reformatted"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let fix = try CLI.run(["check", "--fix", path])
        #expect(fix.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func ownerGroupAndModeAreKept() throws {
        guard getuid() == 0 else { return }  // only root may give a file to another user
        let directory = try CLI.temporaryDirectory()
        let path = directory + "/status.md"
        try FileManager.default.copyItem(atPath: reference, toPath: path)
        #expect(chown(path, 65534, 65534) == 0)
        #expect(chmod(path, 0o664) == 0)
        #expect(try CLI.run(["fmt", "--write", path]).status == 0)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_uid == 65534 && info.st_gid == 65534)
        #expect(info.st_mode & 0o7777 == 0o664)
    }

    @Test func hardLinksStayOneFile() throws {
        let directory = try CLI.temporaryDirectory()
        let path = directory + "/status.md"
        try FileManager.default.copyItem(atPath: reference, toPath: path)
        #expect(link(path, directory + "/other.md") == 0)
        #expect(try CLI.run(["fmt", "--write", path]).status == 0)
        #expect(try String(contentsOfFile: directory + "/other.md", encoding: .utf8)
                == String(contentsOfFile: path, encoding: .utf8))
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("‚úÖ"))
    }

    @Test func standardInputIsNeverWrittenBack() throws {
        let text = Data("# Status - 2025-12-11\n\n## Agents\n\n### A\n**Status:** RUNNING\n".utf8)
        let directory = try CLI.temporaryDirectory()
        let fix = try CLI.run(["check", "--fix", "-"], stdin: text, in: directory)
        #expect(fix.status == 64)
        #expect(!FileManager.default.fileExists(atPath: directory + "/-"))
        let write = try CLI.run(["fmt", "--write", "-"], stdin: text, in: directory)
        #expect(write.status == 64)
    }

    @Test func crlfFilesStayCRLFAndTheirDiffApplies() throws {
        let directory = try CLI.temporaryDirectory()
        let original = "# T - 2025-01-01\r\n## Agents\r\n### A\r\n**Status:** RUNNING\r\n"
        try Data(original.utf8).write(to: URL(fileURLWithPath: directory + "/s.md"))
        let check = try CLI.run(["fmt", "--check", "s.md"], in: directory)
        #expect(check.status == 1)
        #expect(check.stdout.contains("+\r\n"), "\(check.stdout.debugDescription)")
        let patch = try Subprocess("/usr/bin/patch", ["-s", "-p1", "-i", "-"], directory: directory, stdin: .pipe)
        _ = patch.communicate(stdin: check.stdoutData, timeLimit: 60)
        #expect(patch.wait().status == 0)
        let patched = try String(contentsOfFile: directory + "/s.md", encoding: .utf8)
        #expect(patched == "# T - 2025-01-01\r\n\r\n## Agents\r\n\r\n### A\r\n**Status:** RUNNING\r\n")
        #expect(try CLI.run(["fmt", "--check", "s.md"], in: directory).status == 0)
    }

    @Test func aFolderFormatsStatusReportsOnly() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(atPath: reference, toPath: directory + "/status.md")
        let entry = "---\ndate: 2025-12-11\nagent: a\ntask: b\n---\n# Entry\n\n## Summary\n* done\n"
        try Data(entry.utf8).write(to: URL(fileURLWithPath: directory + "/2025-12-11-a-b.md"))
        try Data("# Readme\n\n* one\n* two\n".utf8).write(to: URL(fileURLWithPath: directory + "/README.md"))
        let result = try CLI.run(["fmt", "--write", directory])
        #expect(result.status == 0)
        #expect(result.stderr.contains("1 file reformatted, 0 files already canonical, 2 files skipped"))
        #expect(try String(contentsOfFile: directory + "/2025-12-11-a-b.md", encoding: .utf8) == entry)
        let empty = try CLI.temporaryDirectory()
        let none = try CLI.run(["fmt", "--check", empty])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no status reports under"))
    }
}

/// Hard line breaks after key lines (two spaces or a backslash) change how
/// a report renders: fmt keeps them.
@Suite struct FmtHardBreakTests {
    @Test func hardBreaksAfterKeysAreKept() throws {
        let text = "# T - 2025-01-01\n\n## Agents\n\n### A\n**Status:** RUNNING  \n**Started:** 2025-01-01 10:00\\\n"
            + "**Owner:** Ana  \n**Current Task:** Phase 1 - X (2h)\n\n## Phase Plan\n\n### Phase 1: X (1 day) - IN PROGRESS\n"
        let directory = try CLI.temporaryDirectory()
        let path = try CLI.write(Array(text.utf8), named: "status.md", in: directory)
        let formatted = try CLI.run(["fmt", path])
        #expect(formatted.status == 0)
        #expect(formatted.stdout.contains("**Status:** RUNNING  \n**Started:** 2025-01-01 10:00\\\n**Owner:** Ana  \n"),
                "\(formatted.stdout.debugDescription)")
        let again = try CLI.run(["fmt", "-"], stdin: formatted.stdoutData)
        #expect(again.stdout == formatted.stdout)
    }
}

/// A tight list of tasks with steps renders as a tight list (`<li>` without
/// `<p>`): fmt keeps it tight, and a loose one loose.
@Suite struct FmtListTightnessTests {
    @Test(arguments: [true, false])
    func taskListsKeepTheirTightness(tight: Bool) throws {
        let gap = tight ? "\n" : "\n\n"
        let text = "# T - 2025-01-01\n\n## Agents\n\n### A\n**Status:** RUNNING\n**Tasks:**\n"
            + "1. **One** (1h) - HIGH\n   - step a" + gap + "2. **Two** (1h) - HIGH\n   - step b\n"
        let formatted = try CLI.run(["fmt", "-"], stdin: Data(text.utf8))
        #expect(formatted.status == 0)
        #expect(formatted.stdout.contains("   - step a" + gap + "2. **Two**"), "\(formatted.stdout.debugDescription)")
    }
}
