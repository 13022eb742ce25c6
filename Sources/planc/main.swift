import PlancKit
let path = CommandLine.arguments[1]
let source = try SourceLoader.load(path: path)
let plan = PlanParser.parse(source)
let bytes = PlanJSON.encode(plan)
print(String(decoding: bytes, as: UTF8.self), terminator: "")
