import ArgumentParser
import EngageAPI
import Foundation
import TriageCore
import TriageRuntime

/// `engage-triage list`: every appointment in the given statuses (default: the pending ones).
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List appointments, by default the pending ones (INCOMING_REQUEST), every page.")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("status"), help: ArgumentHelp(
        "Only this status (repeatable): \(AppointmentStatus.documentedValues.map(\.rawValue).joined(separator: ", ")).",
        valueName: "status"), completion: .list(AppointmentStatus.documentedValues.map(\.rawValue)))
    var statuses: [String] = []

    @Flag(help: "Every status (no status filter).")
    var all = false

    @Flag(help: "Print the appointments as the API's JSON (an array of `data` objects).")
    var json = false

    @Flag(help: "With --json: add a `names` object to each appointment (subject, office, customer, employee).")
    var names = false

    @Flag(name: .customLong("no-names"), help: "Show ids instead of reading the names of customers, subjects, offices and employees.")
    var noNames = false

    func validate() throws {
        if all && !statuses.isEmpty { throw ValidationError("--all and --status exclude each other.") }
        if names && !json { throw ValidationError("--names goes with --json (the table shows names already).") }
        if names && noNames { throw ValidationError("--names and --no-names exclude each other.") }
        for status in statuses where !AppointmentStatus(rawValue: status.uppercased()).isDocumented {
            throw ValidationError("Unknown status '\(status)'. Use one of: "
                + AppointmentStatus.documentedValues.map(\.rawValue).joined(separator: ", ") + ".")
        }
    }

    func run() async throws {
        let settings = try connection.settings()
        let query = AppointmentQuery(
            statuses: all ? [] : statuses.isEmpty ? [.incomingRequest] : statuses.map { AppointmentStatus(rawValue: $0.uppercased()) })
        let wantsNames = json ? names : !noNames
        let (appointments, book): ([Appointment], NameBook)
        do {
            (appointments, book) = try await connection.withClient(settings) { client in
                let appointments = try await client.allAppointments(matching: query)
                let names = wantsNames ? await CommandNames.resolve(appointments.flatMap(\.listNameKeys), client: client) : NameBook()
                return (appointments, names)
            }
        } catch let error as EngageError {
            throw Diagnostics.fail(error).exitCode
        }
        if json {
            if names {
                try OutputFormat.printJSON(appointments.map { NamedAppointment(appointment: $0, names: book) })
            } else {
                try OutputFormat.printJSON(appointments)
            }
            return
        }
        let time = TimeDisplay()
        OutputFormat.printLines(OutputFormat.tableLines(appointments, names: book, time: time))
        let filter = query.statuses.isEmpty ? "any status" : query.statuses.map(\.rawValue).joined(separator: ", ")
        Diagnostics.note("\(appointments.count) appointment\(appointments.count == 1 ? "" : "s") (\(filter)) · times in \(time.zoneName)")
    }
}
