import ArgumentParser
import EngageAPI
import Foundation
import TriageCore
import TriageRuntime

/// `engage-triage accept ID`: accept one pending request, once.
struct AcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept a pending appointment request (sent once, never retried blindly).",
        discussion: """
            If the answer is lost (timeout, dropped connection), the appointment is re-read and the \
            command reports what the server says now: exit 0 if it is ACCEPTED, 10 if the outcome \
            stays unknown. A 429 is waited out and the accept sent again (the server did nothing). \
            Ctrl-C, SIGTERM or SIGHUP while it is on its way wait for the answer (up to the timeout); \
            a second Ctrl-C stops waiting, and the audit trail records the outcome as unknown.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The appointment's id.")
    var id: String

    func validate() throws {
        if let problem = AppointmentID.problem(with: id) { throw ValidationError("Not sent: \(problem).") }
    }

    @Flag(help: "Print the accepted appointment as the API's JSON (its `data` object).")
    var json = false

    func run() async throws {
        let settings = try connection.settings()
        let tracker = AcceptTracker(journal: AuditLog(enterprise: connection.enterpriseName(settings)))
        let ending = try await connection.withClient(settings) { client in
            let service = BudgetedService(client, budget: RequestBudget(capacity: 1))
            return await InterruptibleAccept.run(id: id, tracker: tracker, patience: settings.requestTimeout * 2) {
                await tracker.accept(id: id, using: service)
            }
        }
        let outcome: AcceptOutcome
        switch ending {
        case .finished(let finished):
            outcome = finished
        case .abandoned(let reports):
            OutputFormat.printLines(reports.map { $0.line(sanitize: { UntrustedText.sanitize($0) }) })
            throw (reports.allSatisfy { $0.result == .notSent } ? ExitStatus.cancelled : .outcomeUnknown).exitCode
        }
        switch outcome {
        case .accepted(let response):
            try printAccepted(response.value, correlationId: response.correlationId)
        case .notSent(let error):
            Diagnostics.report(outcome.message, error: error)
            throw (error.kind == .invalidConfiguration ? ExitStatus.failure : ExitStatus(for: error)).exitCode
        case .rejected(let error, _):
            Diagnostics.report(outcome.message, error: error)
            throw ExitStatus(for: error).exitCode
        case .unknown(let error, .success(let current)) where current.value.status == .accepted:
            Diagnostics.report(outcome.message, error: error)
            try printAccepted(current.value, correlationId: current.correlationId)
        case .unknown(let error, _):
            Diagnostics.report(outcome.message, error: error)
            throw ExitStatus.outcomeUnknown.exitCode
        }
    }

    private func printAccepted(_ appointment: Appointment, correlationId: String) throws {
        if json {
            try OutputFormat.printJSON(appointment)
            return
        }
        let time = TimeDisplay()
        let customer = appointment.customer.map { " · customer \($0.participant.id)" } ?? ""
        OutputFormat.printLines([
            UntrustedText.sanitize(
                "Accepted \(appointment.id): \(time.window(start: appointment.start, end: appointment.end))"
                    + " · subject \(appointment.subject.id)\(customer) · status \(appointment.status)"),
            "  correlation \(correlationId)",
        ])
    }
}
