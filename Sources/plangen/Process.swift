#if canImport(Glibc)
import Glibc
#endif

func exitProcess(_ code: Int32) -> Never { exit(code) }

func printError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
}
