/// How many colours the screen uses. `none` is chosen for `NO_COLOR` or a terminal without
/// colours: the selection is then marked by reverse video and headings by bold.
public enum ColorMode: String, Sendable, CaseIterable {
    case none
    case eight
    case extended

    /// The mode for this terminal: `preference` (from the configuration) unless it is `auto`,
    /// then none when `NO_COLOR` is set (any value, per no-color.org) or the terminal has no colours.
    public static func choose(preference: String?, environment: [String: String], terminalColors: Int, hasColors: Bool) -> ColorMode {
        switch preference?.lowercased() {
        case "none", "off": return .none
        case "8": return hasColors ? .eight : .none
        case "256": return hasColors ? (terminalColors >= 256 ? .extended : .eight) : .none
        default: break
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        return terminalColors >= 256 ? .extended : .eight
    }
}
