import EngageContract
import Foundation

/// The list pane: a header and one row per visible appointment.
extension Renderer {
    static func drawList(_ screen: inout Screen, _ state: AppState, _ frame: Layout.Frame) {
        let columns = ListColumn.fitting(width: frame.width, for: state)
        var header = ""
        for column in columns { header += DisplayWidth.fit(column.title, to: column.width) + " " }
        screen.fill(row: frame.row, column: frame.column, count: frame.width, style: .header)
        screen.write(header, row: frame.row, column: frame.column, style: .header, limit: frame.width)

        let rows = max(0, frame.height - 1)
        if state.view.isEmpty {
            let message: String = if state.view.isFiltered, state.view.unfilteredCount > 0 {
                "No request matches /\(UntrustedText.sanitize(state.filterText)). Esc clears the filter."
            } else {
                switch state.load {
                case .loading: "Loading the pending requests…"
                case .failed: "No requests loaded. Press r to try again."
                case .done: "No pending requests. Press r to reload."
                }
            }
            screen.write(message, row: frame.row + 2, column: frame.column + 2, style: .muted, limit: frame.width - 2)
            return
        }
        let selection = state.selectionIndex
        let top = state.listTop(selection: selection)
        let end = min(state.view.count, top + rows)
        guard top < end else { return }
        for index in top..<end {
            let appointment = state.row(at: index)
            let row = frame.row + 1 + index - top
            let isSelected = index == selection
            let base: Style = isSelected ? .selected : .normal
            if isSelected { screen.fill(row: row, column: frame.column, count: frame.width, style: .selected) }
            var column = frame.column
            for listColumn in columns {
                let cell = listColumn.cell(appointment, state)
                // Cells are blank (or filled with the selection) already: only the text is written.
                screen.write(DisplayWidth.truncate(cell.text, to: listColumn.width), row: row, column: column,
                             style: isSelected ? base : cell.style,
                             limit: min(listColumn.width, frame.column + frame.width - column))
                column += listColumn.width + 1
            }
        }
    }
}

/// One column of the list: its title, width and how it reads an appointment.
struct ListColumn {
    /// What one row shows in a column, and how.
    struct Cell {
        var text: String
        var style: Style = .normal
    }

    var title: String
    var width: Int
    /// How much of the room left over the column takes (0: none, it keeps its width).
    var weight = 0
    /// The kind of name the column shows, if it shows one.
    var nameKind: NameKind?
    var cell: (Appointment, AppState) -> Cell

    init(title: String, width: Int, weight: Int = 0, nameKind: NameKind? = nil,
         cell: @escaping (Appointment, AppState) -> Cell) {
        self.title = title
        self.width = width
        self.weight = weight
        self.nameKind = nameKind
        self.cell = cell
    }

    init(title: String, width: Int, text: @escaping (Appointment, AppState) -> String) {
        self.init(title: title, width: width) { Cell(text: text($0, $1)) }
    }

    /// The columns the list shows at `width` in `state` (its time zone and clock; room for
    /// `· elsewhere` when a row says it): what is drawn and whose names are asked for.
    static func fitting(width: Int, for state: AppState) -> [ListColumn] {
        fitting(width: width, time: TimeDisplay(timeZone: state.options.timeZone), now: state.clock.now(),
                wideStatus: state.store.hasHandledElsewhere)
    }

