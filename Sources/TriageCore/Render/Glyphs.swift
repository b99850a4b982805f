/// The few symbols the screen draws, and the ASCII fallback for terminals whose locale is not UTF-8.
public enum Glyphs {
    private static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The spinner's frame for tick `frame`.
    public static func spinner(_ frame: Int) -> String {
        spinnerFrames[abs(frame) % spinnerFrames.count]
    }

    private static let asciiReplacements: [String: String] = [
        "…": "~", "│": "|", "─": "-", "┌": "+", "┐": "+", "└": "+", "┘": "+", "·": "-",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "–": "-", "—": "-",
        "⠋": "|", "⠙": "/", "⠹": "-", "⠸": "\\", "⠼": "|", "⠴": "/", "⠦": "-", "⠧": "\\", "⠇": "|", "⠏": "/",
    ]

    /// The screen with every cell ASCII: our symbols get ASCII look-alikes, any other non-ASCII
    /// character (which the terminal could not show) becomes `?` in each of its columns.
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
                    text = asciiReplacements[original] ?? "?"
                }
                result.write(text, row: row, column: column, style: cell.style, limit: 1)
            }
        }
        return result
    }
}
