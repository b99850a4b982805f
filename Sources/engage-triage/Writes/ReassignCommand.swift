import ArgumentParser
import EngageAPI

/// `engage-triage reassign ID --employee EMPLOYEE-ID [--office OFFICE-ID]`: hand a request to a
/// colleague, once.
struct ReassignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign",
        abstract: "Hand a request to another colleague or office (sent once, never retried blindly).",
        discussion: """
            The exit statuses are those of accept: 4 when the server refuses (an unknown or \
            inactive colleague, APPOINTMENT_PRIMARY_EMPLOYEE_MISSING; one who takes part already, \
            APPOINTMENT_PARTICIPANTS_NOT_UNIQUE), 10 when the outcome stays unknown.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: WriteTarget

    @Option(help: "The colleague who holds it from now on (an employee id).")
    var employee: String

    @Option(help: "The office it moves to (unchanged when not given).")
    var office: String?

    @Option(help: "What the customer is told.")
    var messageForCustomer: String?

    func validate() throws {
        for (name, value) in [("employee", employee), ("office", office ?? "1")] {
            if let problem = AppointmentID.problem(with: value) {
                throw ValidationError("Not sent: the \(name) id: \(problem.replacing("an id", with: "it")).")
            }
        }
    }

    func run() async throws {
        let settings = try connection.settings()
        let write = AppointmentWrite.reassign(ReassignRequest(
            officeId: office, primaryEmployeeId: employee, messageForCustomer: messageForCustomer.flatMap { $0.isEmpty ? nil : $0 }))
        try await WriteCommandRun(connection: connection, settings: settings, json: target.json).run(target.id, kind: .reassign) { _ in write }
    }
}
