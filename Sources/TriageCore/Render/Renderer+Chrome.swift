import EngageContract

/// The rows around the panes: banners and the confirmation, the key hints, the help overlay.
extension Renderer {
    /// The confirmation prompt, or the banner (on one line when it fits, else two).
    static func drawMessage(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let row = layout.messageRow
        if case .confirm(let id, let write) = state.modes.current, let appointment = state.store.appointment(id: id) {
            let question = DisplayWidth.truncate(Reducer.question(state, write, appointment), to: max(10, screen.width - 5))
            screen.fill(row: row, style: .prompt)
            screen.write(" \(question) y/N", row: row, column: 0, style: .prompt)
            return
        }
        if case .confirmMarked(let ids) = state.modes.current {
            let question = DisplayWidth.truncate(Reducer.markedQuestion(state, ids), to: max(10, screen.width - 9))
            screen.fill(row: row, style: .prompt)
            screen.write(" \(question)? y/N", row: row, column: 0, style: .prompt)
            return
        }
        if case .reassignMessage(let draft) = state.modes.current {
            screen.fill(row: row, style: .prompt)
            screen.write(" Message for the customer (optional; Enter goes on): " + UntrustedText.sanitize(draft.messageForCustomer) + "_",
                         row: row, column: 0, style: .prompt)
            return
        }
        if case .prompt(let text) = state.modes.current {
            screen.fill(row: row, style: .prompt)
            screen.write(":" + UntrustedText.sanitize(text) + "_", row: row, column: 0, style: .prompt)
            return
        }
        if state.modes.current == .filter {
            screen.fill(row: row, style: .prompt)
            let found = state.view.isFiltered ? "  \(state.view.count) of \(state.view.unfilteredCount)" : ""
            screen.write("/" + UntrustedText.sanitize(state.filterText) + "_" + found, row: row, column: 0, style: .prompt)
            return
        }
        guard let banner = shutdownBanner(state) ?? state.banner else { return }
        let style: Style = switch banner.kind {
        case .success: .bannerSuccess
        case .error: .bannerError
        case .info: .bannerInfo
        }
        for (offset, line) in bannerLines(banner, width: screen.width).reversed().enumerated() {
            screen.fill(row: row - offset, style: style)
            screen.write(" " + line, row: row - offset, column: 0, style: style)
        }
    }

    /// The most rows a banner takes (over the bottom of the panes); what does not fit ends in `…`
    /// and is whole in the messages (`m`).
    static let maxBannerRows = 4

    /// A banner's rows: its text wrapped to the width (the detail on the same row when it fits,
    /// else on its own), at most `maxBannerRows`.
    static func bannerLines(_ banner: Banner, width: Int) -> [String] {
        let room = max(10, width - 2)
        let oneLine = banner.text + (banner.detail.map { " · \($0)" } ?? "")
        if DisplayWidth.of(oneLine) <= room { return [oneLine] }
        var lines = TextWrap.lines(banner.text, width: room)
        if let detail = banner.detail { lines += TextWrap.lines(detail, width: room) }
        guard lines.count > maxBannerRows else { return lines }
        lines = Array(lines.prefix(maxBannerRows))
        lines[maxBannerRows - 1] = DisplayWidth.truncate(lines[maxBannerRows - 1] + " …", to: room)
        return lines
    }

    /// While the session ends: what it waits for, and how to stop waiting.
    static func shutdownBanner(_ state: AppState) -> Banner? {
        guard state.isShuttingDown else { return nil }
        let writes = state.writesInFlight
        guard let first = writes.first else { return Banner(.info, "Quitting…") }
        let what = writes.count == 1 ? "\(first.write.noun) of \(first.id)"
            : writes.allSatisfy { $0.write == .accept } ? "\(writes.count) accepts" : "\(writes.count) changes"
        return Banner(.info, "Quitting: waiting for \(what) on its way. q or Ctrl-C again quits now (outcome unknown).")
    }

