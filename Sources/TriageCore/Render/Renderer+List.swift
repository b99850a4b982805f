import EngageContract

/// The list pane: a header and one row per visible appointment.
extension Renderer {
    static func drawList(_ screen: inout Screen, _ state: AppState, _ frame: Layout.Frame) {
        let time = TimeDisplay(timeZone: state.options.timeZone)
        let columns = ListColumn.fitting(width: frame.width, time: time)
        var header = ""
        for column in columns { header += DisplayWidth.fit(column.title, to: column.width) + " " }
        screen.fill(row: frame.row, column: frame.column, count: frame.width, style: .header)
        screen.write(header, row: frame.row, column: frame.column, style: .header, limit: frame.width)

        let rows = max(0, frame.height - 1)
        if state.view.isEmpty {
            let message: String = switch state.load {
            case .loading: "Loading the pending requests…"
            case .failed: "No requests loaded. Press r to try again."
            case .done: "No pending requests. Press r to reload."
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
                let text = listColumn.value(appointment, state)
                let style = isSelected ? base : listColumn.style(appointment)
                // Cells are blank (or filled with the selection) already: only the text is written.
                screen.write(DisplayWidth.truncate(text, to: listColumn.width), row: row, column: column, style: style,
                             limit: min(listColumn.width, frame.column + frame.width - column))
                column += listColumn.width + 1
            }
        }
    }
}

/// One column of the list: its title, width and how it reads an appointment.
struct ListColumn {
    var title: String
    var width: Int
    var value: (Appointment, AppState) -> String
    var style: (Appointment) -> Style = { _ in .normal }

    /// The columns that fit in `width`: the marker, id, start and status always, then meeting type,
    /// subject, office and created-by as room allows (the last one taking what is left).
    static func fitting(width: Int, time: TimeDisplay) -> [ListColumn] {
        let marker = ListColumn(title: "", width: 1) { appointment, state in
            state.store.state(of: appointment.id).acceptInFlight ? Glyphs.spinner(state.spinnerFrame) : ""
        }
        let id = ListColumn(title: "ID", width: 6) { appointment, _ in UntrustedText.sanitize(appointment.id) }
        let start = ListColumn(title: "START", width: 16) { appointment, _ in
            appointment.start.map(time.short) ?? "no time yet"
        }
        let status = ListColumn(title: "STATUS", width: 10, value: { appointment, _ in badge(appointment.status) },
                                style: { badgeStyle($0.status) })
        let optional = [
            ListColumn(title: "TYPE", width: 11) { appointment, _ in UntrustedText.sanitize(appointment.meetingType.rawValue) },
            ListColumn(title: "SUBJECT", width: 7) { appointment, _ in UntrustedText.sanitize(appointment.subject.id) },
            ListColumn(title: "OFFICE", width: 6) { appointment, _ in UntrustedText.sanitize(appointment.office.id) },
            ListColumn(title: "CREATED BY", width: 16) { appointment, _ in createdBy(appointment) },
        ]
        var chosen = [marker, id, start]
        var used = marker.width + 1 + id.width + 1 + start.width + 1 + status.width
        for column in optional where used + column.width + 1 <= width {
            chosen.append(column)
            used += column.width + 1
        }
        if chosen.last?.title == "CREATED BY" {
            chosen[chosen.count - 1].width += max(0, width - used - 1)
        }
        return chosen + [status]
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
        case .unknown(let raw): UntrustedText.sanitize(raw)
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

    /// `customer·booking`: who created the request and from which application.
    static func createdBy(_ appointment: Appointment) -> String {
        let who: String = switch appointment.createdByType {
        case .customer: "customer"
        case .employee: "employee"
        case .other: "other"
        case .unknown(let raw): raw.lowercased()
        }
        let from: String = switch appointment.createdFrom {
        case .backofficeApp: "backoffice"
        case .partnerBookingApp: "booking"
        case .plugin: "plugin"
        case .other: "other"
        case .unknown(let raw): raw.lowercased()
        }
        return UntrustedText.sanitize("\(who)·\(from)")
    }
}
