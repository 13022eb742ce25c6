import PlancKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input through everything planc does with a file it did not write:
/// decoding, parsing, every plan rule, the fixer, the JSON model, the
/// formatter (twice, since its output must parse back), and the same bytes
/// read as a devlog entry, as a configuration file and as live-state JSON.
///
/// libFuzzer calls this with its own inputs; built without `-D FUZZING` the
/// target is a command that runs it on the files it is given, which is how
/// a crash input is replayed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    exercise(bytes)
    return 0
}

func exercise(_ bytes: [UInt8]) {
    _ = try? ConfigLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yml")
    _ = try? JSONReader.parse(bytes)
    guard let source = try? SourceLoader.decode(name: "fuzz.md", bytes: bytes) else { return }

    let plan = PlanParser.parse(source)
    let diagnostics = Checker().check(plan, source: source)
    _ = PlanJSON.encode(plan, pretty: true)
    let (fixed, _) = Fixer.apply(diagnostics, to: source.bytes)
    if let fixedSource = try? SourceLoader.decode(name: "fixed.md", bytes: fixed) {
        _ = Checker().check(PlanParser.parse(fixedSource), source: fixedSource)
    }

    let formatted = MarkdownRenderer.render(plan)
    if let again = try? SourceLoader.decode(name: "formatted.md", bytes: Array(formatted.utf8)) {
        _ = MarkdownRenderer.render(PlanParser.parse(again))
    }

    let entry = DevlogEntry.parse(source, path: "devlog/2025-12-11-fuzz-task.md")
    _ = DevlogLinter().lint(DevlogContext(entries: [entry], plan: plan))
}

#if FUZZING
/// libFuzzer's driver, for programs that keep their own `main` (SwiftPM
/// gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else

/// `planc-fuzz FILE...`: replays inputs, byte for byte, without libFuzzer.
@main
enum Replay {
    static func main() {
        var failed = false
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = readBytes(path) else {
                print("\(path): cannot read")
                failed = true
                continue
            }
            exercise(bytes)
            print("\(path): ok")
        }
        exit(failed ? 2 : 0)
    }

    static func readBytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            bytes += chunk[0..<count]
            if count < chunk.count { return ferror(file) == 0 ? bytes : nil }
        }
    }
}
#endif
