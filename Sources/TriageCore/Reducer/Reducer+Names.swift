import EngageContract

/// Names: asked for as rows come on screen (those first), the rest in the background; the
/// answers replace the ids where they are drawn. Nothing waits for them.
extension Reducer {
    /// The requests for names that the state now calls for: every name on screen that is still
    /// missing, then background batches while there is room for them.
    static func requestNames(_ state: inout AppState) -> [Effect] {
        guard !state.isShuttingDown else { return [] }
        var keys: [NameKey] = []
        let layout = state.layout
        if let list = layout.list, !state.view.isEmpty {
            // Only the kinds the list has a column for at this width are on screen.
            let shown = Set(ListColumn.fitting(width: list.width, time: TimeDisplay(timeZone: state.options.timeZone))
                .compactMap(\.nameKind))
            let top = state.listTop
            for index in top..<min(state.view.count, top + layout.listRows) {
                keys += state.row(at: index).listNameKeys.filter { shown.contains($0.kind) }
            }
        }
        if layout.detail != nil, let selected = state.selected {
            keys += selected.detailNameKeys(language: state.nameLanguage)
        }
        if case .confirm(let id) = state.modes.current, let appointment = state.store.appointment(id: id) {
            keys += appointment.listNameKeys
        }
        let requests = state.names.visibleRequests(for: keys) + state.names.backgroundRequests(in: state.store)
        return requests.map { .resolveNames($0) }
    }

    /// Keeps what came back; a kind the tenant will not name is noted once, quietly, in the log.
    static func resolveNames(_ state: inout AppState, _ request: NameRequest,
                             _ result: Result<[String: Name], EngageError>) -> [Effect] {
        switch result {
        case .success(let names):
            state.names.resolve(request, with: names)
            return []
        case .failure(let error):
            guard let reason = state.names.fail(request, with: error) else { return [] }
            return [.log(NameBook.unavailableLine(request.kind, reason))]
        }
    }
}
