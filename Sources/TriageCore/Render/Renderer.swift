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
            default: break
            }
        }
        return state.options.asciiOnly ? Glyphs.asciiOnly(screen) : screen
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

    /// `engage-triage · acme · pending requests   41 loaded` with the load's progress.
    static func drawTitle(_ screen: inout Screen, _ state: AppState) {
        screen.fill(row: 0, style: .title)
        let left = " engage-triage · \(UntrustedText.sanitize(state.options.tenantName)) · pending requests"
        let progress: String = switch state.load {
        case .loading(let loaded, let total?): "loading \(loaded) of \(total) \(Glyphs.spinner(state.spinnerFrame)) "
        case .loading: "loading \(Glyphs.spinner(state.spinnerFrame)) "
        case .done: "\(state.view.count) loaded " + (state.store.markedCount > 0 ? "· \(state.store.markedCount) marked " : "")
        case .failed: "\(state.view.count) loaded · load failed (r retries) "
        }
        let used = screen.write(left, row: 0, column: 0, style: .title)
        let progressWidth = DisplayWidth.of(progress)
        if used + progressWidth + 1 <= screen.width {
            screen.write(progress, row: 0, column: screen.width - progressWidth, style: .title)
        }
    }
}
