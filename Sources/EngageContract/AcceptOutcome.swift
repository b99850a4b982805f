/// What became of an accept, as far as the client can know.
///
/// `accept` is not idempotent, so a failure whose outcome is unknown (timeout, dropped connection,
/// an unreadable or 5xx answer) is never retried: the client re-reads the appointment instead and
/// reports what the server says now.
public enum AcceptOutcome: Sendable {
    /// The accept never left: the token could not be had, or its intent could not be journaled.
    case notSent(EngageError)
    /// The server accepted it and returned the updated appointment.
    case accepted(EngageResponse<Appointment>)
    /// The server answered with a refusal; nothing changed. `current` is the appointment as the
    /// server has it now, when a re-read was useful and succeeded (e.g. to name its status).
    case rejected(EngageError, current: Appointment?)
    /// No one can tell whether the accept happened. `current` is the re-read appointment, or the
    /// error of the re-read.
    case unknown(EngageError, current: Result<EngageResponse<Appointment>, EngageError>)

    /// The accept was done: the server said so, or a re-read after a lost answer shows it.
    public var isAccepted: Bool {
        switch self {
        case .accepted: true
        case .unknown(_, .success(let current)): current.value.status == .accepted
        default: false
        }
    }

    /// The appointment as the server has it now, where the outcome tells.
    public var current: Appointment? {
        switch self {
        case .accepted(let response): response.value
        case .rejected(_, let current): current
        case .unknown(_, .success(let current)): current.value
        case .unknown(_, .failure), .notSent: nil
        }
    }

    /// The error that decided the outcome, if any.
    public var error: EngageError? {
        switch self {
        case .accepted: nil
        case .notSent(let error), .rejected(let error, _), .unknown(let error, _): error
        }
    }

    /// One plain-language sentence for the user.
    public var message: String {
        switch self {
        case .notSent(let error):
            return "Not sent: \(error.message)"
        case .accepted(let response):
            return "Accepted: the request is now \(response.value.status)."
        case .rejected(let error, let current?) where error.isStatusInvalid:
            return "Already handled: this request is no longer pending (status \(current.status))."
        case .rejected(let error, _):
            return error.message
        case .unknown(let error, .success(let current)) where current.value.status == .accepted:
            return "Accepted (confirmed by re-reading it after: \(error.message))"
        case .unknown(let error, .success(let current)):
            return "The accept may not have gone through (\(error.message)) The server now says \(current.value.status)."
        case .unknown(let error, .failure(let reread)):
            return "The outcome of the accept is unknown (\(error.message)) Re-reading it failed too: \(reread.message)"
        }
    }
}
