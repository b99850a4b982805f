import EngageContract

/// A request in one line, as the confirmation and the banners name it:
/// `1001 · Thu 2026-12-17 17:00 · Mortgage advice · Amélie Dubois` (ids where names are not known:
/// `subject 306 · customer 53998`). Sanitised.
public enum RequestSummary {
    public static func line(_ appointment: Appointment, names: NameBook, time: TimeDisplay) -> String {
        let when = appointment.start.map(time.dateTime) ?? "no time yet"
        var parts = [UntrustedText.sanitize(appointment.id), when, named(.subject, appointment.subject.id, names)]
        if let customer = appointment.customer { parts.append(named(.customer, customer.participant.id, names)) }
        return parts.joined(separator: " · ")
    }

    /// "1001 · Amélie Dubois", or the id alone while the customer's name is not known: where a
    /// banner's reason must stay in view (`separator` " " in a list of them).
    public static func short(_ appointment: Appointment, names: NameBook, separator: String = " · ") -> String {
        let id = UntrustedText.sanitize(appointment.id)
        guard let customer = appointment.customer, let name = names.name(.customer, customer.participant.id) else { return id }
        return id + separator + name.text
    }

    /// The name, or the kind and id ("customer 53998").
    static func named(_ kind: NameKind, _ id: String, _ names: NameBook) -> String {
        names.name(kind, id)?.text ?? UntrustedText.sanitize("\(kind.rawValue) \(id)")
    }
}
