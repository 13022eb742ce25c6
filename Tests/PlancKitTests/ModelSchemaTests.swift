import Foundation
import Testing
import PlanGen
@testable import PlancKit

/// The JSON that `compile` prints matches the published schema,
/// `docs/plan-model.schema.json`, on every sample and generated report.
@Suite struct ModelSchemaTests {
    let validator: SchemaValidator

    init() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path("docs/plan-model.schema.json")))
        validator = SchemaValidator(schema: try JSONSerialization.jsonObject(with: data) as! [String: Any])
    }

    @Test func samplePlansMatchTheSchema() throws {
        for path in Repository.plans {
            let errors = validator.validate(try json(parseFile(path)))
            #expect(errors.isEmpty, "\(path): \(errors.prefix(5))")
        }
    }

    @Test func generatedAndUnusualReportsMatchTheSchema() throws {
        var texts = (1...6).map { ReportGenerator.generate(.init(agents: $0, tasksPerAgent: $0 % 4, phases: $0,
                                                                 seed: UInt64($0), variety: true)) }
        texts.append(RoundTripTests.kitchenSink)
        texts.append("# Only a title\n")
        texts.append("## Phase Plan\n\n### Phase x: Odd (soon) - 🦄\n- **Effort:** lots\n")
        for text in texts {
            let errors = validator.validate(try json(parse(text)))
            #expect(errors.isEmpty, "\(errors.prefix(5))")
        }
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        var object = try json(parseFile(Repository.path("plans/coordination-status.md"))) as! [String: Any]
        object["unexpected"] = true
        object["version"] = 2
        object.removeValue(forKey: "agents")
        let errors = validator.validate(object)
        #expect(errors.contains { $0.contains("unexpected") })
        #expect(errors.contains { $0.contains("version") })
        #expect(errors.contains { $0.contains("agents") })
    }

    private func json(_ plan: Plan) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(PlanJSON.encode(plan)))
    }
}

/// Enough of JSON Schema 2020-12 for the model schema: type, const, enum,
/// properties, required, additionalProperties, items, $ref, oneOf, minimum
/// and pattern.
struct SchemaValidator {
    let schema: [String: Any]

    func validate(_ value: Any) -> [String] {
        var errors: [String] = []
        check(value, against: schema, at: "$", errors: &errors)
        return errors
    }

    private func resolve(_ node: [String: Any]) -> [String: Any] {
        guard let reference = node["$ref"] as? String, reference.hasPrefix("#/$defs/") else { return node }
        let name = String(reference.dropFirst("#/$defs/".count))
        return ((schema["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
    }

    private func typeName(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if let number = value as? NSNumber {
            if String(describing: type(of: number)).contains("Boolean") { return "boolean" }
            return number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
        }
        if value is String { return "string" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "unknown"
    }

    private func check(_ value: Any, against raw: [String: Any], at path: String, errors: inout [String]) {
        let node = resolve(raw)
        let type = typeName(value)
        if let allowed = node["type"] {
            let names = (allowed as? [String]) ?? [allowed as? String].compactMap { $0 }
            let matches = names.contains(type) || (type == "integer" && names.contains("number"))
            if !matches { errors.append("\(path): \(type) is not \(names)"); return }
        }
        if let constant = node["const"], !(constant as? NSObject)!.isEqual(value) {
            errors.append("\(path): \(value) is not \(constant)")
        }
        if let options = node["enum"] as? [Any], !options.contains(where: { ($0 as? NSObject)?.isEqual(value) ?? false }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let oneOf = node["oneOf"] as? [[String: Any]] {
            let matching = oneOf.filter { option in
                var inner: [String] = []
                check(value, against: option, at: path, errors: &inner)
                return inner.isEmpty
            }
            if matching.count != 1 { errors.append("\(path): matches \(matching.count) of oneOf") }
        }
        if let minimum = node["minimum"] as? Double, let number = value as? NSNumber, type != "boolean",
           number.doubleValue < minimum {
            errors.append("\(path): \(number) < \(minimum)")
        }
        if let pattern = node["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): \(text) does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = node["properties"] as? [String: Any] ?? [:]
            for key in node["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): missing \(key)")
            }
            for (key, inner) in object {
                if let property = properties[key] as? [String: Any] {
                    check(inner, against: property, at: path + "." + key, errors: &errors)
                } else if node["additionalProperties"] as? Bool == false {
                    errors.append("\(path): unexpected \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = node["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", errors: &errors) }
        }
    }
}
