import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// `elements.map(transform)`, spread over the machine's cores when
/// `worthIt`; the result is in the order of `elements` either way.
///
/// A large report is thousands of agents under one heading, and dozens of
/// rules read the finished model: each agent and each rule reads only
/// immutable values, so they run independently, and they are most of
/// planc's own time on such a file. Small reports (the common case, many
/// times a minute) never start a thread.
func concurrentMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], when worthIt: Bool, _ transform: @Sendable (Element) -> Result
) -> [Result] {
    let cores = max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)
    guard worthIt, cores > 1, elements.count > 1, !singleThreaded else { return elements.map(transform) }
    // Many more chunks than cores, so that a core that finishes early
    // takes another: agents and rules differ widely in cost.
    let chunks = min(elements.count, cores * 16)
    var results = [Result?](repeating: nil, count: elements.count)
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = ResultSlots(base: buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = elements.count * chunk / chunks
            let end = elements.count * (chunk + 1) / chunks
            for index in start..<end { slots.base[index] = transform(elements[index]) }
        }
    }
    return results.map { $0! }
}

/// PLANC_THREADS=1 keeps planc on one thread, for machines where CPU time
/// is metered; the output is the same either way.
private var singleThreaded: Bool {
    getenv("PLANC_THREADS").map { String(cString: $0) } == "1"
}

/// The result slots, shared with the worker threads: each chunk writes its
/// own indices, and the caller reads them only after every chunk is done.
private struct ResultSlots<Result>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result?>
}
