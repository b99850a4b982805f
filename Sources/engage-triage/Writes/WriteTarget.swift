import ArgumentParser
import EngageAPI

/// The request a write command changes and how it reports (shared by `accept`, `reschedule`,
/// `reassign` and `note`).
struct WriteTarget: ParsableArguments {
    @Argument(help: "The appointment's id.")
    var id: String

    @Flag(help: "Print the changed appointment as the API's JSON (its `data` object).")
    var json = false

    func validate() throws {
        if let problem = AppointmentID.problem(with: id) { throw ValidationError("Not sent: \(problem).") }
    }
}
