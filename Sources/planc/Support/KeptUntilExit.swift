import Synchronization

/// Values planc lets the process exit with instead of freeing them.
///
/// The model of a large report is hundreds of thousands of strings and
/// arrays; freeing them one by one took about a twentieth of `planc check`
/// on a 17 MB report, after the output was written and just before the
/// process ended, when the operating system takes everything back at once.
/// Kept values stay reachable, so leak checkers do not report them.
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
