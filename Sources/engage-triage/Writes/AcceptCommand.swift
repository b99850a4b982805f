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

    @OptionGroup var target: WriteTarget

    func run() async throws {
        let settings = try connection.settings()
        try await WriteCommandRun(connection: connection, settings: settings, json: target.json).run(target.id, kind: .accept) { _ in .accept }
    }
}
