/// A key the user pressed, as the terminal layer decodes it.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    /// A printable character, e.g. `a`, `?`, `G`.
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("l")` for Ctrl-L.
    case control(Character)
    /// A function key number (F1 is 1).
    case function(Int)

    /// How the key is written in help texts.
    public var description: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .character(let character): String(character)
        case .control(let character): "Ctrl-\(character.uppercased())"
        case .function(let number): "F\(number)"
        }
    }
}
