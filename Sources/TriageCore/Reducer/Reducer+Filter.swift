import EngageContract

/// The `/` filter and the sort keys: both change which rows the view shows and in what order,
/// never which request is selected (the cursor follows its request; when the filter hides it,
/// the next request in the order that still shows takes the selection).
extension Reducer {
    /// The longest filter text (a paste gone wrong is cut there).
    static let filterLimit = 80

    /// `/`: opens the filter line with the filter in force.
    static func openFilter(_ state: inout AppState) {
        if state.search == nil { state.search = SearchIndex(state.store, names: state.names) }
        if !state.view.isFiltered { state.selectionBeforeFilter = state.selectedID }
        state.modes.push(.filter)
    }

    /// Esc: the filter goes, and the selection goes back to the request it was on before the
    /// filter moved it (Esc is "never mind"; Enter keeps where the filter led).
    static func clearFilter(_ state: inout AppState) {
        setFilter(&state, "")
        guard let id = state.selectionBeforeFilter, let slot = state.store.slot(of: id),
              let index = state.view.index(ofSlot: slot, in: state.store) else { return }
        state.selectionBeforeFilter = nil
        select(&state, index: index)
    }

    /// A key in the filter line: typing filters as it goes, Enter keeps the filter, Esc clears it.
    static func filterKey(_ state: inout AppState, command: Command?, key: Key) {
        switch command {
        case .keepFilter:
            state.modes.pop()
            if state.filterText.isEmpty { state.selectionBeforeFilter = nil }
        case .clearFilter:
            state.modes.pop()
            clearFilter(&state)
        default:
            if let edited = editedLine(state.filterText, command: command, key: key, limit: filterLimit) { setFilter(&state, edited) }
        }
    }

    /// Filters the list by `text` ("" shows everything).
    static func setFilter(_ state: inout AppState, _ text: String) {
        let previous = state.filterQuery?.needle
        state.filterText = text
        let needle = FoldedText.fold(PlainText.trimmed(text))
        guard !needle.isEmpty else {
            keepingSelection(&state) { state in
                state.filterQuery = nil
                state.view.clearFilter()
            }
            return
        }
        filter(&state, by: needle, narrowing: previous.map { FoldedText.contains(needle, $0) } ?? false)
    }

    /// Filters again with the filter in force (names arrived: a row may match by name now).
    static func refilter(_ state: inout AppState) {
        guard let needle = state.filterQuery?.needle else { return }
        filter(&state, by: needle, narrowing: false)
    }

    /// Shows the rows that have `needle` (folded); `narrowing`: only those shown may.
    private static func filter(_ state: inout AppState, by needle: String, narrowing: Bool) {
        guard let search = state.search else { return }
        keepingSelection(&state) { state in
            let query = search.query(needle)
            state.filterQuery = query
            let hits = search.hits(in: state.store, query)
            state.view.filter(narrowing: narrowing) { $0 < hits.count && hits[$0] }
        }
    }

    /// `s` / `S`: the next sort key, or the same key reversed.
    static func sort(_ state: inout AppState, by order: SortOrder) {
        // The title says the order: no banner for it.
        keepingSelection(&state) { state in
            state.view.sort(state.store, by: order, names: state.names)
        }
    }

    /// Runs `change` on the view and keeps the selection on its request, at its screen row (or
    /// where it is when that is on the first page, so the list shows from its top); when the
    /// request no longer shows, the first one after it in the order (else the last) is selected.
    private static func keepingSelection(_ state: inout AppState, _ change: (inout AppState) -> Void) {
        let selectedSlot = state.selectedID.flatMap(state.store.slot(of:))
        let orderBefore = state.view.order
        state.selectionIsTheUsers = true
        change(&state)
        guard !state.view.isEmpty else { return }
        guard let selectedSlot else {
            state.selectedID = state.row(at: 0).id
            return
        }
        if let index = state.view.index(ofSlot: selectedSlot, in: state.store) {
            // Where the request is on the first page, the list shows from its top.
            if index < state.layout.listRows { state.cursorRow = index }
            return
        }
        // Under the same order (only the filter changed): the first shown row after the selection.
        let after = state.view.order == orderBefore ? state.view.place(ofSlot: selectedSlot, in: state.store) : 0
        state.selectedID = state.row(at: min(after, state.view.count - 1)).id
        state.detailScroll = 0
    }
}
