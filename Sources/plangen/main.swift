import PlanGen

/// plangen: writes a generated status report to standard output.
///     plangen [--agents N] [--tasks N] [--phases N] [--seed N] [--variety]
let usage = "usage: plangen [--agents N] [--tasks N] [--phases N] [--seed N] [--variety]"
var options = ReportGenerator.Options()
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    if flag == "--variety" { options.variety = true; continue }
    if flag == "-h" || flag == "--help" { print(usage); exitProcess(0) }
    guard let value = arguments.popFirst(), let number = Int(value), number >= 0 else {
        printError("plangen: \(flag) needs a number\n" + usage)
        exitProcess(64)
    }
    switch flag {
    case "--agents": options.agents = number
    case "--tasks": options.tasksPerAgent = number
    case "--phases": options.phases = number
    case "--seed": options.seed = UInt64(number)
    default:
        printError("plangen: unknown option \(flag)\n" + usage)
        exitProcess(64)
    }
}
print(ReportGenerator.generate(options), terminator: "")
