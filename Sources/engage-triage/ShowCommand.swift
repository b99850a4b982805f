import ArgumentParser
import EngageAPI
import Foundation
import TriageCore

/// `engage-triage show ID`: one appointment, every field.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one appointment: overview, participants, location, answers.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The appointment's id.")
    var id: String

    func validate() throws {
        if let problem = AppointmentID.problem(with: id) { throw ValidationError("Not sent: \(problem).") }
        if names && !json { throw ValidationError("--names goes with --json (the text shows names already).") }
        if names && noNames { throw ValidationError("--names and --no-names exclude each other.") }
    }

    @Flag(help: "Print the appointment as the API's JSON (its `data` object).")
    var json = false

    @Flag(help: "With --json: add a `names` object (subject, office, customer, employee).")
    var names = false

    @Flag(name: .customLong("no-names"), help: "Show ids instead of reading the names the appointment refers to.")
    var noNames = false

    func run() async throws {
        let settings = try connection.settings()
        let wantsNames = json ? names : !noNames
        let (response, book): (EngageResponse<Appointment>, NameBook)
        do {
            (response, book) = try await connection.withClient(settings) { client in
                let response = try await client.appointment(id: id)
                let names = wantsNames ? await CommandNames.resolve(response.value.detailNameKeys(), client: client) : NameBook()
                return (response, names)
            }
        } catch let error as EngageError {
            throw Diagnostics.fail(error).exitCode
        }
        if json {
            if names {
                try OutputFormat.printJSON(NamedAppointment(appointment: response.value, names: book))
            } else {
                try OutputFormat.printJSON(response.value)
            }
        } else {
            let detail = AppointmentDetail(time: TimeDisplay(), preferredLanguage: settings.preferredLanguage, names: book)
            OutputFormat.printLines(OutputFormat.detailLines(detail.sections(of: response.value)))
        }
    }
}
