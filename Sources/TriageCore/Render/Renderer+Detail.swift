import EngageContract

/// The detail pane: section tabs, a summary line, and the section's fields, scrolled.
extension Renderer {
    static func drawDetail(_ screen: inout Screen, _ state: AppState, _ frame: Layout.Frame) {
        var column = frame.column
        for tab in DetailTab.allCases {
            let label = " \(tab.rawValue + 1) \(tab.title) "
            let style: Style = tab == state.tab ? .tabActive : .tabInactive
            column += screen.write(label, row: frame.row, column: column, style: style,
                                   limit: frame.column + frame.width - column)
            if column >= frame.column + frame.width { break }
        }
        guard let appointment = state.selected else {
            screen.write("No request selected.", row: frame.row + 2, column: frame.column + 1, style: .muted,
                         limit: frame.width - 1)
            return
        }
        let time = TimeDisplay(timeZone: state.options.timeZone)
        var summary = "\(appointment.id) · \(ListColumn.statusText(appointment, state.store.state(of: appointment.id))) · "
            + time.window(start: appointment.start, end: appointment.end)
        if state.tab == .location { summary += " · \(state.language) first (L)" }
        screen.write(UntrustedText.sanitize(summary), row: frame.row + 1, column: frame.column + 1, style: .muted,
                     limit: frame.width - 1)

        let content = DetailLines(appointment, tab: state.tab, state: state)
        let rows = max(0, frame.height - 2)
        let first = min(state.detailScroll, max(0, content.lines.count - 1))
        for (offset, line) in content.lines.dropFirst(first).prefix(rows).enumerated() {
            let row = frame.row + 2 + offset
            screen.write(line.label, row: row, column: frame.column + 1, style: .label, limit: content.labelWidth)
            let valueColumn = frame.column + 1 + content.labelWidth + 2
            screen.write(line.value, row: row, column: valueColumn, limit: frame.column + frame.width - valueColumn)
        }
        if first + rows < content.lines.count {
            let more = "↓ more"
            screen.write(more, row: frame.row + frame.height - 1, column: frame.column + frame.width - DisplayWidth.of(more) - 1,
                         style: .muted)
        }
    }
}
