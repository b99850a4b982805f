import EngageAPI
import Foundation
import Logging
import TriageRuntime

/// The append-only audit trail of accepts, `audit.jsonl` in the state directory: one JSON line
/// when an attempt is about to leave (`"outcome": "sent"`) and one with what became of it
/// (`accepted`, `rejected`, `unknown`, `not-sent`, or `retried` for an attempt answered 401 or
/// 429, which the server did not act on), with the same correlation id. Each line is on
/// disk (fsync) before the request leaves or the result is shown, so nothing is lost if the
/// session drops.
struct AuditLog: AcceptJournal {
    /// One line of the trail.
    struct Record: Codable, Equatable {
        var time: String
        var enterprise: String
        var appointmentId: String
        /// `sent`, `retried`, `accepted`, `rejected`, `unknown` or `not-sent`.
        var outcome: String
        /// The server's code of a refusal, e.g. `APPOINTMENT_STATUS_INVALID`, or why the outcome is unknown.
        var code: String?
        /// The status the server reported last (after the accept or a re-read).
        var status: String?
        /// The correlation id of the accept's (last) attempt.
        var correlationId: String?
        /// The correlation id of the re-read that settled an unclear answer.
        var rereadCorrelationId: String?
        var user: String
    }

    var enterprise: String
    var environment: [String: String] = ProcessInfo.processInfo.environment

    func record(_ entry: AcceptJournalEntry) throws {
        do {
            try append(record(entry))
        } catch {
            Logger(label: "engage-triage.audit").error("the audit trail could not be written: \(error)")
            throw error
        }
    }

    /// The line for `entry`.
    func record(_ entry: AcceptJournalEntry, at time: Date = Date()) -> Record {
        let user = environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
        var record = Record(time: Timestamp.format(time), enterprise: enterprise, appointmentId: entry.appointmentId,
                            outcome: "unknown", user: user)
        switch entry {
        case .sent(_, let correlationId):
            record.outcome = "sent"
            record.correlationId = correlationId
        case .retried(_, let correlationId):
            record.outcome = "retried"
            record.code = "NOT_ACTED_ON"
            record.correlationId = correlationId
        case .abandoned(_, let correlationId):
            record.outcome = correlationId == nil ? "not-sent" : "unknown"
            record.code = "SESSION_ENDED"
            record.correlationId = correlationId
        case .finished(_, let correlationId, let outcome):
            record.correlationId = correlationId
            switch outcome {
            case .accepted(let response):
                record.outcome = "accepted"
                record.status = response.value.status.rawValue
            case .notSent(let error):
                record.outcome = "not-sent"
                record.code = error.code ?? error.kind.description
            case .rejected(let error, let current):
                record.outcome = "rejected"
                record.code = error.code ?? error.httpStatus.map { "HTTP \($0)" }
                record.status = current?.status.rawValue
            case .unknown(let error, let current):
                let reread = try? current.get()
                record.outcome = reread?.value.status == .accepted ? "accepted" : "unknown"
                record.code = error.code ?? error.kind.description
                record.status = reread?.value.status.rawValue
                record.rereadCorrelationId = reread?.correlationId
            }
        }
        return record
    }

    /// Appends the record and waits until it is on disk (fsync). Throws when it cannot be written.
    func append(_ record: Record) throws {
        let descriptor = try StateDirectory.openForAppending("audit.jsonl", environment: environment)
        defer { close(descriptor) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(record)
        line.append(0x0A)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
