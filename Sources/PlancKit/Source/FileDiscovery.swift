#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths given on the command line into files: a folder stands
/// for the markdown files under it (hidden folders and `.build` skipped),
/// sorted so that output is stable.
public enum FileDiscovery {
    public static func markdownFiles(in paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            if path == "-" { files.append(path); continue }
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw InputError(path: path, message: SourceLoader.describe(errno: errno))
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                var found: [String] = []
                walk(path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found)
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        return files
    }

    private static func walk(_ directory: String, into files: inout [String]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") || name == "node_modules" { continue }
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &files)
            } else if name.hasSuffix(".md") {
                files.append(path)
            }
        }
    }
}
