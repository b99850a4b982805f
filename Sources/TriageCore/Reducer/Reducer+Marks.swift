import EngageContract

/// Marks and the accept of every marked request: one question, then one ordinary accept per
/// request (the runner sends them within the request budget), a progress line that does not
/// block the screen, and a result list at the end. The failed ones stay marked for a retry.
extension Reducer {
    /// Space: marks or unmarks the selection; in the list it moves on to the next request.
    static func markSelected(_ state: inout AppState, movesOn: Bool) {
        guard let id = state.selectedID, let slot = state.store.slot(of: id) else { return }
        state.store.setMarked(!state.store.isMarked(slot: slot), slot: slot)
        if movesOn, let index = state.selectionIndex { select(&state, index: index + 1) }
    }

    /// `A`: asks once for every marked request that is still pending and not on its way.
    static func requestMarkedAccept(_ state: inout AppState) -> [Effect] {
        if state.options.readOnly {
            show(&state, Banner(.info, "Read-only: accepting is disabled (started with --read-only)."))
            return []
        }
        guard state.bulk == nil else {
            show(&state, Banner(.info, "An accept of marked requests is on its way: " + state.bulk!.progress + "."))
            return []
        }
        // In the order the list shows them (those the filter hides after them).
        let marked = state.store.markedSlots.map { ($0, state.view.place(ofSlot: $0, in: state.store)) }
            .sorted { $0.1 < $1.1 }.map { state.store[$0.0] }
        guard !marked.isEmpty else {
            let mark = state.keymap.firstKey(for: .mark) ?? "Space", all = state.keymap.firstKey(for: .markAll) ?? "*"
            show(&state, Banner(.info, "Nothing is marked: \(mark) marks the selected request, \(all) every one in the list."))
            return []
        }
        let ids = marked.filter { $0.status == .incomingRequest && !state.store.state(of: $0.id).isWriting }.map(\.id)
        guard !ids.isEmpty else {
            show(&state, Banner(.info, "None of the \(marked.count) marked requests is pending."))
            return []
        }
        if state.options.confirmBeforeAccept {
            state.modes.push(.confirmMarked(ids: ids))
            return []
        }
        return sendMarked(&state, ids)
    }

    /// The question: `Accept 7 requests: 1001 Amélie Dubois, 1008 Bakker, …? y/N`.
    static func markedQuestion(_ state: AppState, _ ids: [String]) -> String {
        let requests = ids.compactMap(state.store.appointment(id:)).map {
            RequestSummary.short($0, names: state.names, separator: " ")
        }
        let noun = ids.count == 1 ? "request" : "requests"
        return "Accept \(ids.count) \(noun): " + requests.joined(separator: ", ")
    }

    static func sendMarked(_ state: inout AppState, _ ids: [String]) -> [Effect] {
        state.bulk = BulkAccept(ids: ids)
        let effects = ids.flatMap { send(&state, .accept, to: $0) }
        show(&state, Banner(.info, state.bulk!.progress))
        return effects
    }

    /// Records the outcome of one of the bulk's accepts; at the last one, the result list opens.
    /// Returns false when `id` is not part of a bulk accept.
    static func finishBulkAccept(_ state: inout AppState, id: String, outcome: WriteOutcome, banner: Banner) -> Bool {
        guard var bulk = state.bulk, bulk.ids.contains(id), !bulk.results.contains(where: { $0.id == id }) else { return false }
        let result: BulkAccept.Result.Outcome = if banner.kind == .success {
            .accepted
        } else if outcome.error?.isStatusInvalid == true || outcome.current?.status == .accepted {
            .alreadyHandled
        } else {
            .failed
        }
        let request = state.store.appointment(id: id).map { RequestSummary.short($0, names: state.names) } ?? id
        bulk.results.append(BulkAccept.Result(id: id, request: request, outcome: result, reason: banner.text, detail: banner.detail))
        if result != .failed, let slot = state.store.slot(of: id) { state.store.setMarked(false, slot: slot) }
        guard bulk.isDone else {
            state.bulk = bulk
            state.banner = Banner(bulk.failedCount > 0 ? .error : .info, bulk.progress)
            return true
        }
        state.bulk = nil
        state.lastBulkResults = bulk.results
        show(&state, Banner(bulk.failedCount > 0 ? .error : .success, bulk.summary,
                            detail: bulk.failedCount > 0 ? "the failed ones stay marked" : nil))
        if [.list, .details].contains(state.modes.current.kind) { state.modes.push(.bulkResults(scroll: 0)) }
        return true
    }
}
