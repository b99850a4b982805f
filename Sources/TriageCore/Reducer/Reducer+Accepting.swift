import EngageContract

/// Accepting: the question, the effect, and the answer shown everywhere the request is.
extension Reducer {
    static func requestAccept(_ state: inout AppState) -> [Effect] {
        guard let appointment = state.selected else { return [] }
        if state.options.readOnly {
            show(&state, Banner(.info, "Read-only: accepting is disabled (started with --read-only)."))
            return []
        }
        guard !state.store.state(of: appointment.id).acceptInFlight else { return [] }
        guard appointment.status == .incomingRequest else {
            // Nothing to accept: say what it is (and since when) instead of asking the server.
            let time = TimeDisplay(timeZone: state.options.timeZone)
            let reload = state.keymap.firstKey(for: .reload).map { " Press \($0) to reload." } ?? ""
            show(&state, Banner(.info, UntrustedText.sanitize(
                "\(appointment.id) is \(appointment.status) (as of \(time.dateTime(appointment.updatedAt))): nothing to accept.\(reload)")))
            return []
        }
        if state.options.confirmBeforeAccept {
            state.modes.push(.confirm(id: appointment.id))
            return []
        }
        return send(&state, appointment.id)
    }

    static func send(_ state: inout AppState, _ id: String) -> [Effect] {
        state.store.updateState(of: id) {
            $0.acceptInFlight = true
            $0.lastError = nil
        }
        if state.banner?.kind != .error { state.banner = nil }
        return [.accept(id: id)]
    }

    /// "1001 · Amélie Dubois: " before the reason an accept failed.
    private static func failedRequest(_ id: String, _ state: AppState) -> String {
        guard let appointment = state.store.appointment(id: id) else { return "" }
        return RequestSummary.short(appointment, names: state.names) + ": "
    }

    static func finishAccept(_ state: inout AppState, id: String, outcome: AcceptOutcome) {
        let time = TimeDisplay(timeZone: state.options.timeZone)
        if let current = outcome.current { replace(&state, with: current) }
        let banner: Banner = switch outcome {
        case .accepted(let response):
            BannerText.accepted(response.value, correlationId: response.correlationId, names: state.names, time: time)
        case .unknown(_, .success(let current)) where current.value.status == .accepted:
            BannerText.accepted(current.value, correlationId: current.correlationId, names: state.names, time: time)
        case .notSent(let error), .rejected(let error, _), .unknown(let error, _):
            BannerText.failure(failedRequest(id, state) + outcome.message, error, next: BannerText.nextStep(
                after: outcome, acceptKey: state.keymap.firstKey(for: .accept), reloadKey: state.keymap.firstKey(for: .reload)))
        }
        state.store.updateState(of: id) {
            $0.acceptInFlight = false
            $0.lastError = banner.kind == .error ? banner : nil
        }
        if !finishBulkAccept(&state, id: id, outcome: outcome, banner: banner) { show(&state, banner) }
        clampDetailScroll(&state)
    }
}
