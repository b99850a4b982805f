import EngageContract

/// The one place where the app decides: `reduce(&state, action)` changes the state and returns the
/// effects to run. Pure: no I/O, so every behaviour is tested without a terminal or a network.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = apply(&state, action)
        if case .tick = action { return effects }
        return effects + requestNames(&state)
    }

    private static func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .start:
            return startLoad(&state)
        case .resized(let size):
            state.size = size
            clampDetailScroll(&state)
            return []
        case .tick:
            state.spinnerFrame &+= 1
            return []
        case .pageLoaded(let generation, let page):
            guard generation == state.generation else { return [] }
            mergePage(&state, page)
            return []
        case .loadFinished(let generation, let isComplete):
            guard generation == state.generation else { return [] }
            return finishLoad(&state, isComplete: isComplete)
        case .loadFailed(let generation, let error):
            guard generation == state.generation else { return [] }
            if state.isRefreshing { return failRefresh(&state, error) }
            state.load = .failed
            show(&state, BannerText.failure("Loading the pending requests failed: " + error.message, error,
                                            next: BannerText.nextStep(after: error, reloadKey: state.keymap.firstKey(for: .reload))))
            return scheduleRefresh(state)
        case .writeFinished(let id, let kind, let outcome):
            finishWrite(&state, id: id, kind: kind, outcome: outcome)
            return []
        case .appointmentFetched(let id, let result):
            finishJump(&state, id: id, result)
            return []
        case .namesResolved(let request, let result):
            return resolveNames(&state, request, result)
        case .refreshDue:
            return refreshDue(&state)
        case .colleaguesLoaded(let result):
            return colleaguesLoaded(&state, result)
        case .noteEdited(let id, let result):
            return noteEdited(&state, id: id, result)
        case .recheckFinished(let ids, let result):
            return finishRecheck(&state, ids: ids, result)
        case .shutdownStarted:
            state.isShuttingDown = true
            state.modes.popOverlays()
            return []
        case .key(let key):
            let effects = press(&state, key)
            return effects + runDeferredRefresh(&state)
        }
    }

    /// Shows `banner` and keeps it among the session's messages.
    static func show(_ state: inout AppState, _ banner: Banner) {
        state.banner = banner
        state.messages.append(SessionMessage(time: state.clock.now(), banner: banner))
        if state.messages.count > SessionMessage.limit { state.messages.removeFirst(state.messages.count - SessionMessage.limit) }
    }

    /// Selects the request at `index` of the view (clamped), keeping the selection's screen row
    /// where the list does not have to scroll.
    static func select(_ state: inout AppState, index: Int) {
        guard !state.view.isEmpty else { return }
        let target = min(max(0, index), state.view.count - 1)
        let current = state.selectionIndex
        guard target != current else { return }
        let rows = state.layout.listRows
        let top = state.listTop(selection: current)
        if target < top {
            state.cursorRow = 0
        } else if target >= top + rows {
            state.cursorRow = rows - 1
        } else {
            state.cursorRow = target - top
        }
        let id = state.row(at: target).id
        state.selectedID = id
        state.selectionIsTheUsers = true
        if state.store.state(of: id).isNew { state.store.updateState(of: id) { $0.isNew = false } }
        state.detailScroll = 0
        if state.banner?.kind == .success { state.banner = nil }
    }

    /// Keeps the detail pane's scroll within its content (the content model, not the drawing).
    static func clampDetailScroll(_ state: inout AppState) {
        guard let appointment = state.selected else {
            state.detailScroll = 0
            return
        }
        let total = DetailLines(appointment, tab: state.tab, state: state).lines.count
        state.detailScroll = min(state.detailScroll, max(0, total - state.layout.detailRows))
    }
}
