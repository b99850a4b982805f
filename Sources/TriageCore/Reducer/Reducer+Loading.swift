import EngageContract

/// Loading: pages merge into the store by id; at the end of a load the rows it did not see leave.
extension Reducer {
    static func startLoad(_ state: inout AppState) -> [Effect] {
        state.generation += 1
        state.load = .loading(loaded: 0, total: nil)
        state.seenByLoad = []
        return [.loadAppointments(generation: state.generation)]
    }

    /// Merges a page by id (the newer `updatedAt` wins); the selection stays on its request.
    static func mergePage(_ state: inout AppState, _ page: AppointmentPage) {
        state.store.reserve(page.meta.totalCount)
        var inserted: [Int] = []
        for (index, appointment) in page.appointments.enumerated() {
            state.seenByLoad.insert(appointment.id)
            upsert(&state, appointment, rank: page.meta.offset + index, collecting: &inserted)
        }
        state.view.insert(inserted, in: state.store)
        if state.selectedID == nil || state.selectionIndex == nil, !state.view.isEmpty {
            state.selectedID = state.row(at: 0).id
        }
        state.load = .loading(loaded: state.seenByLoad.count, total: page.meta.totalCount)
    }

    /// Puts one appointment into the store and takes its row out of the view when its place may
    /// change; the slots to (re)insert into the view are collected.
    static func upsert(_ state: inout AppState, _ appointment: Appointment, rank: Int, authoritative: Bool = false,
                       collecting inserted: inout [Int]) {
        if let slot = state.store.slot(of: appointment.id), state.store[slot] != appointment,
           authoritative || appointment.updatedAt >= state.store[slot].updatedAt {
            state.view.remove(slot: slot, in: state.store)
        }
        switch state.store.merge(appointment, rank: rank, authoritative: authoritative) {
        case .inserted(let slot), .updated(let slot): inserted.append(slot)
        case .unchanged: break
        }
    }

    /// Replaces one request with what the server says of it now (an accept's answer, a re-read).
    static func replace(_ state: inout AppState, with appointment: Appointment) {
        guard let slot = state.store.slot(of: appointment.id) else { return }
        var inserted: [Int] = []
        upsert(&state, appointment, rank: state.store.rank(ofSlot: slot), authoritative: true, collecting: &inserted)
        state.view.insert(inserted, in: state.store)
    }

    /// Rows the load did not see are no longer pending: they leave, except those with an accept on
    /// its way. A selected row that leaves hands the selection to its neighbour.
    static func finishLoad(_ state: inout AppState, isComplete: Bool) {
        state.load = .done
        if !isComplete {
            state.banner = Banner(
                .info, "Some requests may be missing: the list changed faster than it could be read. Press r to reload.")
        }
        let seen = state.seenByLoad
        state.seenByLoad = []
        let store = state.store
        guard (0..<store.count).contains(where: { !seen.contains(store[$0].id) }) else { return }
        let survives: (Appointment) -> Bool = { seen.contains($0.id) || store.state(of: $0.id).acceptInFlight }
        let view = state.view
        let neighbour = state.selectionIndex.flatMap { index -> String? in
            let after = view.slots[index...].first { survives(store[$0]) }
            let before = view.slots[..<index].last { survives(store[$0]) }
            return (after ?? before).map { store[$0].id }
        }
        let mapping = state.store.removeAll(keeping: survives)
        state.view.remap(mapping)
        if state.selected == nil { state.selectedID = neighbour ?? (state.view.isEmpty ? nil : state.row(at: 0).id) }
        clampDetailScroll(&state)
    }
}
