/// How many terminal cells text takes, so that carets under a source line
/// line up. Wide characters (East Asian wide and full-width, emoji shown as
/// emoji) take two cells, combining marks and joiners none, a tab advances
/// to the next multiple of `tabStop`.
public enum DisplayWidth {
    public static let tabStop = 4

    /// The width of one scalar, ignoring tabs.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return 1 }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if value == 0x200B || (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) {
            return 0
        }
        if properties.isEmojiPresentation { return 2 }
        var index = 0
        while index < wideRanges.count {
            if value >= wideRanges[index] && value <= wideRanges[index + 1] { return 2 }
            index += 2
        }
        return 1
    }

    /// The column after `text` when it starts at column `start` (1-based).
    public static func advance(_ start: Int, over text: Substring.UnicodeScalarView) -> Int {
        var column = start
        var previousWidth = 0
        for scalar in text {
            if scalar == "\t" {
                column += tabStop - (column - 1) % tabStop
                previousWidth = 0
                continue
            }
            // A variation selector 16 asks for emoji presentation: a narrow
            // symbol before it (☑️) becomes wide.
            if scalar.value == 0xFE0F && previousWidth == 1 {
                column += 1
                previousWidth = 2
                continue
            }
            let width = of(scalar)
            column += width
            if width > 0 { previousWidth = width }
        }
        return column
    }

    /// The width of a string as printed.
    public static func width(of text: String) -> Int {
        advance(1, over: Substring(text).unicodeScalars) - 1
    }

    /// East Asian wide and emoji blocks, as first and last scalar in turn
    /// (plain integers: a table of ranges cost a generic type's set-up at
    /// every start of planc).
    private static let wideRanges: [UInt32] = [
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x2E80, 0x303E,
        0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF,
        0xA960, 0xA97F, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19,
        0xFE30, 0xFE6F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6, 0x1F300, 0x1F64F,
        0x1F900, 0x1F9FF, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
    ]
}
