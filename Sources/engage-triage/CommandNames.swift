import EngageAPI
import Logging
import TriageCore
import TriageRuntime

/// The names the `list` and `show` output shows, read before it is printed.
enum CommandNames {
    /// Every name `keys` need, through a request budget like the screen's; a kind the tenant will
    /// not name is logged, once, and its ids are shown.
    static func resolve(_ keys: [NameKey], client: EngageClient) async -> NameBook {
        let (names, unavailable) = await NameResolver.resolve(keys, using: BudgetedService(client, budget: RequestBudget()))
        let logger = Logger(label: "engage-triage.names")
        for line in unavailable { logger.notice("\(line)") }
        return names
    }
}

/// An appointment in the API's own JSON shape with a `names` object beside its keys
/// (`list --json --names`): `{"subject": "Mortgage advice", "office": …, "customer": …,
/// "employee": …}`, `null` where no name is known.
struct NamedAppointment: Encodable {
    var appointment: Appointment
    var names: NameBook

    private enum NamesKey: String, CodingKey { case names }

    private enum KindKey: String, CodingKey { case subject, office, customer, employee }

    func encode(to encoder: any Encoder) throws {
        try appointment.encode(to: encoder)
        var container = encoder.container(keyedBy: NamesKey.self)
        var kinds = container.nestedContainer(keyedBy: KindKey.self, forKey: .names)
        try kinds.encode(names.name(.subject, appointment.subject.id)?.text, forKey: .subject)
        try kinds.encode(names.name(.office, appointment.office.id)?.text, forKey: .office)
        try kinds.encode(appointment.customer.flatMap { names.name(.customer, $0.participant.id)?.text }, forKey: .customer)
        try kinds.encode(appointment.primaryEmployee.flatMap { names.name(.employee, $0.participant.id)?.text }, forKey: .employee)
    }
}
