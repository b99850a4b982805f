import ArgumentParser
import EngageAPI
import Foundation
import TriageCore

/// `engage-triage accept ID`: accept one pending request, once.
struct AcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept a pending appointment request (sent once, never retried).",
        discussion: """
            If the answer is lost (timeout, dropped connection), the appointment is re-read and the \
            command reports what the server says now: exit 0 if it is ACCEPTED, 10 if the outcome \
            stays unknown.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The appointment's id.")
    var id: String

    @Flag(help: "Print the accepted appointment as the API's JSON (its `data` object).")
    var json = false

    func run() async throws {
        let settings = try connection.settings()
        let outcome = try await connection.withClient(settings) { client in await client.acceptReconciling(id: id) }
        let audit = AuditLog(enterprise: connection.enterpriseName(settings))
        do {
            try audit.append(audit.record(outcome, id: id))
        } catch {
            Diagnostics.note("engage-triage: warning: the audit trail could not be written (\(error)).")
        }
        switch outcome {
        case .accepted(let response):
            try printAccepted(response.value, correlationId: response.correlationId)
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
