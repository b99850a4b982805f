/// Word wrapping by display width, for long notes and answers in a pane.
public enum TextWrap {
    /// The lines of `text` in at most `width` columns: paragraphs (`\n`) kept, words moved whole
    /// to the next line, a word longer than a line cut where it must be (never inside a wide character).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            wrapParagraph(String(paragraph), width: width)
        }
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            var word = String(word)
            var wordWidth = DisplayWidth.of(word)
            let gap = line.isEmpty ? 0 : 1
            if lineWidth + gap + wordWidth <= width {
                line += (gap == 1 ? " " : "") + word
                lineWidth += gap + wordWidth
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                let head = DisplayWidth.truncate(word, to: width, ellipsis: "")
                let taken = head.isEmpty ? String(word.prefix(1)) : head
                lines.append(taken)
                word = String(word.dropFirst(taken.count))
                wordWidth = DisplayWidth.of(word)
            }
            line = word
            lineWidth = wordWidth
        }
        lines.append(line)
        return lines
    }
}
