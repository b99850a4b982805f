import EngageAPI

/// The rows around the panes: banners and the confirmation, the key hints, the help overlay.
extension Renderer {
    /// The confirmation prompt, or the banner (on one line when it fits, else two).
    static func drawMessage(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let row = layout.messageRow
        if let id = state.confirming, let index = state.list.index(of: id) {
            let appointment = state.list[index]
            let time = TimeDisplay(timeZone: state.options.timeZone)
            let when = appointment.start.map(time.dateTime) ?? "no time yet"
            let customer = appointment.customer.map { " · customer \($0.participant.id)" } ?? ""
            let question = UntrustedText.sanitize("Accept \(appointment.id) · \(when) · subject \(appointment.subject.id)\(customer)?")
            screen.fill(row: row, style: .prompt)
            screen.write(" \(question) y/N", row: row, column: 0, style: .prompt)
            return
        }
        guard let banner = state.banner else { return }
        let style: Style = switch banner.kind {
        case .success: .bannerSuccess
        case .error: .bannerError
        case .info: .bannerInfo
        }
        let oneLine = " " + banner.text + (banner.detail.map { " · \($0)" } ?? "")
        if banner.detail == nil || DisplayWidth.of(oneLine) <= screen.width {
            screen.fill(row: row, style: style)
            screen.write(oneLine, row: row, column: 0, style: style)
        } else {
            screen.fill(row: row - 1, style: style)
            screen.write(" " + banner.text, row: row - 1, column: 0, style: style)
            screen.fill(row: row, style: style)
            screen.write(" " + (banner.detail ?? ""), row: row, column: 0, style: style)
        }
    }

    /// The key hints of the current context and the position, e.g. `12/41`.
    static func drawStatus(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let row = layout.statusRow
        screen.fill(row: row, style: .statusBar)
        let keymap = state.keymap
        func hint(_ command: Command, _ words: String) -> String {
            guard let key = keymap.bindings[command]?.first else { return "" }
            return "\(key) \(words)"
        }
        var hints: [String]
        if state.confirming != nil {
            hints = ["y accept", "any other key cancels"]
        } else if state.focus == .detail {
            hints = [hint(.moveDown, "scroll"), hint(.nextSection, "section"), hint(.cycleLanguage, "language"),
                     hint(.back, "back"), hint(.accept, "accept"), hint(.help, "help"), hint(.quit, "quit")]
        } else {
            hints = ["↑↓ move", hint(.open, "details"), hint(.accept, "accept"), hint(.reload, "reload"),
                     hint(.help, "help"), hint(.quit, "quit")]
        }
        if state.options.readOnly { hints.removeAll { $0.hasSuffix(" accept") } }
        if state.banner != nil, state.confirming == nil { hints.insert(hint(.back, "dismiss"), at: 0) }
        let position = state.list.isEmpty ? "0/0" : "\(state.selection + 1)/\(state.list.count)"
        let right = (state.options.readOnly ? "read-only · " : "") + position + " "
        let used = screen.write(" " + hints.filter { !$0.isEmpty }.joined(separator: "  "), row: row, column: 0,
                                style: .statusBar, limit: screen.width - DisplayWidth.of(right) - 1)
        if used + DisplayWidth.of(right) < screen.width {
            screen.write(right, row: row, column: screen.width - DisplayWidth.of(right), style: .statusBar)
        }
    }

    /// A box in the middle listing the keys that work right now.
    static func drawHelp(_ screen: inout Screen, _ state: AppState) {
        let commands: [Command] = state.focus == .detail
            ? [.moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .nextSection, .previousSection, .overview,
               .participants, .location, .answers, .cycleLanguage, .back, .accept, .reload, .redraw, .help, .quit]
            : [.moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .open, .nextSection, .overview, .participants,
               .location, .answers, .back, .accept, .reload, .redraw, .help, .quit]
        let shown = commands.filter { !(state.options.readOnly && $0 == .accept) }
        let keys = shown.map { state.keymap.keys(for: $0) }
        let keyWidth = min(22, keys.map { DisplayWidth.of($0) }.max() ?? 0)
        var lines = zip(shown, keys).map { command, key in
            "  " + DisplayWidth.fit(key, to: keyWidth) + "  " + command.summary
        }
        lines += ["", "  Esc or ? closes this help."]
        let width = min(screen.width - 4, max(44, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        let height = min(screen.height - 2, lines.count + 2)
        let top = max(1, (screen.height - height) / 2)
        let left = max(2, (screen.width - width) / 2)
        for row in top..<(top + height) { screen.fill(row: row, column: left, count: width, style: .normal) }
        let title = " Keys (\(state.focus == .detail ? "details" : "list")) "
        screen.write("┌" + String(repeating: "─", count: width - 2) + "┐", row: top, column: left, style: .border)
        screen.write(title, row: top, column: left + 2, style: .title)
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            screen.write("│", row: top + 1 + offset, column: left, style: .border)
            screen.write(line, row: top + 1 + offset, column: left + 1, limit: width - 2)
            screen.write("│", row: top + 1 + offset, column: left + width - 1, style: .border)
        }
        screen.write("└" + String(repeating: "─", count: width - 2) + "┘", row: top + height - 1, column: left, style: .border)
    }
}
