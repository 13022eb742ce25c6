/// JUnit XML, for CI systems that show test reports: one test suite per
/// file, one failing test case per diagnostic that fails the check, one
/// passing case per other diagnostic (its text in `system-out`), and one
/// passing case for a clean file.
public struct JUnitReporter: Reporter {
    public init() {}

    public func report(_ result: CheckResult) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalErrors = 0
        for file in result.files {
            var cases = ""
            var tests = 0, failures = 0, errors = 0
            if let error = file.error {
                tests += 1; errors += 1
                cases += "    <testcase classname=\"\(Self.escape(file.path))\" name=\"read\">\n"
                    + "      <error type=\"input\" message=\"\(Self.escape(error))\"/>\n    </testcase>\n"
            }
            for diagnostic in file.diagnostics {
                tests += 1
                let range = diagnostic.range
                let name = "\(diagnostic.code) \(diagnostic.rule) at \(range.line):\(range.column)"
                let text = "\(diagnostic.file):\(range.line):\(range.column): \(diagnostic.severity.rawValue)[\(diagnostic.code)] \(diagnostic.message)"
                    + (diagnostic.help.map { "\nhelp: \($0)" } ?? "")
                cases += "    <testcase classname=\"\(Self.escape(file.path))\" name=\"\(Self.escape(name))\">\n"
                if result.fails(diagnostic) {
                    failures += 1
                    cases += "      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(Self.escape(diagnostic.message))\">"
                        + Self.escape(text) + "</failure>\n"
                } else {
                    cases += "      <system-out>\(Self.escape(text))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            if tests == 0 {
                tests = 1
                cases += "    <testcase classname=\"\(Self.escape(file.path))\" name=\"planc check\"/>\n"
            }
            suites += "  <testsuite name=\"\(Self.escape(file.path))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
                + cases + "  </testsuite>\n"
            totalTests += tests; totalFailures += failures; totalErrors += errors
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"planc check\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\">\n"
            + suites + "</testsuites>\n"
    }

    /// XML text and attribute escaping; control characters XML forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t", "\r": out += "&#\(scalar.value);"
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
