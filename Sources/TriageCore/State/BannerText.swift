import EngageContract

/// The words of the banners: the plain reason first, then what support needs.
enum BannerText {
    /// "Accepted 1001 · Fri 2026-12-11 18:00 · Mortgage advice · Amélie Dubois · status ACCEPTED",
    /// "correlation 8c1e…" (the request as the server returned it: a reschedule shows its new
    /// time, a reassignment its new colleague).
    static func done(_ kind: AppointmentWrite.Kind, _ appointment: Appointment, correlationId: String, names: NameBook,
                     time: TimeDisplay) -> Banner {
        var summary = RequestSummary.line(appointment, names: names, time: time)
        if kind == .reassign, let employee = appointment.primaryEmployee {
            summary += " · to " + RequestSummary.named(.employee, employee.participant.id, names)
        }
        return Banner(
            .success, "\(kind.done) \(kind == .note ? "on " : "")\(summary) · status \(UntrustedText.sanitize(appointment.status.rawValue))",
            detail: "correlation \(UntrustedText.sanitize(correlationId))")
    }

    /// "Already handled: …", "APPOINTMENT_STATUS_INVALID · correlation 8c1e…" (the HTTP status where
    /// there is no code), with what to do next after the reason.
    static func failure(_ message: String, _ error: EngageError, next: String? = nil) -> Banner {
        var facts: [String] = []
        if let code = error.code {
            facts.append(UntrustedText.sanitize(code))
        } else if let status = error.httpStatus {
            facts.append("HTTP \(status)")
        }
        if let correlationId = error.correlationId { facts.append("correlation \(correlationId)") }
        let text = UntrustedText.sanitize(message) + (next.map { " " + $0 } ?? "")
        return Banner(.error, text, detail: facts.isEmpty ? nil : facts.joined(separator: " · "))
    }

    /// What the user can do after a failed write: try it again (`retryKey`), reload, or check
    /// in the back office.
    static func nextStep(after outcome: WriteOutcome, retryKey: String?, reloadKey: String?) -> String? {
        let retry = retryKey.map { "Press \($0) to try again." }
        let reload = reloadKey.map { "Press \($0) to reload." }
        switch outcome {
        case .done, .confirmed: return nil
        case .unknown: return "Check it in the back office before trying again."
        case .rejected(let error, _) where error.isStatusInvalid: return reload
        case .notSent(let error), .rejected(let error, _): return nextStep(after: error, retryHint: retry, reloadKey: reloadKey)
        }
    }

    /// What the user can do after a failed request (a load: reload; an accept: try it again).
    static func nextStep(after error: EngageError, retryHint: String? = nil, reloadKey: String?) -> String? {
        let retry = retryHint ?? reloadKey.map { "Press \($0) to try again." }
        switch error.kind {
        case .unauthorized: return "Check the credentials: engage-triage doctor says what is wrong."
        case .forbidden: return "Ask the Engage administrator for the permission."
        case .notFound: return reloadKey.map { "Press \($0) to reload." }
        case .rateLimited: return "Wait a moment; " + (retry?.lowercased() ?? "then try again.")
        case .invalidConfiguration: return nil
        default: return retry
        }
    }
}
