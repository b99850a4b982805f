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
            case .noteEditor, .reassign:
                drawWriteOverlay(&screen, state, state.modes.current)
            case .confirm, .confirmDiscard, .reassignMessage:
                // The question and the message line sit under what they came from.
                for mode in state.modes.modes.dropLast().reversed() where drawWriteOverlay(&screen, state, mode) { break }
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

    /// The form, field or picker of `mode` (false: `mode` has none).
    @discardableResult
    static func drawWriteOverlay(_ screen: inout Screen, _ state: AppState, _ mode: Mode) -> Bool {
        switch mode {
        case .reschedule(let form): drawForm(&screen, state, form)
        case .noteEditor(let editor): drawNoteEditor(&screen, state, editor)
        case .reassign(let picker): drawPicker(&screen, state, picker)
        default: return false
        }
        return true
    }

    /// The `o` picker in a box, scrolled to keep the cursor's colleague in view, its filter line
    /// at the bottom.
    static func drawPicker(_ screen: inout Screen, _ state: AppState, _ picker: ColleaguePicker) {
        let width = max(40, min(90, screen.width - 6))
        let (lines, selected) = ColleaguePickerContent.lines(state, picker, width: width)
        let showsFilter = picker.isFiltering || !picker.filterText.isEmpty
        let room = max(1, screen.height - 6 - (showsFilter ? 1 : 0))
        let scroll = max(0, min((selected ?? 0) - room + 1, lines.count - room))
        var visible = Array(lines.dropFirst(scroll).prefix(room))
        if showsFilter { visible.append(" /" + UntrustedText.sanitize(picker.filterText) + (picker.isFiltering ? "_" : "")) }
        let title = state.store.appointment(id: picker.appointmentID).map { RequestSummary.short($0, names: state.names) }
            ?? UntrustedText.sanitize(picker.appointmentID)
        let box = drawOverlay(&screen, title: " Hand \(title) to… ", lines: visible, scroll: 0, minimumWidth: width)
        guard let selected else { return }
        let row = box.row + selected - scroll
        screen.fill(row: row, column: box.column, count: box.width, style: .selected)
        screen.write(lines[selected], row: row, column: box.column, style: .selected, limit: box.width)
    }

    /// The `n` field in a box, scrolled to its end (where the typing goes).
    static func drawNoteEditor(_ screen: inout Screen, _ state: AppState, _ editor: NoteEditor) {
        let width = max(20, min(76, screen.width - 8))
        let text = UntrustedText.sanitize(editor.text, multiline: true) + "_"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { TextWrap.lines(String($0), width: width - 2).map { " " + $0 } }
        let title = state.store.appointment(id: editor.appointmentID).map { RequestSummary.short($0, names: state.names) }
            ?? UntrustedText.sanitize(editor.appointmentID)
        drawOverlay(&screen, title: " Internal note · \(title) ", lines: lines.isEmpty ? [" _"] : lines, scroll: Int.max / 2,
                    minimumWidth: width)
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
