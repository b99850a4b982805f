import Foundation

/// The lines of the `t` form's pane: the request and its time now, the fields as typed (the
/// focused one marked), the new window or what is wrong with it, and the keys.
enum RescheduleFormContent {
    /// The lines, and which of them is the focused field's.
    static func lines(_ state: AppState, _ form: RescheduleForm) -> (lines: [String], focused: Int) {
        let time = TimeDisplay(timeZone: state.options.timeZone)
        let appointment = state.store.appointment(id: form.appointmentID)
        var lines = [
            appointment.map { " " + RequestSummary.short($0, names: state.names) } ?? " " + UntrustedText.sanitize(form.appointmentID),
            " Now       " + (appointment.map { time.window(start: $0.start, end: $0.end) } ?? "—"),
            " Time zone " + UntrustedText.sanitize(state.options.timeZone.identifier),
            "",
        ]
        var focused = lines.count
        for field in RescheduleForm.Field.allCases {
            if field == form.focus { focused = lines.count }
            let value = UntrustedText.sanitize(form.value(field)) + (field == form.focus ? "_" : "")
            lines.append(" " + DisplayWidth.fit(field.label, to: 9) + " " + value)
        }
        lines.append("")
        switch form.request(timeZone: state.options.timeZone, now: state.clock.now()) {
        case .success(let request):
            lines.append(" New       " + time.window(start: request.start, end: request.end))
        case .failure(let failure):
            lines.append(" ! \(failure.field.label): \(failure.message)")
        }
        let keys = state.keymap
        func key(_ command: Command) -> String { keys.firstKey(for: command) ?? "?" }
        lines += ["", " \(key(.nextField)) next field · \(key(.reviewForm)) review, then y sends · \(key(.abandonForm)) abandon"]
        return (lines, focused)
    }
}
