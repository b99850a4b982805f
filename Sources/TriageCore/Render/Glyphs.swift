/// The few symbols the screen draws, and the ASCII fallback for terminals whose locale is not UTF-8.
public enum Glyphs {
    private static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The spinner's frame for tick `frame`.
    public static func spinner(_ frame: Int) -> String {
        spinnerFrames[abs(frame) % spinnerFrames.count]
    }

    /// The mark of a marked row.
    public static let mark = "●"

    private static let asciiReplacements: [String: String] = [
        "●": "*",
        "…": "~", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "·": "-",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "–": "-", "—": "-",
        "⠋": "|", "⠙": "/", "⠹": "-", "⠸": "\\", "⠼": "|", "⠴": "/", "⠦": "-", "⠧": "\\", "⠇": "|", "⠏": "/",
    ]

    private static let ligatures: [Character: String] = [
        "ß": "s", "æ": "a", "Æ": "A", "ø": "o", "Ø": "O", "œ": "o", "Œ": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
        "“": "\"", "”": "\"", "„": "\"", "‘": "'", "’": "'", "«": "\"", "»": "\"", "\u{A0}": " ",
    ]

    /// The ASCII base letter of an accented one (its canonical decomposition without the marks).
    private static func transliterated(_ text: String) -> String? {
        if let character = text.first, let replacement = ligatures[character] { return replacement }
        let base = UnicodeDecomposition.canonical(text).first
        return base.flatMap { $0.isASCII && $0.value >= 0x20 ? String($0) : nil }
    }

    /// The screen with every cell ASCII: our symbols get ASCII look-alikes, a letter with accents
    /// its base letter (`Marché` reads `Marche`), any other non-ASCII character (which the terminal
    /// could not show) `?` in each of its columns.
    public static func asciiOnly(_ screen: Screen) -> Screen {
        var result = Screen(width: screen.width, height: screen.height)
        for row in 0..<screen.height {
            for column in 0..<screen.width {
                let cell = screen[row, column]
                let original = screen.text(of: cell)
                let text: String
                if cell.isContinuation {
                    text = "?"
                } else if original.unicodeScalars.allSatisfy(\.isASCII) {
                    text = original
                } else {
                    text = asciiReplacements[original] ?? transliterated(original) ?? "?"
                }
                result.write(text, row: row, column: column, style: cell.style, limit: 1)
            }
        }
        return result
    }
}
