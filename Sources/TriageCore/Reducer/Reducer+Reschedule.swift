import EngageContract

/// The `t` form: another time for the selected request. Typed in the user's time zone, checked
/// as typed, reviewed in one question (`y` sends), abandoned with Esc (which asks when
/// something was typed).
extension Reducer {
    /// `t`: opens the form on the selected request's own date, start and length.
    static func openReschedule(_ state: inout AppState) {
        guard let appointment = writable(&state, .reschedule) else { return }
        let form = state.rescheduleDrafts[appointment.id]
            ?? RescheduleForm(appointment: appointment, timeZone: state.options.timeZone, now: state.clock.now())
        state.modes.push(.reschedule(form))
    }

    static func formKey(_ state: inout AppState, _ form: RescheduleForm, command: Command?, key: Key) -> [Effect] {
        var form = form
        switch command {
        case .nextField: form.focusNext()
        case .previousField: form.focusPrevious()
        case .deletePromptCharacter: form.deleteBackward()
        case .clearField: form.clearField()
        case .redraw: return [.redraw]
        case .abandonForm:
            if form.isEdited { state.modes.push(.confirmDiscard) } else { state.modes.pop() }
            return []
        case .reviewForm:
            switch form.request(timeZone: state.options.timeZone, now: state.clock.now()) {
            case .success(let request):
                guard let appointment = state.store.appointment(id: form.appointmentID) else {
                    state.modes.pop()
                    return []
                }
                if appointment.start == request.start, appointment.end == request.end {
                    show(&state, Banner(.info, "That is the time it has already: change the date, the start or the minutes."))
                    return []
                }
                state.rescheduleDrafts[form.appointmentID] = form
                state.modes.replaceCurrent(.reschedule(form))
                return ask(&state, .reschedule(request), of: form.appointmentID)
            case .failure(let failure):
                form.focus(failure.field)
                show(&state, Banner(.info, "Not sent: \(failure.field.label.lowercased()): \(failure.message)."))
            }
        default:
            if case .character(let character) = key { form.type(character) }
        }
        state.modes.replaceCurrent(.reschedule(form))
        return []
    }

    /// The answer to "Throw away what you typed?": `y` closes the form too (and forgets it).
    static func discardKey(_ state: inout AppState, command: Command?) {
        state.modes.pop()
        guard command == .confirmAccept else { return }
        if case .reschedule(let form) = state.modes.current { state.rescheduleDrafts[form.appointmentID] = nil }
        state.modes.pop()
    }
}
