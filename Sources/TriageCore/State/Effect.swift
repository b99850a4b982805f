/// Work the reducer asks the runtime to do; results come back as `Action`s.
public enum Effect: Equatable, Sendable {
    /// Load every pending appointment, page by page, tagged with `generation` so the pages of an
    /// abandoned load are ignored.
    case loadAppointments(generation: Int)
    /// Send one accept (never retried) and report the outcome.
    case accept(id: String)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    case quit
}
