import EngageAPI

/// The one place where the app decides: `reduce(&state, action)` changes the state and returns the
/// effects to run. Pure: no I/O, so every behaviour is tested without a terminal or a network.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .start:
            return startLoad(&state)
        case .resized(let size):
            state.size = size
            keepSelectionVisible(&state)
            clampDetailScroll(&state)
            return []
        case .tick:
            state.spinnerFrame &+= 1
            return []
        case .pageLoaded(let generation, let page):
            guard generation == state.generation else { return [] }
            mergePage(&state, page)
            return []
        case .loadFinished(let generation):
            guard generation == state.generation else { return [] }
            state.load = .done
            return []
        case .loadFailed(let generation, let error):
            guard generation == state.generation else { return [] }
            state.load = .failed
            state.banner = BannerText.failure("Loading the pending requests failed: " + error.message, error)
            return []
        case .acceptFinished(let id, let outcome):
            finishAccept(&state, id: id, outcome: outcome)
            return state.quitsWhenIdle && state.acceptsInFlight.isEmpty ? [.quit] : []
        case .key(let key):
            return press(&state, key)
        }
    }

    // MARK: Loading

    private static func startLoad(_ state: inout AppState) -> [Effect] {
        state.generation += 1
        state.load = .loading(loaded: 0, total: nil)
        state.replacesListOnNextPage = !state.list.isEmpty
        return [.loadAppointments(generation: state.generation)]
    }

    private static func mergePage(_ state: inout AppState, _ page: AppointmentPage) {
        let selectedID = state.selected?.id
        if state.replacesListOnNextPage {
            state.list = AppointmentList()
            state.replacesListOnNextPage = false
        }
        let hadRows = !state.list.isEmpty
        let (row, added) = state.list.merge(
            page.appointments, offset: page.meta.offset, expectedTotal: page.meta.totalCount)
        if let selectedID, let index = state.list.index(of: selectedID) {
            state.selection = index
        } else if hadRows, row <= state.selection {
            state.selection += added
        }
        state.selection = min(state.selection, max(0, state.list.count - 1))
        state.load = .loading(loaded: state.list.count, total: page.meta.totalCount)
        keepSelectionVisible(&state)
    }

    // MARK: Accepting

    private static func requestAccept(_ state: inout AppState) -> [Effect] {
        guard let appointment = state.selected else { return [] }
        if state.options.readOnly {
            state.banner = Banner(.info, "Read-only: accepting is disabled (started with --read-only).")
            return []
        }
        guard !state.acceptsInFlight.contains(appointment.id) else { return [] }
        if state.options.confirmBeforeAccept {
            state.confirming = appointment.id
            return []
        }
        return send(&state, appointment.id)
    }

    private static func send(_ state: inout AppState, _ id: String) -> [Effect] {
        state.acceptsInFlight.insert(id)
        if state.banner?.kind != .error { state.banner = nil }
        return [.accept(id: id)]
    }

    private static func finishAccept(_ state: inout AppState, id: String, outcome: AcceptOutcome) {
        state.acceptsInFlight.remove(id)
        let time = TimeDisplay(timeZone: state.options.timeZone)
        switch outcome {
        case .accepted(let response):
            state.list.replace(response.value)
            state.banner = BannerText.accepted(response.value, correlationId: response.correlationId, time: time)
        case .rejected(let error, let current):
            if let current { state.list.replace(current) }
            state.banner = BannerText.failure(outcome.message, error)
        case .unknown(let error, .success(let current)):
            state.list.replace(current.value)
            state.banner = current.value.status == .accepted
                ? BannerText.accepted(current.value, correlationId: current.correlationId, time: time)
                : BannerText.failure(outcome.message, error)
        case .unknown(let error, .failure):
            state.banner = BannerText.failure(outcome.message, error)
        }
        clampDetailScroll(&state)
    }

    // MARK: Keys

    private static func press(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.layout.isTooSmall {
            switch state.keymap.command(for: key) {
            case .quit: return [.quit]
            case .redraw: return [.redraw]
            default: return []
            }
        }
        if state.showsHelp {
            if [.escape, .character("?"), .character("q"), .enter].contains(key) { state.showsHelp = false }
            return []
        }
        if let id = state.confirming {
            state.confirming = nil
            if key == .character("y") || key == .character("Y") { return send(&state, id) }
            state.banner = Banner(.info, "Accept cancelled.")
            return []
        }
        guard let command = state.keymap.command(for: key) else { return [] }
        return run(&state, command)
    }

    private static func run(_ state: inout AppState, _ command: Command) -> [Effect] {
        let movesList = state.focus == .list
        switch command {
        case .moveDown: movesList ? select(&state, state.selection + 1) : scroll(&state, 1)
        case .moveUp: movesList ? select(&state, state.selection - 1) : scroll(&state, -1)
        case .pageDown: movesList ? select(&state, state.selection + state.layout.listRows) : scroll(&state, state.layout.detailRows)
        case .pageUp: movesList ? select(&state, state.selection - state.layout.listRows) : scroll(&state, -state.layout.detailRows)
        case .top: movesList ? select(&state, 0) : scroll(&state, -state.detailScroll)
        case .bottom: movesList ? select(&state, state.list.count - 1) : scroll(&state, Int.max / 2)
        case .open:
            if state.selected != nil { state.focus = .detail }
        case .back:
            if state.banner != nil {
                state.banner = nil
            } else {
                state.focus = .list
                keepSelectionVisible(&state)
            }
        case .accept: return requestAccept(&state)
        case .reload: return startLoad(&state)
        case .help: state.showsHelp = true
        case .quit: return quit(&state)
        case .redraw: return [.redraw]
        case .nextSection: showTab(&state, DetailTab(rawValue: (state.tab.rawValue + 1) % DetailTab.allCases.count)!)
        case .previousSection:
            showTab(&state, DetailTab(rawValue: (state.tab.rawValue + DetailTab.allCases.count - 1) % DetailTab.allCases.count)!)
        case .overview: showTab(&state, .overview)
        case .participants: showTab(&state, .participants)
        case .location: showTab(&state, .location)
        case .answers: showTab(&state, .answers)
        case .cycleLanguage: cycleLanguage(&state)
        }
        return []
    }

    /// Quits, unless an accept is on its way: then the first `q` waits for its outcome (so the
    /// user learns it), and a second `q` quits at once.
    private static func quit(_ state: inout AppState) -> [Effect] {
        guard !state.acceptsInFlight.isEmpty, !state.quitsWhenIdle else { return [.quit] }
        state.quitsWhenIdle = true
        state.banner = Banner(.info, "Waiting for the accept on its way before quitting; press q again to quit now.")
        return []
    }

    private static func select(_ state: inout AppState, _ index: Int) {
        guard !state.list.isEmpty else { return }
        let target = min(max(0, index), state.list.count - 1)
        guard target != state.selection else { return }
        state.selection = target
        state.detailScroll = 0
        if state.banner?.kind == .success { state.banner = nil }
        keepSelectionVisible(&state)
    }

    private static func scroll(_ state: inout AppState, _ lines: Int) {
        state.detailScroll = max(0, state.detailScroll + lines)
        clampDetailScroll(&state)
    }

    private static func showTab(_ state: inout AppState, _ tab: DetailTab) {
        state.tab = tab
        state.detailScroll = 0
    }

    /// `L`: the next language among the selected appointment's translations comes first.
    private static func cycleLanguage(_ state: inout AppState) {
        let present = state.selected?.location.map { state.detail.languages(in: $0.translations) } ?? []
        let order = Language.documentedValues.map(\.value)
        let candidates = present.isEmpty ? order : order.filter(present.contains) + present.filter { !order.contains($0) }
        guard let current = candidates.firstIndex(of: state.language) else {
            state.language = candidates.first ?? state.language
            return
        }
        state.language = candidates[(current + 1) % candidates.count]
        state.tab = .location
        state.detailScroll = 0
    }

    static func keepSelectionVisible(_ state: inout AppState) {
        let rows = state.layout.listRows
        state.selection = min(max(0, state.selection), max(0, state.list.count - 1))
        if state.selection < state.listTop { state.listTop = state.selection }
        if state.selection >= state.listTop + rows { state.listTop = state.selection - rows + 1 }
        state.listTop = max(0, min(state.listTop, max(0, state.list.count - rows)))
    }

    static func clampDetailScroll(_ state: inout AppState) {
        guard let appointment = state.selected else {
            state.detailScroll = 0
            return
        }
        let total = DetailLines(appointment, tab: state.tab, state: state).lines.count
        state.detailScroll = min(state.detailScroll, max(0, total - state.layout.detailRows))
    }
}
