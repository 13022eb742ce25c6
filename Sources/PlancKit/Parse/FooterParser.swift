extension PlanParser {
    /// `---`, then `**Last Updated:** 2025-12-11 16:37 UTC` and
    /// `**Next Check:** ...`, then anything else up to the next heading.
    mutating func parseFooter(_ items: [TopItem]) {
        guard let first = items.first else { return }
        var footer = Footer(range: rangeOfItem(first))
        if let last = items.last { footer.range = footer.range.union(rangeOfItem(last)) }
        let (layout, extras) = collectFields(fieldParts(Array(items.dropFirst()))) { key, _, _ in
            let text = source.text(key.value)
            switch key.normalisedKey {
            case "last updated":
                footer.lastUpdated = Parsed(text: text, value: QuantityParsing.dateTime(text),
                                            range: source.range(key.value))
                return "lastUpdated"
            case "next check":
                footer.nextCheck = Located(text, range: source.range(key.value))
                return "nextCheck"
            default:
                return nil
            }
        }
        footer.layout = layout
        footer.extras = extras
        if plan.footer == nil { plan.footer = footer }
    }
}