    /// The columns that fit in `width`: the marker, id, start (relative near today) and status
    /// always; then, in this order and as long as each fits, the customer and subject by name,
    /// how long the request has waited, the office and employee by name and the meeting type;
    /// the room left over goes to the named columns.
    /// `wideStatus`: some row says `ACCEPTED · elsewhere`; from 100 columns the status has room for it.
    private static func fitting(width: Int, time: TimeDisplay, now: Date, wideStatus: Bool) -> [ListColumn] {
        let marker = ListColumn(title: "", width: 1) { appointment, state in
            if state.store.state(of: appointment.id).isWriting { return Cell(text: Glyphs.spinner(state.spinnerFrame)) }
            let marked = state.store.slot(of: appointment.id).map(state.store.isMarked(slot:)) ?? false
            return Cell(text: marked ? Glyphs.mark : "", style: .badgePending)
        }
        let id = ListColumn(title: "ID", width: 6) { appointment, _ in UntrustedText.sanitize(appointment.id) }
        let start = ListColumn(title: "START", width: 16) { appointment, _ in
            appointment.start.map { time.relative($0, now: now) } ?? "no time yet"
        }
        let waiting = ListColumn(title: "WAITING", width: 7) { appointment, _ in
            TimeDisplay.age(since: appointment.createdAt, now: now)
        }
        // `ACCEPTED · elsewhere` whole where the list is wide; cut to the badge where it is not.
        let status = ListColumn(title: "STATUS", width: wideStatus && width >= 100 ? 20 : 9) { appointment, state in
            let row = state.store.state(of: appointment.id)
            if row.handledElsewhere { return Cell(text: statusText(appointment, row), style: .muted) }
            if row.isNew, appointment.status == .incomingRequest { return Cell(text: "NEW", style: .badgeNew) }
            return Cell(text: badge(appointment.status), style: badgeStyle(appointment.status))
        }
        let optional = [
            ListColumn(title: "CUSTOMER", width: 13, weight: 3, nameKind: .customer) { appointment, state in
                named(.customer, appointment.customer?.participant.id, state)
            },
            ListColumn(title: "SUBJECT", width: 11, weight: 2, nameKind: .subject) { named(.subject, $0.subject.id, $1) },
            waiting,
            ListColumn(title: "OFFICE", width: 10, weight: 1, nameKind: .office) { named(.office, $0.office.id, $1) },
            ListColumn(title: "EMPLOYEE", width: 14, weight: 2, nameKind: .employee) { appointment, state in
                named(.employee, appointment.primaryEmployee?.participant.id, state)
            },
            ListColumn(title: "TYPE", width: 11) { appointment, _ in UntrustedText.sanitize(appointment.meetingType.rawValue) },
        ]
        var chosen = [marker, id, start]
        var used = chosen.reduce(0) { $0 + $1.width + 1 } + status.width
        for column in optional {
            guard used + column.width + 1 <= width else { break }
            chosen.append(column)
            used += column.width + 1
        }
        let spare = max(0, width - used)
        let weights = chosen.reduce(0) { $0 + $1.weight }
        if weights > 0 {
            var given = 0
            for index in chosen.indices where chosen[index].weight > 0 {
                let share = spare * chosen[index].weight / weights
                chosen[index].width += share
                given += share
            }
            if let first = chosen.firstIndex(where: { $0.weight > 0 }) { chosen[first].width += spare - given }
        }
        return chosen + [status]
    }

    /// The name of `id`, or the id dimmed while its name is on its way (or not to be had).
    static func named(_ kind: NameKind, _ id: String?, _ state: AppState) -> Cell {
        guard let id else { return Cell(text: AppointmentDetail.none, style: .muted) }
        if let name = state.names.name(kind, id) { return Cell(text: name.text) }
        return Cell(text: UntrustedText.sanitize(id), style: .muted)
    }

    /// The status as the row and the details say it: the badge, and `· elsewhere` when a refresh
    /// found it handled by someone else (`HANDLED` while the re-read has not said how).
    static func statusText(_ appointment: Appointment, _ row: RowState) -> String {
        guard row.handledElsewhere else { return badge(appointment.status) }
        return (appointment.status == .incomingRequest ? "HANDLED" : badge(appointment.status)) + " · elsewhere"
    }

    /// The short badge of a status: INCOMING, ACCEPTED, ALT DATE, …; unknown values as sent.
    static func badge(_ status: AppointmentStatus) -> String {
        switch status {
        case .incomingRequest: "INCOMING"
        case .accepted: "ACCEPTED"
        case .alternativeDateRequested: "ALT DATE"
        case .cancelled: "CANCELLED"
        case .completed: "COMPLETED"
        case .noShow: "NO SHOW"
        case .outgoingInvite: "INVITED"
        case .unknown(let value): UntrustedText.sanitize(value.rawValue)
        }
    }

    static func badgeStyle(_ status: AppointmentStatus) -> Style {
        switch status {
        case .incomingRequest: .badgePending
        case .accepted: .badgeAccepted
        case .unknown: .badgeUnknown
        default: .badgeClosed
        }
    }
}
