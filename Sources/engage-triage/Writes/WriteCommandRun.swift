import ArgumentParser
import EngageAPI
import Foundation
import TriageCore
import TriageRuntime

/// What the write commands (`accept`, `reschedule`, `reassign`, `note`) share: one write, sent
/// once through a budget of one request, journaled in the audit trail (intent, then outcome),
/// waited for through Ctrl-C; the changed request printed (or its JSON); every failure with
/// the exit status the README documents (0 done, 3 not found, 4 refused, 10 outcome unknown, …).
struct WriteCommandRun {
    var connection: ConnectionOptions
    var settings: Settings
    var json: Bool

    /// Sends the write `prepare` makes (it may read the request first, on the same tenant: a
    /// note appended to). A `nil` write sends nothing: `prepare` has said why.
    func run(
        _ id: String, kind: AppointmentWrite.Kind, prepare: (any AppointmentService) async throws -> AppointmentWrite?
    ) async throws {
        let tracker = WriteTracker(journal: AuditLog(enterprise: connection.enterpriseName(settings)))
        let ending: InterruptibleWrite.Ending? = try await connection.withClient(settings) { client in
            let service = BudgetedService(client, budget: RequestBudget(capacity: 1))
            guard let write = try await prepare(service) else { return nil }
            return await InterruptibleWrite.run(id: id, kind: kind, tracker: tracker, patience: settings.requestTimeout * 2) {
                await tracker.perform(write, on: id, using: service)
            }
        }
        switch ending {
        case nil:
            return
        case .abandoned(let reports):
            OutputFormat.printLines(reports.map { $0.line(sanitize: { UntrustedText.sanitize($0) }) })
            throw (reports.allSatisfy { $0.result == .notSent } ? ExitStatus.cancelled : .outcomeUnknown).exitCode
        case .finished(let outcome):
            try finish(outcome, kind: kind)
        }
    }

    private func finish(_ outcome: WriteOutcome, kind: AppointmentWrite.Kind) throws {
        if let done = outcome.doneResponse {
            if let error = outcome.error { Diagnostics.report(outcome.message(for: kind), error: error) }
            try printDone(kind, done)
            return
        }
        let error = outcome.error ?? EngageError(kind: .unexpectedAnswer)
        Diagnostics.report(outcome.message(for: kind), error: error)
        switch outcome {
        case .notSent: throw (error.kind == .invalidConfiguration ? ExitStatus.failure : ExitStatus(for: error)).exitCode
        case .rejected: throw ExitStatus(for: error).exitCode
        default: throw ExitStatus.outcomeUnknown.exitCode
        }
    }

    /// `Accepted 1001: Fri 2026-12-18 17:00–17:45 · subject 306 · customer 53998 · status ACCEPTED`
    /// and its correlation id, or the appointment's JSON.
    private func printDone(_ kind: AppointmentWrite.Kind, _ response: EngageResponse<Appointment>) throws {
        let appointment = response.value
        if json {
            try OutputFormat.printJSON(appointment)
            return
        }
        let time = TimeDisplay()
        let customer = appointment.customer.map { " · customer \($0.participant.id)" } ?? ""
        let employee = kind == .reassign ? appointment.primaryEmployee.map { " · employee \($0.participant.id)" } ?? "" : ""
        let office = kind == .reassign ? " · office \(appointment.office.id)" : ""
        OutputFormat.printLines([
            UntrustedText.sanitize(
                "\(kind.done) \(kind == .note ? "on " : "")\(appointment.id): \(time.window(start: appointment.start, end: appointment.end))"
                    + " · subject \(appointment.subject.id)\(customer)\(employee)\(office) · status \(appointment.status)"),
            "  correlation \(response.correlationId)",
        ])
    }
}
