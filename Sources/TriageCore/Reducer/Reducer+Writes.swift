import EngageContract

/// Writes (accept, reschedule, reassign, the note): the question, the effect, and the answer
/// shown everywhere the request is.
extension Reducer {
    /// `a`: asks before accepting the selected request (or sends, where confirmation is off).
    static func requestAccept(_ state: inout AppState) -> [Effect] {
        guard let appointment = writable(&state, .accept) else { return [] }
        guard appointment.status == .incomingRequest else {
            // Nothing to accept: say what it is (and since when) instead of asking the server.
            let time = TimeDisplay(timeZone: state.options.timeZone)
            let reload = state.keymap.firstKey(for: .reload).map { " Press \($0) to reload." } ?? ""
            show(&state, Banner(.info, UntrustedText.sanitize(
                "\(appointment.id) is \(appointment.status) (as of \(time.dateTime(appointment.updatedAt))): nothing to accept.\(reload)")))
            return []
        }
        return ask(&state, .accept, of: appointment.id, confirming: state.options.confirmBeforeAccept)
    }

    /// The selected request, when a write of `kind` may start on it: not in a read-only session,
    /// and no other write on its way to it. Says why not otherwise.
    static func writable(_ state: inout AppState, _ kind: AppointmentWrite.Kind) -> Appointment? {
        guard let appointment = state.selected else { return nil }
        if state.options.readOnly {
            show(&state, Banner(.info, "Read-only: \(kind.gerund) is disabled (started with --read-only)."))
            return nil
        }
        if let busy = state.store.state(of: appointment.id).writeInFlight {
            if busy != kind || kind != .accept {
                show(&state, Banner(.info, RequestSummary.short(appointment, names: state.names)
                    + ": \(busy.noun) is still on its way; wait for its answer."))
            }
            return nil
        }
        return appointment
    }

    /// Opens the one confirmation of `write` (`y` sends it), or sends it at once.
    static func ask(_ state: inout AppState, _ write: AppointmentWrite, of id: String, confirming: Bool = true) -> [Effect] {
        guard confirming else { return send(&state, write, to: id) }
        state.modes.push(.confirm(id: id, write: write))
        return []
    }

    /// Sends `write`: the row spins and no other write to it leaves until the answer is in.
    static func send(_ state: inout AppState, _ write: AppointmentWrite, to id: String) -> [Effect] {
        state.store.updateState(of: id) {
            $0.writeInFlight = write.kind
            $0.lastError = nil
        }
        if state.banner?.kind != .error { state.banner = nil }
        return [.write(id: id, write)]
    }

    /// The confirmation's question: `Accept 1001 · Fri 2026-12-18 17:00 · Mortgage advice · Amélie Dubois?`;
    /// for the other writes what changes comes first, so a narrow screen still shows it.
    static func question(_ state: AppState, _ write: AppointmentWrite, _ appointment: Appointment) -> String {
        let time = TimeDisplay(timeZone: state.options.timeZone)
        let summary = RequestSummary.line(appointment, names: state.names, time: time)
        switch write {
        case .accept:
            return "Accept \(summary)?"
        case .reschedule(let request):
            return "Reschedule to \(time.window(start: request.start, end: request.end)): \(summary)?"
        case .reassign(let request):
            let colleague = request.primaryEmployeeId.map { RequestSummary.named(.employee, $0, state.names) } ?? "its office"
            let office = request.officeId.map { " (\(RequestSummary.named(.office, $0, state.names)))" } ?? ""
            return "Hand to \(colleague)\(office): \(summary)?"
        case .internalNotes(let update):
            return ((update.internalNotes ?? "").isEmpty ? "Clear the note: " : "Save the note: ") + summary + "?"
        }
    }

    /// "1001 · Amélie Dubois: " before the reason a write failed.
    private static func failedRequest(_ id: String, _ state: AppState) -> String {
        guard let appointment = state.store.appointment(id: id) else { return "" }
        return RequestSummary.short(appointment, names: state.names) + ": "
    }

    /// Why a write was not done; for one whose answer was lost, what the re-read shows of what
    /// it was to change (its status says nothing of a time, a colleague or a note).
    private static func failureText(_ outcome: WriteOutcome, _ kind: AppointmentWrite.Kind, _ state: AppState) -> String {
        guard kind != .accept, case .unknown(let error, .success(let current)) = outcome else { return outcome.message(for: kind) }
        let shown: String = switch kind {
        case .reschedule:
            "it is at " + (current.value.start.map(TimeDisplay(timeZone: state.options.timeZone).dateTime) ?? "no time")
        case .reassign:
            "it is held by " + (current.value.primaryEmployee.map { RequestSummary.named(.employee, $0.participant.id, state.names) } ?? "nobody")
        case .accept, .note:
            "its note is not the one sent"
        }
        return PlainText.capitalizingFirst(kind.noun)
            + " may not have gone through (\(error.message)) The server shows it without the change: \(shown)."
    }

    static func finishWrite(_ state: inout AppState, id: String, kind: AppointmentWrite.Kind, outcome: WriteOutcome) {
        let time = TimeDisplay(timeZone: state.options.timeZone)
        if let current = outcome.current { replace(&state, with: current) }
        let banner: Banner
        if let done = outcome.doneResponse {
            if kind == .reschedule { state.rescheduleDrafts[id] = nil }
            banner = BannerText.done(kind, done.value, correlationId: done.correlationId, names: state.names, time: time)
        } else {
            let error = outcome.error ?? EngageError(kind: .unexpectedAnswer)
            banner = BannerText.failure(failedRequest(id, state) + failureText(outcome, kind, state), error, next: BannerText.nextStep(
                after: outcome, retryKey: state.keymap.firstKey(for: kind.command), reloadKey: state.keymap.firstKey(for: .reload)))
        }
        state.store.updateState(of: id) {
            $0.writeInFlight = nil
            $0.lastError = banner.kind == .error ? banner : nil
        }
        if kind != .accept || !finishBulkAccept(&state, id: id, outcome: outcome, banner: banner) { show(&state, banner) }
        clampDetailScroll(&state)
    }
}

extension AppointmentWrite.Kind {
    /// The command that starts a write of this kind (its key is the "try again" hint).
    var command: Command {
        switch self {
        case .accept: .accept
        case .reschedule: .reschedule
        case .note: .editNote
        case .reassign: .reassign
        }
    }

    /// "accepting", "rescheduling", …: what read-only disables.
    var gerund: String {
        switch self {
        case .accept: "accepting"
        case .reschedule: "rescheduling"
        case .reassign: "reassigning"
        case .note: "editing notes"
        }
    }
}
