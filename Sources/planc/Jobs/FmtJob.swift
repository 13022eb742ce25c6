import ArgumentParser
import PlancKit

#if canImport(Glibc)
import Glibc
#endif

/// What `planc fmt` does once its arguments are known and valid.
struct FmtJob {
    var paths: [String]
    var check = false
    var write = false
    var maxFileSize = SourceLoader.defaultMaxBytes

    func run() throws(ExitCode) {
        let files: [String]
        do {
            files = try FileDiscovery.markdownFiles(in: paths)
        } catch {
            Console.fail(error.description)
            throw Exit.failed
        }
        let explicit = Set(paths)
        if files.isEmpty {
            Console.fail("no status reports under \(paths.joined(separator: ", "))")
            throw Exit.failed
        }
        if !check && !write {
            guard files.count == 1 else {
                Console.fail("printing to standard output takes one report, not \(files.count); use --check or --write for several")
                throw ExitCode.validationFailure
            }
        }
        var failed = false
        var changed: [String] = []
        var unchanged = 0
        var skipped = 0
        for file in files {
            let original: [UInt8]
            let rendered: String
            do {
                let source = try SourceLoader.load(path: file, maxBytes: maxFileSize)
                original = source.bytes
                let plan = PlanParser.parse(source)
                // In a folder, only status reports are formatted: a README or
                // a devlog entry is left as it is.
                if !explicit.contains(file) && !plan.isStatusReport {
                    skipped += 1
                    continue
                }
                rendered = LineEndings.of(source.bytes).apply(to: MarkdownRenderer.render(plan))
                // Several models are freed as planc goes; the last one need not be.
                if file == files.last { KeptUntilExit.keep(plan) }
                if source.hadByteOrderMark { changed.append(file) }
            } catch {
                Console.fail(error.description)
                failed = true
                continue
            }
            if !check && !write {
                Console.out(rendered)
                continue
            }
            guard !Self.same(rendered, original) || changed.last == file else {
                unchanged += 1
                continue
            }
            if changed.last != file { changed.append(file) }
            if check {
                let name = file == "-" ? "<stdin>" : file
                if let diff = UnifiedDiff.diff(old: String(decoding: original, as: UTF8.self), new: rendered, oldName: "a/" + name, newName: "b/" + name) {
                    Console.out(diff)
                }
            } else {
                do {
                    try AtomicFile.write(Array(rendered.utf8), to: file)
                } catch {
                    Console.fail(error.description)
                    changed.removeLast()
                    failed = true
                }
            }
        }
        if check || write {
            let verb = check ? "would be reformatted" : "reformatted"
            var summary = "\(count(changed.count)) \(verb), \(count(unchanged)) already canonical"
            if skipped > 0 { summary += ", \(count(skipped)) skipped (not status reports)" }
            Console.error(summary)
        }
        if failed { throw Exit.failed }
        if check && !changed.isEmpty { throw Exit.found }
    }

    /// Whether the text is exactly these bytes; compared as memory, since
    /// most files are unchanged and some are many megabytes.
    private static func same(_ text: String, _ bytes: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { new in
            bytes.withUnsafeBufferPointer { old in
                new.count == old.count && (new.isEmpty || memcmp(new.baseAddress!, old.baseAddress!, new.count) == 0)
            }
        }
    }

    private func count(_ n: Int) -> String { n == 1 ? "1 file" : "\(n) files" }
}
