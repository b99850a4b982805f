import EngageAPI
import Foundation

/// The append-only audit trail of accepts, `audit.jsonl` in the state directory: one JSON line per
/// accept attempt (time, enterprise, appointment, outcome, server code, correlation id, local user),
/// written and flushed to disk before the result is shown, so nothing is lost if the session drops.
struct AuditLog {
    /// One line of the trail.
    struct Record: Codable, Equatable {
        var time: String
        var enterprise: String
        var appointmentId: String
        /// `accepted`, `rejected` or `unknown`.
        var outcome: String
        /// The server's code of a refusal, e.g. `APPOINTMENT_STATUS_INVALID`.
        var code: String?
        /// The status the server reported last (after the accept or a re-read).
        var status: String?
        var correlationId: String?
        var user: String
    }

    var enterprise: String
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The record for `outcome` of accepting `id`.
    func record(_ outcome: AcceptOutcome, id: String, at time: Date = Date()) -> Record {
        let user = environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
        var record = Record(time: Timestamp.format(time), enterprise: enterprise, appointmentId: id, outcome: "unknown",
                            user: user)
        switch outcome {
        case .accepted(let response):
            record.outcome = "accepted"
            record.status = response.value.status.rawValue
            record.correlationId = response.correlationId
        case .rejected(let error, let current):
            record.outcome = "rejected"
            record.code = error.code ?? error.httpStatus.map { "HTTP \($0)" }
            record.status = current?.status.rawValue
            record.correlationId = error.correlationId
        case .unknown(let error, let current):
            record.code = error.code ?? error.kind.description
            record.status = try? current.get().value.status.rawValue
            record.correlationId = error.correlationId
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
