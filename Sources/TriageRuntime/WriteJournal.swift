import EngageContract

/// Where writes are journaled: the audit trail. The intent is recorded (and on disk) before the
/// request leaves, the outcome when it is known, so no write the server did goes unrecorded,
/// however the session ends.
public protocol WriteJournal: Sendable {
    /// Records one entry. Throwing from `.sent` stops that attempt from being sent.
    func record(_ entry: WriteJournalEntry) throws
}

/// One line of the journal: what happened to one write of one request.
public struct WriteJournalEntry: Sendable {
    public enum Event: Sendable {
        /// An attempt is about to leave with this correlation id.
        case sent(correlationId: String)
        /// The attempt with this correlation id was answered with a 401 or a 429, so the server
        /// did nothing, and the write goes again under a new correlation id.
        case retried(correlationId: String)
        /// What became of the write; `correlationId` is that of its last attempt (nil: none left).
        case finished(correlationId: String?, WriteOutcome)
        /// The session ended before the answer came: the outcome is unknown.
        case abandoned(correlationId: String?)
    }

    public var appointmentId: String
    public var write: AppointmentWrite
    public var event: Event

    public init(appointmentId: String, write: AppointmentWrite, event: Event) {
        self.appointmentId = appointmentId
        self.write = write
        self.event = event
    }
}
