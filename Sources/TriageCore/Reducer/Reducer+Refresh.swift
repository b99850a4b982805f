import EngageContract

/// The background refresh (`R`/F5, and every `refreshSeconds`): the pending requests are read
/// again one page at a time while the user goes on. New requests come in marked `new`; those
/// the refresh no longer sees pending are re-read to say what became of them
/// (`ACCEPTED · elsewhere`) and leave at the next refresh. The cursor stays on its request at its
/// screen row, and nothing is dropped that is selected or has an accept on its way.
extension Reducer {
    /// The next refresh, when refreshes are on.
    static func scheduleRefresh(_ state: AppState) -> [Effect] {
        state.options.refreshSeconds > 0 && !state.isShuttingDown ? [.scheduleRefresh(seconds: state.options.refreshSeconds)] : []
    }

    /// `R`: refreshes now, unless a load or a refresh is on its way.
    static func requestRefresh(_ state: inout AppState) -> [Effect] {
        if case .loading = state.load {
            show(&state, Banner(.info, "The list is being loaded: it is read whole already."))
            return []
        }
        guard !state.isRefreshing else {
            show(&state, Banner(.info, "A refresh is on its way."))
            return []
        }
        let effects = startRefresh(&state)
        state.refreshIsManual = true
        return effects
    }

    /// The timer: refreshes, or waits for the question or the line on screen to close.
    static func refreshDue(_ state: inout AppState) -> [Effect] {
        guard !state.isShuttingDown, !state.isRefreshing else { return [] }
        if case .loading = state.load { return [] }
        guard [.list, .details, .help, .messages].contains(state.modes.current.kind) else {
            state.refreshDeferred = true
            return []
        }
        return startRefresh(&state)
    }

    /// A refresh that fell due while a question was open runs when the user is back in the list.
    static func runDeferredRefresh(_ state: inout AppState) -> [Effect] {
        guard state.refreshDeferred, [.list, .details].contains(state.modes.current.kind) else { return [] }
        state.refreshDeferred = false
        return refreshDue(&state)
    }

    /// A refresh, or a whole load again while the list was never read whole (the first load
    /// failed): what a refresh would call new is simply the list.
    private static func startRefresh(_ state: inout AppState) -> [Effect] {
        guard state.lastUpdated != nil else { return startLoad(&state) }
        state.generation += 1
        state.refreshIsManual = false
        state.isRefreshing = true
        state.refreshDeferred = false
        state.rowsSeenByLoad = 0
        return [.refreshAppointments(generation: state.generation)]
    }

    /// The refresh read every page: rows it did not see that were already handled (here, or found
    /// handled elsewhere by the refresh before) leave; those still pending here were handled
    /// elsewhere and are re-read to say how. A refresh that could not read a consistent list
    /// concludes nothing about what it missed.
    static func finishRefresh(_ state: inout AppState, isComplete: Bool) -> [Effect] {
        state.isRefreshing = false
        state.refreshFailures = 0
        state.lastUpdated = state.clock.now()
        let generation = state.generation
        var kept = [Bool](repeating: true, count: state.store.count)
        var recheck: [String] = []
        for slot in 0..<state.store.count where !state.store.wasSeen(slot: slot, byLoad: generation) {
            let id = state.store.id(ofSlot: slot)
            let row = state.store.state(of: id)
            guard isComplete, !row.isWriting else { continue }
            if row.handledElsewhere || state.store[slot].status != .incomingRequest {
                kept[slot] = id == state.selectedID
            } else {
                state.store.updateState(of: id) { $0.handledElsewhere = true }
                recheck.append(id)
            }
        }
        removeRows(&state, keeping: kept)
        return (recheck.isEmpty ? [] : [.recheck(ids: recheck)]) + scheduleRefresh(state)
    }

    /// A refresh that failed: the list stays as it was read last, and the next one is scheduled.
    /// The first failure in a row (or one of `R`) says so in a banner; the next ones go to the
    /// log, and the title says the refreshes are failing.
    static func failRefresh(_ state: inout AppState, _ error: EngageError) -> [Effect] {
        state.isRefreshing = false
        state.refreshFailures += 1
        let since = state.lastUpdated.map { " (the list is as of \(TimeDisplay(timeZone: state.options.timeZone).time($0)))" } ?? ""
        let text = "Refreshing failed: " + error.message + since
        var effects = scheduleRefresh(state)
        if state.refreshIsManual || state.refreshFailures == 1 {
            show(&state, BannerText.failure(text, error,
                                            next: BannerText.nextStep(after: error, reloadKey: state.keymap.firstKey(for: .refresh))))
        } else {
            effects.append(.log(text + (error.correlationId.map { " · correlation \($0)" } ?? "")))
        }
        state.refreshIsManual = false
        return effects
    }

    /// What the server says now of the requests the refresh no longer saw pending: their new
    /// status replaces the old; one it does not return no longer exists; one still pending is
    /// not handled after all.
    static func finishRecheck(_ state: inout AppState, ids: [String], _ result: Result<[Appointment], EngageError>) -> [Effect] {
        switch result {
        case .success(let appointments):
            for appointment in appointments where ids.contains(appointment.id) {
                if appointment.status == .incomingRequest {
                    state.store.updateState(of: appointment.id) { $0.handledElsewhere = false }
                }
                replace(&state, with: appointment)
            }
            return []
        case .failure(let error):
            return [.log("Re-reading the \(ids.count) requests no longer pending failed: \(error.message)"
                + (error.correlationId.map { " (correlation id \($0))" } ?? ""))]
        }
    }
}
