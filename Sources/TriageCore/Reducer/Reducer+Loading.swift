import EngageContract

/// Loading: pages merge into the store by id; at the end of a load the rows it did not see leave.
extension Reducer {
    static func startLoad(_ state: inout AppState) -> [Effect] {
        state.generation += 1
        state.isRefreshing = false
        state.refreshDeferred = false
        state.load = .loading(loaded: 0, total: nil)
        state.rowsSeenByLoad = 0
        state.names.restartScan()
        return [.loadAppointments(generation: state.generation)]
    }

    /// Merges a page by id (the newer `updatedAt` wins); the selection stays on its request.
    static func mergePage(_ state: inout AppState, _ page: AppointmentPage) {
        state.store.reserve(page.meta.totalCount)
        var inserted: [Int] = []
        for (index, appointment) in page.appointments.enumerated() {
            let isNew = state.isRefreshing && state.store.slot(of: appointment.id) == nil
            let slot = upsert(&state, appointment, rank: page.meta.offset + index, collecting: &inserted)
            if state.store.markSeen(slot: slot, byLoad: state.generation) { state.rowsSeenByLoad += 1 }
            if isNew { state.store.updateState(of: appointment.id) { $0.isNew = true } }
        }
        insertIntoView(&state, inserted)
        if !state.selectionIsTheUsers || state.selectedID == nil || state.selectionIndex == nil, !state.view.isEmpty {
            state.selectedID = state.row(at: 0).id
            if !state.selectionIsTheUsers { state.cursorRow = 0 }
        }
        // A refresh goes unseen: the title keeps saying how old the list is until it ends.
        if !state.isRefreshing { state.load = .loading(loaded: state.rowsSeenByLoad, total: page.meta.totalCount) }
    }

    /// Puts one appointment into the store and takes its row out of the view when its place may
    /// change; the slots to (re)insert into the view are collected.
    @discardableResult
    static func upsert(_ state: inout AppState, _ appointment: Appointment, rank: Int, authoritative: Bool = false,
                       collecting inserted: inout [Int]) -> Int {
        if let slot = state.store.replaces(appointment, authoritative: authoritative) {
            state.view.remove(slot: slot, in: state.store)
        }
        switch state.store.merge(appointment, rank: rank, authoritative: authoritative) {
        case .inserted(let slot), .updated(let slot):
            state.search?.set(slot: slot, appointment, names: state.names)
            inserted.append(slot)
            return slot
        case .unchanged(let slot):
            return slot
        }
    }

    /// Puts rows new to the view (or changed) in their places; under a filter, those it lets through.
    static func insertIntoView(_ state: inout AppState, _ slots: [Int]) {
        guard !slots.isEmpty else { return }
        let keep = filterTest(state)
        state.view.insert(slots, in: state.store, names: state.names, keep: keep)
    }

    /// Whether a row passes the filter in force (every row does without one), holding its own
    /// copies of what it reads, so the view can change while it is asked.
    static func filterTest(_ state: AppState) -> (Int) -> Bool {
        guard let query = state.filterQuery, let search = state.search else { return { _ in true } }
        let store = state.store
        return { search.matches(slot: $0, in: store, query) }
    }

    /// Replaces one request with what the server says of it now (an accept's answer, a re-read).
    /// A request the store does not have is added with `rankIfNew` (a jump to one not in the
    /// list), or left out when there is none.
    static func replace(_ state: inout AppState, with appointment: Appointment, rankIfNew: Int? = nil) {
        guard let rank = state.store.slot(of: appointment.id).map(state.store.rank(ofSlot:)) ?? rankIfNew else { return }
        var inserted: [Int] = []
        upsert(&state, appointment, rank: rank, authoritative: true, collecting: &inserted)
        insertIntoView(&state, inserted)
    }

    /// Rows the load did not see are no longer pending: they leave, except those with an accept on
    /// its way.
    static func finishLoad(_ state: inout AppState, isComplete: Bool) -> [Effect] {
        if state.isRefreshing { return finishRefresh(&state, isComplete: isComplete) }
        state.load = .done
        state.lastUpdated = state.clock.now()
        if !isComplete {
            show(&state, Banner(
                .info, "Some requests may be missing: the list changed faster than it could be read. Press r to reload."))
        }
        let (generation, inFlight) = (state.generation, Set(state.store.writesInFlight.map(\.id)))
        let kept = (0..<state.store.count).map { slot in
            state.store.wasSeen(slot: slot, byLoad: generation) || inFlight.contains(state.store.id(ofSlot: slot))
        }
        removeRows(&state, keeping: kept)
        return scheduleRefresh(state)
    }

    /// Removes the rows `kept` says no to (by slot); a selected row that leaves hands the
    /// selection to its neighbour.
    static func removeRows(_ state: inout AppState, keeping kept: [Bool]) {
        guard kept.contains(false) else { return }
        let neighbour = state.selectionIndex.flatMap { index -> String? in
            let after = state.view.slots[index...].first { kept[$0] }
            let before = state.view.slots[..<index].last { kept[$0] }
            return (after ?? before).map { state.store[$0].id }
        }
        // No copy of the store is taken here: it would be copied whole on the removal.
        let mapping = state.store.removeAll { slot, _ in kept[slot] }
        state.names.scanPosition = mapping[..<min(state.names.scanPosition, mapping.count)].count { $0 != nil }
        state.view.remap(mapping)
        state.search?.remap(mapping)
        if state.selected == nil { state.selectedID = neighbour ?? (state.view.isEmpty ? nil : state.row(at: 0).id) }
        clampDetailScroll(&state)
    }
}
