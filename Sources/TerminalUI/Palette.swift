import CNcurses
import TriageCore

/// How each `Style` looks in a colour mode: ncurses attributes and a colour pair number.
struct Palette {
    struct Look {
        var attributes: attr_t
        var pair: Int16
    }

    private var looks: [Style: Look] = [:]

    /// Defines the colour pairs (when there are colours) and the look of every style.
    init(mode: ColorMode) {
        let bold = cncurses_a_bold()
        let reverse = cncurses_a_reverse()
        let dim = cncurses_a_dim()
        let underline = cncurses_a_underline()
        let normal = cncurses_a_normal()
        guard mode != .none else {
            for style in Style.allCases {
                let attributes: attr_t = switch style {
                case .selected, .statusBar, .title, .prompt, .bannerError, .bannerSuccess, .tabActive: reverse
                case .header, .label, .badgePending, .badgeAccepted, .badgeNew: bold
                case .muted, .border, .tabInactive, .badgeClosed: dim
                case .badgeUnknown: underline
                case .normal, .bannerInfo: normal
                }
                looks[style] = Look(attributes: attributes | (style == .bannerError ? bold : 0), pair: 0)
            }
            return
        }
        let rich = mode == .extended
        // (foreground, background) per style; -1 is the terminal's default colour.
        let colours: [Style: (Int16, Int16, attr_t)] = [
            .normal: (-1, -1, normal),
            .muted: (rich ? 245 : Int16(COLOR_WHITE), -1, rich ? normal : dim),
            .title: (Int16(COLOR_WHITE), rich ? 24 : Int16(COLOR_BLUE), bold),
            .header: (rich ? 252 : Int16(COLOR_WHITE), rich ? 238 : Int16(COLOR_BLACK), bold),
            .selected: (Int16(COLOR_BLACK), rich ? 117 : Int16(COLOR_CYAN), normal),
            .badgePending: (rich ? 214 : Int16(COLOR_YELLOW), -1, bold),
            .badgeAccepted: (rich ? 114 : Int16(COLOR_GREEN), -1, bold),
            .badgeClosed: (rich ? 244 : Int16(COLOR_WHITE), -1, rich ? normal : dim),
            .badgeNew: (rich ? 51 : Int16(COLOR_CYAN), -1, bold),
            .badgeUnknown: (rich ? 177 : Int16(COLOR_MAGENTA), -1, underline),
            .bannerSuccess: (Int16(COLOR_BLACK), rich ? 114 : Int16(COLOR_GREEN), bold),
            .bannerError: (Int16(COLOR_WHITE), rich ? 160 : Int16(COLOR_RED), bold),
            .bannerInfo: (Int16(COLOR_BLACK), rich ? 252 : Int16(COLOR_WHITE), normal),
            .prompt: (Int16(COLOR_BLACK), rich ? 221 : Int16(COLOR_YELLOW), bold),
            .statusBar: (rich ? 252 : Int16(COLOR_WHITE), rich ? 236 : Int16(COLOR_BLACK), normal),
            .tabActive: (Int16(COLOR_BLACK), rich ? 117 : Int16(COLOR_CYAN), bold),
            .tabInactive: (rich ? 250 : Int16(COLOR_WHITE), -1, normal),
            .border: (rich ? 240 : Int16(COLOR_BLUE), -1, normal),
            .label: (rich ? 110 : Int16(COLOR_CYAN), -1, normal),
        ]
        for (index, style) in Style.allCases.enumerated() {
            let (foreground, background, attributes) = colours[style] ?? (-1, -1, normal)
            let pair = Int16(index + 1)
            init_pair(pair, foreground, background)
            looks[style] = Look(attributes: attributes, pair: pair)
        }
    }

    func look(_ style: Style) -> Look {
        looks[style] ?? Look(attributes: cncurses_a_normal(), pair: 0)
    }
}
