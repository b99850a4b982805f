import EngageAPI
import Foundation
import TriageCore

/// Writing to standard error: failures with their server code and correlation id, and notes.
enum Diagnostics {
    /// A line on standard error; if that cannot be written either, it is left unsaid.
    static func note(_ text: String) {
        StandardOutput.write((text + "\n").utf8, to: STDERR_FILENO)
    }

    /// `engage-triage: <plain message>` and a line with the server code, HTTP status and
    /// correlation id; every server-supplied text sanitised.
    static func report(_ message: String, error: EngageError?) {
        var lines = ["engage-triage: " + UntrustedText.sanitize(message)]
        if let error {
            var facts: [String] = []
            if let code = error.code { facts.append(UntrustedText.sanitize(code)) }
            if let status = error.httpStatus { facts.append("HTTP \(status)") }
            if let correlationId = error.correlationId { facts.append("correlation \(correlationId)") }
            if !facts.isEmpty { lines.append("  " + facts.joined(separator: " · ")) }
            for serverError in error.serverErrors where !serverError.message.isEmpty {
                lines.append("  server: " + UntrustedText.sanitize(serverError.message))
            }
        }
        note(lines.joined(separator: "\n"))
    }

    /// Reports `error` and returns the exit code that names its kind.
    static func fail(_ error: EngageError) -> ExitStatus {
        report(error.message, error: error)
        return ExitStatus(for: error)
    }
}
