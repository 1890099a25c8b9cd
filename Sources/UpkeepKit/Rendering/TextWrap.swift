/// Long lines of the text outputs folded at spaces so that they stay readable in a terminal of
/// `TextWrap.width` columns; continuation lines are indented two more than the line they continue.
enum TextWrap {
    static let width = 120

    /// `line` as one or more lines of at most `width` characters (a single word longer than that stays
    /// whole on its own line).
    static func wrap(_ line: String, width: Int = width) -> [String] {
        guard line.count > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let continuation = indent + "  "
        var lines: [String] = []
        var current = indent
        var currentHasWord = false
        for word in line.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: true) {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = continuation
                currentHasWord = false
            }
            current += (currentHasWord ? " " : "") + word
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}
