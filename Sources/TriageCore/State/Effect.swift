import EngageContract

/// Work the reducer asks the runtime to do; results come back as `Action`s.
public enum Effect: Equatable, Sendable {
    /// Load every pending appointment, page by page, tagged with `generation` so the pages of an
    /// abandoned load are ignored. Replaces (cancels) a load still running.
    case loadAppointments(generation: Int)
    /// The same in the background with one request at a time (a refresh): the rows it does not
    /// see are not dropped but re-checked. Shares the load's identity.
    case refreshAppointments(generation: Int)
    /// Read these requests again whatever their status (`GET /appointments?id[]=…`): what became
    /// of the ones a refresh no longer saw pending.
    case recheck(ids: [String])
    /// Send `.refreshDue` in `seconds` (replaces the refresh already scheduled).
    case scheduleRefresh(seconds: Int)
    /// Send one write to request `id` (an accept, a reschedule, …), journaled, and report the outcome.
    case write(id: String, AppointmentWrite)
    /// Read the names of one request's ids and report them (or why not).
    case resolveNames(NameRequest)
    /// Read the colleagues a request can be handed to (`GET /employees?status[]=ACTIVE&available-role[]=AGENT`).
    case loadColleagues
    /// Read one appointment by id (`GET /appointments/{id}`: a jump to one not in the list).
    case fetchAppointment(id: String)
    /// Stop the effect with this id, if it runs.
    case cancel(EffectID)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// End the session (after waiting for the writes on their way).
    case quit
    /// One quiet line for the session's log (never the screen): what the user need not act on.
    case log(String)
    /// Put the text on the clipboard through the terminal (OSC 52).
    case copy(String)
    /// Open request `id`'s note in the user's editor (the screen lends it the terminal) and
    /// report what came back as `.noteEdited`.
    case editNote(id: String, note: String)

    /// Whether the terminal performs it (the screen's loop) rather than the runner (the network).
    public var isForTheTerminal: Bool {
        switch self {
        case .redraw, .quit, .log, .copy, .editNote: true
        default: false
        }
    }

    /// The identity of an effect that runs for a while: a new effect with the same id replaces
    /// the running one. Terminal effects have none.
    public var id: EffectID? {
        switch self {
        case .loadAppointments, .refreshAppointments: .load
        case .recheck: .recheck
        case .scheduleRefresh: .refreshTimer
        case .write(let id, _): .write(id)
        case .resolveNames(let request): .names(request)
        case .fetchAppointment(let id): .read(id)
        case .loadColleagues: .colleagues
        case .cancel, .redraw, .quit, .log, .copy, .editNote: nil
        }
    }
}

/// Names a running effect, so it can be cancelled or replaced.
public enum EffectID: Hashable, Sendable {
    /// The load of the pending requests (one at a time).
    case load
    /// The write to one request (one at a time per request).
    case write(String)
    /// One request for names.
    case names(NameRequest)
    /// The read of one appointment (a jump).
    case read(String)
    /// The re-read of the requests a refresh no longer saw pending.
    case recheck
    /// The read of the colleagues (the `o` picker).
    case colleagues
    /// The wait for the next refresh.
    case refreshTimer
}
