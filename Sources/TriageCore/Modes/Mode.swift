import EngageContract

/// What the screen is doing: browsing the list, reading one request's details, reading the help,
/// or answering a question. Exactly one mode takes the keys; each has its own keymap.
public enum Mode: Sendable, Equatable {
    case list
    /// The details pane has the keys (beside the list from 110 columns, instead of it below).
    case details
    /// The help overlay, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// "Accept …? y/N" (or another write's question) for the request `id`.
    case confirm(id: String, write: AppointmentWrite)
    /// "Accept 7 requests: 1001 Amélie Dubois, …? y/N" for the marked requests `ids`.
    case confirmMarked(ids: [String])
    /// What became of each accept of the last bulk accept, scrolled down by `scroll` lines.
    case bulkResults(scroll: Int)
    /// The session's messages, scrolled down by `scroll` lines.
    case messages(scroll: Int)
    /// The `:` line, with what was typed so far: an id jumps to that request, `q` quits.
    case prompt(text: String)
    /// The `/` line: what is typed filters the list as it is typed (the text is `AppState.filterText`).
    case filter
    /// The `t` form: another time for a request, as typed so far.
    case reschedule(RescheduleForm)
    /// The `o` picker of colleagues for a request.
    case reassign(ColleaguePicker)
    /// The line after the picker: a message for the customer, then the question.
    case reassignMessage(ReassignDraft)
    /// The `n` field (no external editor): a request's note as typed so far.
    case noteEditor(NoteEditor)
    /// "Throw away what you typed? y/N" over a form or the note field.
    case confirmDiscard

    public var kind: Kind {
        switch self {
        case .list: .list
        case .details: .details
        case .help: .help
        case .confirm, .confirmMarked, .confirmDiscard: .confirm
        case .bulkResults: .messages
        case .messages: .messages
        case .prompt: .prompt
        case .filter: .filter
        case .reschedule: .form
        case .noteEditor: .editor
        case .reassign(let picker): picker.isFiltering ? .filter : .picker
        case .reassignMessage: .prompt
        }
    }

    /// A mode without its payload: what keymaps are kept by.
    public enum Kind: String, Sendable, CaseIterable {
        case list, details, help, confirm, messages, prompt, filter, form, editor, picker
    }
}

/// The modes on screen, bottom to top: the list always at the bottom, the details over it, an
/// overlay (help, a question) over either. The top one takes the keys.
public struct ModeStack: Sendable, Equatable {
    public private(set) var modes: [Mode] = [.list]

    public init() {}

    public var current: Mode { modes[modes.count - 1] }

    /// The browsing mode under any overlay: `.list` or `.details`.
    public var base: Mode { modes.last { $0 == .list || $0 == .details } ?? .list }

    public mutating func push(_ mode: Mode) { modes.append(mode) }

    /// Leaves the current mode; the list at the bottom stays.
    public mutating func pop() {
        if modes.count > 1 { modes.removeLast() }
    }

    /// Changes the current mode in place (e.g. the help's scroll position).
    public mutating func replaceCurrent(_ mode: Mode) {
        guard modes.count > 1 else { return }
        modes[modes.count - 1] = mode
    }

    /// Closes every overlay: back to browsing.
    public mutating func popOverlays() {
        while current != base { pop() }
    }
}
