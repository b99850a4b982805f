import EngageContract
import Foundation

/// Everything the screen shows, as a value: `reduce` changes it, `render` draws it.
public struct AppState: Sendable {
    /// How far the load of the pending requests is.
    public enum LoadStatus: Sendable, Equatable {
        case loading(loaded: Int, total: Int?)
        case done
        case failed
    }

    public var options: AppOptions
    public var keymap: Keymap
    public var size: Size
    /// Every request loaded, by id, with its per-row state.
    public var store = RequestStore()
    /// The list: which requests are shown in which order.
    public var view: ListView
    /// What the `/` filter was given, as typed ("" when the list is not filtered).
    public var filterText = ""
    /// The filter's folded text with its answer per value; nil when the list is not filtered.
    var filterQuery: SearchIndex.Query?
    /// The request selected when the filter line opened: Esc (clearing the filter) goes back to it.
    var selectionBeforeFilter: String?
    /// What the filter looks through: built the first time it is used, then kept in step.
    var search: SearchIndex?
    /// The selected request: an id, so it stays selected whatever moves around it.
    public var selectedID: String?
    /// The screen row of the selection within the list pane, kept as rows arrive above it.
    /// Where the list is drawn it is clamped to what the list can show.
    public var cursorRow = 0
    /// The user has moved the selection: until then the first row stays selected as pages
    /// arrive (rows sorted above it would otherwise open the list scrolled past them).
    var selectionIsTheUsers = false
    public var modes = ModeStack()
    public var load = LoadStatus.loading(loaded: 0, total: nil)
    /// Tags the current load; pages of an older one are ignored.
    public var generation = 0
    /// How many rows the current load has read (each once).
    var rowsSeenByLoad = 0
    /// The current load is a background refresh (`R`, or every `refreshSeconds`) still on its way.
    public var isRefreshing = false
    /// A refresh fell due while a question or a line was open: it runs when that closes.
    var refreshDeferred = false
    /// When the list was last read whole (a load or a refresh that ended).
    public var lastUpdated: Date?
    /// Background refreshes that failed in a row (the first one says so in a banner, the rest in
    /// the log and the title, so a flaky network does not keep covering the screen).
    public var refreshFailures = 0
    /// The refresh on its way was asked for with `R` (its failure always gets a banner).
    var refreshIsManual = false
    /// The accept of the marked requests on its way, if any.
    public var bulk: BulkAccept?
    /// What became of each accept of the last bulk accept (`A`), for its result list.
    public var lastBulkResults: [BulkAccept.Result] = []
    /// The `t` forms reviewed and sent, by request, until the time is changed: after a refusal
    /// (no colleague free then) `t` opens what was typed, not the request's own time again.
    var rescheduleDrafts: [String: RescheduleForm] = [:]
    /// The active colleagues (`o`), read the first time the picker opens; nil until then.
    public var colleagues: [Employee]?
    /// The colleagues are being read.
    public var colleaguesLoading = false
    /// The names of the subjects, offices, employees and customers the rows refer to.
    public var names = NameBook()
    public var tab = DetailTab.overview
    /// First visible line of the detail content.
    public var detailScroll = 0
    /// Location translations in this language are listed first (`L` cycles it).
    public var language: Language
    public var banner: Banner?
    /// Every banner of the session, oldest first (`m` lists them).
    public var messages: [SessionMessage] = []
    public var clock = SessionClock()
    /// The session is ending and waits for the writes on their way.
    public var isShuttingDown = false
    public var spinnerFrame = 0

    public init(options: AppOptions, size: Size, keymap: Keymap = .standard) {
        self.options = options
        self.size = size
        self.keymap = keymap
        view = ListView(order: options.sortOrder)
        language = options.preferredLanguage
    }

    /// Which pane the movement keys act on (from the mode under any overlay).
    public var focus: Focus { modes.base == .details ? .detail : .list }

    public var layout: Layout { Layout(size: size, focus: focus) }

    public var selected: Appointment? { selectedID.flatMap(store.appointment(id:)) }

    /// The selected request's position in the view (binary search), nil when nothing is selected.
    public var selectionIndex: Int? {
        guard let id = selectedID, let slot = store.slot(of: id) else { return nil }
        return view.index(ofSlot: slot, in: store)
    }

    /// The request shown at `index` of the view.
    public func row(at index: Int) -> Appointment { store[view.slots[index]] }

    /// The first row of the view the list pane shows.
    public var listTop: Int { listTop(selection: selectionIndex) }

    /// The same, for a selection index already looked up (the renderer needs both).
    public func listTop(selection: Int?) -> Int {
        let rows = layout.listRows
        return min(max(0, (selection ?? 0) - min(cursorRow, rows - 1)), max(0, view.count - rows))
    }

    /// The language the details show translated names in: `nil` while it is the session's own
    /// (`L` picks another).
    public var nameLanguage: Language? { language == options.preferredLanguage ? nil : language }

    /// The ids with a write on its way, and which.
    public var writesInFlight: [(id: String, write: AppointmentWrite.Kind)] { store.writesInFlight }

    /// Whether something is moving on screen (a spinner), so the runtime should tick.
    public var wantsTicks: Bool {
        if store.hasWritesInFlight { return true }
        if case .loading = load { return true }
        return false
    }

    /// The detail tools for the current language and time zone.
    var detail: AppointmentDetail {
        AppointmentDetail(time: TimeDisplay(timeZone: options.timeZone), preferredLanguage: language, names: names,
                          nameLanguage: nameLanguage)
    }
}
