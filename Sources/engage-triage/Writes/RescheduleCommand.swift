import ArgumentParser
import EngageAPI
import Foundation
import TriageCore

/// `engage-triage reschedule ID --start … --end …`: propose another time for a request, once.
struct RescheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: "Propose another time for a request (sent once, never retried blindly).",
        discussion: """
            Times are local (the TZ environment variable, else the system's zone) unless they end \
            in Z or an offset: 2026-12-14T10:00, 2026-12-14T09:00Z, 2026-12-14T10:00+01:00. A time \
            the clocks skip is refused; one they repeat is the first. The exit statuses are those \
            of accept: 4 when the server refuses (no colleague free then, \
            APPOINTMENT_NO_AVAILABILITY), 10 when the outcome stays unknown.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: WriteTarget

    @Option(help: "The new start, e.g. 2026-12-14T10:00.")
    var start: String

    @Option(help: "The new end, e.g. 2026-12-14T10:45.")
    var end: String

    @Option(help: "What the customer is told with the new time.")
    var messageForCustomer: String?

    func validate() throws {
        _ = try request()
    }

    /// The request in UTC, or why the times cannot be sent.
    private func request() throws -> RescheduleRequest {
        let zone = Zone.local
        let startTime: Date, endTime: Date
        do throws(LocalDateTime.Problem) {
            startTime = try LocalDateTime.instant(start, in: zone)
            endTime = try LocalDateTime.instant(end, in: zone)
        } catch {
            throw ValidationError("Not sent: \(error.description).")
        }
        guard endTime > startTime else { throw ValidationError("Not sent: the end (\(end)) is not after the start (\(start)).") }
        guard startTime > Date() else { throw ValidationError("Not sent: the start (\(start)) is in the past.") }
        let message = messageForCustomer.map(PlainText.trimmed)
        return RescheduleRequest(start: startTime, end: endTime, messageForCustomer: message?.isEmpty == false ? message : nil)
    }

    func run() async throws {
        let settings = try connection.settings()
        let write = AppointmentWrite.reschedule(try request())
        try await WriteCommandRun(connection: connection, settings: settings, json: target.json).run(target.id, kind: .reschedule) { _ in write }
    }
}
