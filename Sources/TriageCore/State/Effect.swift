/// Work the reducer asks the runtime to do; results come back as `Action`s.
public enum Effect: Equatable, Sendable {
    /// Load every pending appointment, page by page, tagged with `generation` so the pages of an
    /// abandoned load are ignored. Replaces (cancels) a load still running.
    case loadAppointments(generation: Int)
    /// Send one accept, journaled, and report the outcome.
    case accept(id: String)
    /// Stop the effect with this id, if it runs.
    case cancel(EffectID)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// End the session (after waiting for the accepts on their way).
    case quit

    /// The identity of an effect that runs for a while: a new effect with the same id replaces
    /// the running one. Terminal effects have none.
    public var id: EffectID? {
        switch self {
        case .loadAppointments: .load
        case .accept(let id): .accept(id)
        case .cancel, .redraw, .quit: nil
        }
    }
}

/// Names a running effect, so it can be cancelled or replaced.
public enum EffectID: Hashable, Sendable {
    /// The load of the pending requests (one at a time).
    case load
    /// The accept of one request (one per request).
    case accept(String)
}
