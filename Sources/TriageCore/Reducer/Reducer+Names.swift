import EngageContract

/// Names: asked for as rows come on screen (those first), the rest in the background; the
/// answers replace the ids where they are drawn. Nothing waits for them.
extension Reducer {
    /// The requests for names that the state now calls for: every name on screen that is still
    /// missing, then background batches while there is room for them; the requests for names
    /// that left the screen before their turn are cancelled.
    static func requestNames(_ state: inout AppState) -> [Effect] {
        guard !state.isShuttingDown else { return [] }
        let keys = state.visibleNameKeys
        let stale = state.names.staleVisibleRequests(onScreen: Set(keys)).map { Effect.cancel(.names($0)) }
        let requests = state.names.visibleRequests(for: keys) + state.names.backgroundRequests(in: state.store)
        return stale + requests.map { .resolveNames($0) }
    }

    /// Keeps what came back; a kind the tenant will not name is noted once, quietly, in the log.
    static func resolveNames(_ state: inout AppState, _ request: NameRequest,
                             _ result: Result<[String: Name], EngageError>) -> [Effect] {
        switch result {
        case .success(let names):
            state.names.resolve(request, with: names)
            guard request.language == nil else { return [] }
            let renamed = state.search?.rename(request.kind, ids: request.ids, names: state.names) ?? []
            let keep = filterTest(state)
            state.view.namesArrived(request.kind, ids: request.ids, in: state.store, names: state.names, keep: keep)
            // Filtered again only when a name that came changes what the filter lets through.
            if let query = state.filterQuery, state.search?.changesAnswers(of: query, values: renamed) == true {
                refilter(&state)
            }
            return []
        case .failure(let error):
            guard let reason = state.names.fail(request, with: error) else { return [] }
            return [.log(NameBook.unavailableLine(request.kind, reason))]
        }
    }
}

extension AppState {
    /// The names the screen shows now: those of the list's name columns at this width for the
    /// rows in view, everything the details name when they are in view, and the request a
    /// confirmation asks about.
    public var visibleNameKeys: [NameKey] {
        var keys: [NameKey] = []
        let layout = layout
        if let list = layout.list, !view.isEmpty {
            let shown = Set(ListColumn.fitting(width: list.width, for: self).compactMap(\.nameKind))
            let top = listTop
            for index in top..<min(view.count, top + layout.listRows) {
                keys += row(at: index).listNameKeys.filter { shown.contains($0.kind) }
            }
        }
        if layout.detail != nil, let selected { keys += selected.detailNameKeys(language: nameLanguage) }
        if case .confirm(let id, _) = modes.current, let appointment = store.appointment(id: id) {
            keys += appointment.listNameKeys
        }
        if case .reassign(let picker) = modes.current, let colleagues {
            keys += Set(picker.shown(colleagues, names: names).flatMap { $0.officeRelations ?? [] }.map(\.officeId)).sorted()
                .map { NameKey(.office, $0) }
        }
        return keys
    }
}
