import EngageContract

/// Where accepts are journaled: the audit trail. The intent is recorded (and on disk) before the
/// request leaves, the outcome when it is known, so no accept the server did goes unrecorded,
/// however the session ends.
public protocol AcceptJournal: Sendable {
    /// Records one entry. Throwing from `.sent` stops that attempt from being sent.
    func record(_ entry: AcceptJournalEntry) throws
}

/// One line of the journal.
public enum AcceptJournalEntry: Sendable {
    /// An attempt is about to leave with this correlation id.
    case sent(appointmentId: String, correlationId: String)
    /// The attempt with this correlation id was answered with a 401 or a 429, so the server did
    /// nothing, and the accept goes again under a new correlation id.
    case retried(appointmentId: String, correlationId: String)
    /// What became of the accept; `correlationId` is that of its last attempt (nil: none left).
    case finished(appointmentId: String, correlationId: String?, AcceptOutcome)
    /// The session ended before the answer came: the outcome is unknown.
    case abandoned(appointmentId: String, correlationId: String?)

    public var appointmentId: String {
        switch self {
        case .sent(let id, _), .retried(let id, _), .finished(let id, _, _), .abandoned(let id, _): id
        }
    }
}
