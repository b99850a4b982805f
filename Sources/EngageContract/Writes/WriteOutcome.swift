/// What became of a write (an accept, a reschedule, a reassignment, a note), as far as the
/// client can know.
///
/// No write is idempotent, so a failure whose outcome is unknown (timeout, dropped connection, an
/// unreadable or 5xx answer) is never retried: the client re-reads the appointment instead and
/// reports what the server says now.
public enum WriteOutcome: Sendable {
    /// The write never left: the token could not be had, its intent could not be journaled, or
    /// no connection to the server came up.
    case notSent(EngageError)
    /// The server did it and returned the changed appointment.
    case done(EngageResponse<Appointment>)
    /// The answer was lost (`EngageError`), but the re-read appointment shows the change made.
    case confirmed(EngageError, EngageResponse<Appointment>)
    /// The server answered with a refusal; nothing changed. `current` is the appointment as the
    /// server has it now, when a re-read was useful and succeeded (e.g. to name its status).
    case rejected(EngageError, current: Appointment?)
    /// No one can tell whether the write happened: the re-read shows it not done (or failed).
    /// `current` is the re-read appointment, or the error of the re-read.
    case unknown(EngageError, current: Result<EngageResponse<Appointment>, EngageError>)

    /// The write was done: the server said so, or a re-read after a lost answer shows it.
    public var isDone: Bool {
        switch self {
        case .done, .confirmed: true
        default: false
        }
    }

    /// The changed appointment and the correlation id of the answer that showed it, when done.
    public var doneResponse: EngageResponse<Appointment>? {
        switch self {
        case .done(let response), .confirmed(_, let response): response
        default: nil
        }
    }

    /// The appointment as the server has it now, where the outcome tells.
    public var current: Appointment? {
        switch self {
        case .done(let response), .confirmed(_, let response): response.value
        case .rejected(_, let current): current
        case .unknown(_, .success(let current)): current.value
        case .unknown(_, .failure), .notSent: nil
        }
    }

    /// The error that decided the outcome, if any.
    public var error: EngageError? {
        switch self {
        case .done: nil
        case .notSent(let error), .confirmed(let error, _), .rejected(let error, _), .unknown(let error, _): error
        }
    }

    /// One plain-language sentence for the user about the write of this `kind`.
    public func message(for kind: AppointmentWrite.Kind) -> String {
        switch self {
        case .notSent(let error):
            return "Not sent: \(error.message)"
        case .done(let response):
            return "\(kind.done): the request is now \(response.value.status)."
        case .confirmed(let error, _):
            return "\(kind.done) (confirmed by re-reading it after: \(error.message))"
        case .rejected(let error, let current?) where error.isStatusInvalid && kind == .accept:
            return "Already handled: this request is no longer pending (status \(current.status))."
        case .rejected(let error, let current?) where error.isStatusInvalid:
            return "Not allowed while the request is \(current.status): \(kind.refused)."
        case .rejected(let error, _):
            return error.message
        case .unknown(let error, .success(let current)):
            return "\(PlainText.capitalizingFirst(kind.noun)) may not have gone through (\(error.message)) The server now says \(current.value.status)."
        case .unknown(let error, .failure(let reread)):
            return "The outcome of \(kind.noun) is unknown (\(error.message)) Re-reading it failed too: \(reread.message)"
        }
    }
}