    /// The key hints of the current context and the position, e.g. `12/41`.
    static func drawStatus(_ screen: inout Screen, _ state: AppState, _ layout: Layout) {
        let row = layout.statusRow
        screen.fill(row: row, style: .statusBar)
        let keymap = state.keymap
        func hint(_ command: Command, _ words: String) -> String {
            guard let key = keymap.firstKey(for: command) else { return "" }
            return "\(key) \(words)"
        }
        var hints: [String]
        let confirming = state.modes.current.kind == .confirm
        if state.isShuttingDown {
            hints = []
        } else if confirming {
            let sends = if case .confirm(_, .accept) = state.modes.current { "accept" } else { "yes" }
            hints = [hint(.confirmAccept, sends), "any other key cancels"]
        } else if state.modes.current.kind == .help {
            hints = [hint(.moveDown, "scroll"), hint(.closeHelp, "close")]
        } else if state.modes.current.kind == .messages {
            hints = [hint(.moveDown, "scroll"), hint(.closeMessages, "close")]
        } else if case .reassignMessage = state.modes.current {
            hints = [hint(.runPrompt, "go on"), hint(.cancelPrompt, "back to the colleagues"), "type a message, or none"]
        } else if state.modes.current.kind == .prompt {
            hints = [hint(.runPrompt, "jump"), hint(.cancelPrompt, "cancel"), "type an id, or q to quit"]
        } else if case .reassign = state.modes.current, state.modes.current.kind == .filter {
            hints = [hint(.keepFilter, "keep"), hint(.clearFilter, "clear"), "type: a name, a function, an office"]
        } else if state.modes.current.kind == .picker {
            hints = ["↑↓ move", hint(.pick, "pick"), hint(.filter, "filter"), hint(.closePicker, "close")]
        } else if state.modes.current.kind == .filter {
            hints = [hint(.keepFilter, "keep"), hint(.clearFilter, "clear"), "type: customer, subject, office, city, id…"]
        } else if state.modes.current.kind == .editor {
            hints = [hint(.saveNote, "review"), hint(.newLine, "new line"), hint(.abandonForm, "abandon"), "type the note"]
        } else if state.modes.current.kind == .form {
            hints = [hint(.nextField, "next field"), hint(.previousField, "previous"), hint(.reviewForm, "review"),
                     hint(.abandonForm, "abandon"), hint(.clearField, "empty"), "type to replace"]
        } else if state.focus == .detail {
            hints = [hint(.moveDown, "scroll"), hint(.nextSection, "section"), hint(.cycleLanguage, "language"),
                     hint(.back, "back"), hint(.accept, "accept"), hint(.help, "help"), hint(.quit, "quit")]
        } else {
            hints = ["↑↓ move", hint(.open, "details"), hint(.accept, "accept"), hint(.filter, "filter"),
                     hint(.reload, "reload"), hint(.help, "help"), hint(.quit, "quit")]
        }
        if state.options.readOnly { hints.removeAll { $0.hasSuffix(" accept") } }
        if state.banner != nil, !confirming, !state.isShuttingDown, [.list, .details].contains(state.modes.current.kind) {
            hints.insert(hint(.back, "dismiss"), at: 0)
        }
        let position = state.view.isEmpty ? "0/0" : "\((state.selectionIndex ?? 0) + 1)/\(state.view.count)"
        let right = (state.options.readOnly ? "read-only · " : "") + position + " "
        let used = screen.write(" " + hints.filter { !$0.isEmpty }.joined(separator: "  "), row: row, column: 0,
                                style: .statusBar, limit: screen.width - DisplayWidth.of(right) - 1)
        if used + DisplayWidth.of(right) < screen.width {
            screen.write(right, row: row, column: screen.width - DisplayWidth.of(right), style: .statusBar)
        }
    }

    /// A box of `lines` in the middle (the help, the messages, a form), scrolled when it does not
    /// fit; returns where its first line is.
    @discardableResult
    static func drawOverlay(_ screen: inout Screen, title: String, lines: [String], scroll: Int, minimumWidth: Int)
        -> (row: Int, column: Int, width: Int)
    {
        let width = min(screen.width - 4, max(minimumWidth, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        let height = min(screen.height - 2, lines.count + 2)
        let top = max(1, (screen.height - height) / 2)
        let left = max(2, (screen.width - width) / 2)
        let visible = height - 2
        let first = min(scroll, max(0, lines.count - visible))
        for row in top..<(top + height) { screen.fill(row: row, column: left, count: width, style: .normal) }
        screen.write("┌" + String(repeating: "─", count: width - 2) + "┐", row: top, column: left, style: .border)
        screen.write(title, row: top, column: left + 2, style: .title, limit: width - 4)
        for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
            screen.write("│", row: top + 1 + offset, column: left, style: .border)
            screen.write(line, row: top + 1 + offset, column: left + 1, limit: width - 2)
            screen.write("│", row: top + 1 + offset, column: left + width - 1, style: .border)
        }
        screen.write("└" + String(repeating: "─", count: width - 2) + "┘", row: top + height - 1, column: left, style: .border)
        if first + visible < lines.count {
            screen.write(" ↓ more ", row: top + height - 1, column: left + width - 10, style: .muted)
        } else if first > 0 {
            screen.write(" ↑ more ", row: top + height - 1, column: left + width - 10, style: .muted)
        }
        return (top + 1 - first, left + 1, width - 2)
    }
}
