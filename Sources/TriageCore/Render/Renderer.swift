import EngageContract

/// Draws the state into a `Screen`: pure, so every screen is testable as text.
/// Only the visible rows are drawn, so a frame costs the same with 60 or 100,000 appointments.
public enum Renderer {
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(width: state.size.width, height: state.size.height)
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(&screen, state)
        } else {
            drawTitle(&screen, state)
            if let frame = layout.list { drawList(&screen, state, frame) }
            if let frame = layout.detail { drawDetail(&screen, state, frame) }
            if layout.isSideBySide, let list = layout.list {
                for row in list.row..<(list.row + list.height) {
                    screen.write("│", row: row, column: list.column + list.width, style: .border)
                }
            }
            drawMessage(&screen, state, layout)
            drawStatus(&screen, state, layout)
            switch state.modes.current {
            case .help(let scroll):
                drawOverlay(&screen, title: " Keys (\(state.focus == .detail ? "details" : "list")) ", lines: HelpContent.lines(state),
                            scroll: scroll, minimumWidth: 44)
            case .messages(let scroll):
                drawOverlay(&screen, title: " Messages of this session (newest first) ", lines: MessagesContent.lines(state),
                            scroll: scroll, minimumWidth: MessagesContent.textWidth(state))
            case .bulkResults(let scroll):
                drawOverlay(&screen, title: " Accept of the marked requests ", lines: BulkResultsContent.lines(state),
                            scroll: scroll, minimumWidth: MessagesContent.textWidth(state))
            case .reschedule(let form):
                drawForm(&screen, state, form)
            case .confirm(_, .reschedule), .confirmDiscard:
                // The question sits under the form it came from.
                if case .reschedule(let form) = state.modes.modes.dropLast().last { drawForm(&screen, state, form) }
            default: break
            }
        }
        return state.options.asciiOnly ? Glyphs.asciiOnly(screen) : screen
    }

    /// The `t` form in a box, its focused field on the selection's colours.
    static func drawForm(_ screen: inout Screen, _ state: AppState, _ form: RescheduleForm) {
        let (lines, focused) = RescheduleFormContent.lines(state, form)
        let box = drawOverlay(&screen, title: " Propose another time ", lines: lines, scroll: 0, minimumWidth: 60)
        let row = box.row + focused
        guard row < screen.height - 2 else { return }
        screen.fill(row: row, column: box.column, count: box.width, style: .selected)
        screen.write(lines[focused], row: row, column: box.column, style: .selected, limit: box.width)
    }

    static func drawTooSmall(_ screen: inout Screen, _ state: AppState) {
        let minimum = Layout.minimumSize
        let lines = [
            "Terminal too small: \(state.size).",
            "engage-triage needs at least \(minimum.width)x\(minimum.height).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max(0, (screen.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let column = max(0, (screen.width - DisplayWidth.of(line)) / 2)
            screen.write(line, row: top + offset, column: column, style: offset == 0 ? .title : .normal)
        }
    }

    /// `engage-triage · acme · pending requests   12 of 41 · /dub · soonest first · 3 marked · 3 new · updated 14:02`:
    /// what is shown of how many, how it is ordered, and how old it is. Where the row is short,
    /// "pending requests" goes first, then the least needed of the right-hand parts.
    static func drawTitle(_ screen: inout Screen, _ state: AppState) {
        screen.fill(row: 0, style: .title)
        let name = " engage-triage · \(UntrustedText.sanitize(state.options.tenantName))"
        var parts = titleParts(state)
        let full = name + " · pending requests"
        func width(_ parts: [String]) -> Int { DisplayWidth.of(parts.joined(separator: " · ")) + 1 }
        var left = full
        while DisplayWidth.of(left) + width(parts) + 1 > screen.width {
            if left == full { left = name } else if parts.count > 1 { parts.removeLast() } else { break }
        }
        let used = screen.write(left, row: 0, column: 0, style: .title)
        let right = parts.joined(separator: " · ") + " "
        let rightWidth = DisplayWidth.of(right)
        if used + rightWidth + 1 <= screen.width {
            screen.write(right, row: 0, column: screen.width - rightWidth, style: .title)
        }
    }

    /// The right-hand parts of the title, most needed first.
    static func titleParts(_ state: AppState) -> [String] {
        let count = state.view.isFiltered
            ? "\(state.view.count) of \(state.view.unfilteredCount) · /\(UntrustedText.sanitize(state.filterText))"
            : "\(state.view.count) loaded"
        var parts: [String]
        switch state.load {
        case .loading(let loaded, let total?): parts = ["loading \(loaded) of \(total) \(Glyphs.spinner(state.spinnerFrame))"]
        case .loading: parts = ["loading \(Glyphs.spinner(state.spinnerFrame))"]
        case .done: parts = [count]
        case .failed: parts = [count, "load failed (r retries)"]
        }
        if state.store.markedCount > 0 { parts.append("\(state.store.markedCount) marked") }
        let new = state.store.newCount
        if new > 0 { parts.append("\(new) new") }
        parts.append(state.view.order.label)
        if state.isRefreshing {
            parts.append("refreshing")
        } else if let updated = state.lastUpdated {
            let failing = state.refreshFailures > 0 ? ", refresh failing" : ""
            parts.append("updated " + TimeDisplay(timeZone: state.options.timeZone).time(updated) + failing)
        }
        return parts
    }
}
