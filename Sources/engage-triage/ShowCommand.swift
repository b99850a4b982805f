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
    }

    @Flag(help: "Print the appointment as the API's JSON (its `data` object).")
    var json = false

    func run() async throws {
        let settings = try connection.settings()
        let response: EngageResponse<Appointment>
        do {
            response = try await connection.withClient(settings) { client in try await client.appointment(id: id) }
        } catch let error as EngageError {
            throw Diagnostics.fail(error).exitCode
        }
        if json {
            try OutputFormat.printJSON(response.value)
        } else {
            let detail = AppointmentDetail(time: TimeDisplay(), preferredLanguage: settings.preferredLanguage)
            OutputFormat.printLines(OutputFormat.detailLines(detail.sections(of: response.value)))
        }
    }
}
