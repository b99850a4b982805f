import EngageAPI

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
    public var list = AppointmentList()
    public var load = LoadStatus.loading(loaded: 0, total: nil)
    /// Tags the current load; pages of an older one are ignored.
    public var generation = 0
    /// The next page of the current load replaces the list (a reload keeps the old rows until then).
    var replacesListOnNextPage = false
    /// Index of the selected row in `list`.
    public var selection = 0
    /// Index of the first visible row.
    public var listTop = 0
    public var focus = Focus.list
    public var tab = DetailTab.overview
    /// First visible line of the detail content.
    public var detailScroll = 0
    /// Location translations in this language are listed first (`L` cycles it).
    public var language: Language
    /// Appointments with an accept on its way; their rows show a spinner.
    public var acceptsInFlight: Set<String> = []
    /// The appointment whose accept waits for "y".
    public var confirming: String?
    public var banner: Banner?
    public var showsHelp = false
    /// The user asked to quit while an accept was on its way: quit when it is back.
    public var quitsWhenIdle = false
    public var spinnerFrame = 0

    public init(options: AppOptions, size: Size, keymap: Keymap = .standard) {
        self.options = options
        self.size = size
        self.keymap = keymap
        language = options.preferredLanguage
    }

    public var layout: Layout { Layout(size: size, focus: focus) }

    public var selected: Appointment? { list.isEmpty ? nil : list[min(selection, list.count - 1)] }

    /// Whether something is moving on screen (a spinner), so the runtime should tick.
    public var wantsTicks: Bool {
        if !acceptsInFlight.isEmpty { return true }
        if case .loading = load { return true }
        return false
    }

    /// The detail tools for the current language and time zone.
    var detail: AppointmentDetail {
        AppointmentDetail(time: TimeDisplay(timeZone: options.timeZone), preferredLanguage: language)
    }
}
