import EngageContract

/// The words of the banners: the plain reason first, then what support needs.
enum BannerText {
    /// "Accepted 1001 · Fri 2026-12-11 18:00 · status ACCEPTED", "correlation 8c1e…"
    static func accepted(_ appointment: Appointment, correlationId: String, time: TimeDisplay) -> Banner {
        let when = appointment.start.map(time.dateTime) ?? "no time yet"
        return Banner(
            .success, UntrustedText.sanitize("Accepted \(appointment.id) · \(when) · status \(appointment.status)"),
            detail: "correlation \(correlationId)")
    }

    /// "Already handled: …", "APPOINTMENT_STATUS_INVALID · correlation 8c1e…" (the HTTP status where there is no code)
    static func failure(_ message: String, _ error: EngageError) -> Banner {
        var facts: [String] = []
        if let code = error.code {
            facts.append(UntrustedText.sanitize(code))
        } else if let status = error.httpStatus {
            facts.append("HTTP \(status)")
        }
        if let correlationId = error.correlationId { facts.append("correlation \(correlationId)") }
        return Banner(.error, UntrustedText.sanitize(message), detail: facts.isEmpty ? nil : facts.joined(separator: " · "))
    }
}
