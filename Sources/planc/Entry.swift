import ArgumentParser

#if canImport(Glibc)
import Glibc
#endif

/// planc's entry point: the quick path for the everyday invocations,
/// ArgumentParser for everything else.
@main
enum Entry {
    static func main() {
        guard let job = QuickPath.job(for: Array(CommandLine.arguments.dropFirst())) else {
            Planc.main()
            return
        }
        do {
            try job()
            exit(0)
        } catch {
            exit(error.rawValue)
        }
    }
}
