/// NATS subjects as the report writes them: dot-separated tokens, `*` for
/// one token, `>` for the rest, and `<name>` placeholders that agents fill in.
public enum NATSSubject {
    public static func tokens(_ subject: String) -> [Substring] {
        subject.split(separator: ".", omittingEmptySubsequences: false)
    }

    public static func isPlaceholder(_ token: Substring) -> Bool {
        token.count > 2 && token.first == "<" && token.last == ">"
            && token.dropFirst().dropLast().allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }

    /// What is wrong with a subject, or nil when it is valid.
    public static func problem(_ subject: String) -> String? {
        if subject.isEmpty { return "the subject is empty" }
        if subject.contains(where: { $0 == " " || $0 == "\t" }) { return "a subject cannot contain spaces" }
        let parts = tokens(subject)
        for (index, token) in parts.enumerated() {
            if token.isEmpty {
                return index == 0 ? "the subject starts with a dot (an empty token)"
                    : index == parts.count - 1 ? "the subject ends with a dot (an empty token)"
                    : "the subject has an empty token (`..`)"
            }
            if isPlaceholder(token) { continue }
            if token == ">" {
                if index != parts.count - 1 { return "`>` matches the rest of a subject and must be its last token" }
                continue
            }
            if token == "*" { continue }
            if token.contains("*") { return "`*` must be a whole token, not part of `\(token)`" }
            if token.contains(">") || token.contains("<") { return "`>` must be a whole token, not part of `\(token)`" }
        }
        return nil
    }

    /// Whether a declared pattern covers a subject: `*` (and a placeholder)
    /// matches one token, `>` one or more.
    public static func covers(_ pattern: String, _ subject: String) -> Bool {
        let p = tokens(pattern)
        let s = tokens(subject)
        for (index, token) in p.enumerated() {
            if token == ">" { return s.count > index }
            guard index < s.count else { return false }
            let other = s[index]
            if token == "*" || isPlaceholder(token) {
                if other == ">" { return false }
                continue
            }
            if other != token { return false }
        }
        return p.count == s.count
    }
}
