import EngageAPI
import Foundation
import Logging
import TriageRuntime

/// The append-only audit trail of writes, `audit.jsonl` in the state directory: one JSON line
/// when an attempt is about to leave (`"outcome": "sent"`) and one with what became of it
/// (`accepted` — or `rescheduled`, `reassigned`, `noted` —, `rejected`, `unknown`, `not-sent`,
/// or `retried` for an attempt answered 401 or 429, which the server did not act on), with the
/// same correlation id; `action` says which write (`accept`, `reschedule`, `reassign`, `note`).
/// Each line is on disk (fsync) before the request leaves or the result is shown, so nothing is
/// lost if the session drops. No customer data: a note's text and a message for the customer
/// are never written, only the new time or colleague.
struct AuditLog: WriteJournal {
    static let fileName = "audit.jsonl"

    /// One line of the trail.
    struct Record: Codable, Equatable {
        var time: String
        var enterprise: String
        var appointmentId: String
        /// `accept`, `reschedule`, `reassign` or `note` (absent in lines written before there
        /// were other writes than accept).
        var action: String?
        /// `sent`, `retried`, `accepted`/`rescheduled`/`reassigned`/`noted`, `rejected`, `unknown` or `not-sent`.
        var outcome: String
        /// The time asked for (`start/end`, UTC) of a reschedule; the colleague (and office) of a
        /// reassignment.
        var change: String?
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
    var environment: [String: String] = ProcessEnvironment.current

    /// The trail cannot be written; a write is not sent without its line.
    struct Unwritable: Error, CustomStringConvertible {
        /// The file, or the folder that could not be made.
        var path: String
        /// What the system said, e.g. "File exists" (as `mkdir -p` says it).
        var reason: String
        var description: String { "the audit trail cannot be written (\(path): \(reason))" }
    }

    func record(_ entry: WriteJournalEntry) throws {
        do {
            try append(record(entry))
        } catch {
            let unwritable = unwritable(error)
            Logger(label: "engage-triage.audit").error("\(unwritable)")
            throw unwritable
        }
    }

    /// A failure to make the folder (which names the path) or to write the file, in the system's words.
    private func unwritable(_ error: any Error) -> Unwritable {
        let file = StateDirectory.url(environment: environment).appendingPathComponent(Self.fileName).path
        let cocoa = error as? CocoaError
        guard let posix = error as? POSIXError ?? cocoa?.userInfo["NSUnderlyingError"] as? POSIXError else {
            return Unwritable(path: file, reason: "\(error)")
        }
        return Unwritable(path: cocoa?.userInfo["NSFilePath"] as? String ?? file, reason: String(cString: strerror(posix.code.rawValue)))
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The line for `entry`.
    func record(_ entry: WriteJournalEntry, at time: Date = Date()) -> Record {
        let user = environment["USER"] ?? environment["LOGNAME"] ?? UserAccount.name
        var record = Record(time: Timestamp.format(time), enterprise: enterprise, appointmentId: entry.appointmentId,
                            action: entry.write.kind.rawValue, outcome: "unknown", change: Self.change(entry.write), user: user)
        let done = Self.done[entry.write.kind] ?? "done"
        switch entry.event {
        case .sent(let correlationId):
            record.outcome = "sent"
            record.correlationId = correlationId
        case .retried(let correlationId):
            record.outcome = "retried"
            record.code = "NOT_ACTED_ON"
            record.correlationId = correlationId
        case .abandoned(let correlationId):
            record.outcome = correlationId == nil ? "not-sent" : "unknown"
            record.code = "SESSION_ENDED"
            record.correlationId = correlationId
        case .finished(let correlationId, let outcome):
            record.correlationId = correlationId
            switch outcome {
            case .done(let response):
                record.outcome = done
                record.status = response.value.status.rawValue
            case .confirmed(let error, let reread):
                record.outcome = done
                record.code = error.code ?? error.kind.description
                record.status = reread.value.status.rawValue
                record.rereadCorrelationId = reread.correlationId
            case .notSent(let error):
                record.outcome = "not-sent"
                record.code = error.code ?? error.kind.description
            case .rejected(let error, let current):
                record.outcome = "rejected"
                record.code = error.code ?? error.httpStatus.map { "HTTP \($0)" }
                record.status = current?.status.rawValue
            case .unknown(let error, let current):
                let reread = try? current.get()
                record.outcome = "unknown"
                record.code = error.code ?? error.kind.description
                record.status = reread?.value.status.rawValue
                record.rereadCorrelationId = reread?.correlationId
            }
        }
        return record
    }

    /// The outcome word of a write that was done.
    private static let done: [AppointmentWrite.Kind: String] = [
        .accept: "accepted", .reschedule: "rescheduled", .reassign: "reassigned", .note: "noted",
    ]

    /// What the write changes, without customer data (not a note's text, not a message).
    private static func change(_ write: AppointmentWrite) -> String? {
        switch write {
        case .accept, .internalNotes: nil
        case .reschedule(let request): "\(Timestamp.format(request.start))/\(Timestamp.format(request.end))"
        case .reassign(let request):
            ["employee \(request.primaryEmployeeId ?? "unchanged")", request.officeId.map { "office \($0)" }]
                .compactMap { $0 }.joined(separator: " · ")
        }
    }

    /// Appends the record and waits until it is on disk (fsync). Throws when it cannot be written.
    func append(_ record: Record) throws {
        let descriptor = try StateDirectory.openForAppending(Self.fileName, environment: environment)
        defer { close(descriptor) }
        var line = try Self.encoder().encode(record)
        line.append(0x0A)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
