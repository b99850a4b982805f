import EngageAPI
import Foundation
import Testing
import TriageRuntime
@testable import engage_triage

/// The audit line of every outcome of every write: which write, what it changed (never a note's
/// text or a message for the customer), the outcome word, the codes and correlation ids.
@Suite("Audit lines", .timeLimit(.minutes(1)))
struct AuditLogTests {
    private let log = AuditLog(enterprise: "acme", environment: ["USER": "anna"])
    private let time = Date(timeIntervalSince1970: 1_795_564_800)

    private func appointment(_ status: AppointmentStatus = .incomingRequest) -> Appointment {
        Appointment(id: "1001", start: nil, end: nil, subject: "306", office: "12", appointmentParticipants: [], meetingType: .office,
                    status: status, createdAt: time, createdBy: nil, createdByType: .customer, createdFrom: .plugin, updatedAt: time,
                    updatedBy: nil, updatedByType: .customer, updatedFrom: .plugin)
    }

    private func line(_ write: AppointmentWrite, _ event: WriteJournalEntry.Event) -> AuditLog.Record {
        log.record(WriteJournalEntry(appointmentId: "1001", write: write, event: event), at: time)
    }

    @Test func everyOutcomeOfEveryWriteHasItsWord() {
        let reschedule = AppointmentWrite.reschedule(RescheduleRequest(
            start: time, end: time.addingTimeInterval(2_700), messageForCustomer: "private words for the customer"))
        let note = AppointmentWrite.internalNotes(InternalNotesUpdate(internalNotes: "Called Amélie Dubois at home"))
        let reassign = AppointmentWrite.reassign(ReassignRequest(officeId: "14", primaryEmployeeId: "7002"))
        let done = EngageResponse(value: appointment(), correlationId: "c-1")
        let lost = EngageError(kind: .timeout, correlationId: "c-1")
        let busy = EngageError(kind: .businessRule, httpStatus: 422, serverErrors: [
            ServerError(message: "busy", code: "APPOINTMENT_NO_AVAILABILITY", type: "BUSINESS", statusCode: "422"),
        ])
        let cases: [(AppointmentWrite, WriteJournalEntry.Event, String, String?)] = [
            (reschedule, .sent(correlationId: "c-1"), "sent", nil),
            (reschedule, .finished(correlationId: "c-1", .done(done)), "rescheduled", nil),
            (reschedule, .finished(correlationId: "c-1", .rejected(busy, current: nil)), "rejected", "APPOINTMENT_NO_AVAILABILITY"),
            (reassign, .finished(correlationId: "c-1", .confirmed(lost, EngageResponse(value: appointment(), correlationId: "c-2"))),
             "reassigned", "timeout"),
            (reassign, .finished(correlationId: "c-1", .unknown(lost, current: .failure(lost))), "unknown", "timeout"),
            (note, .finished(correlationId: "c-1", .done(done)), "noted", nil),
            (note, .finished(correlationId: nil, .notSent(EngageError(kind: .transport))), "not-sent", "transport"),
            (note, .retried(correlationId: "c-0"), "retried", "NOT_ACTED_ON"),
            (note, .abandoned(correlationId: "c-1"), "unknown", "SESSION_ENDED"),
            (.accept, .finished(correlationId: "c-1", .done(EngageResponse(value: appointment(.accepted), correlationId: "c-1"))),
             "accepted", nil),
        ]
        for (write, event, outcome, code) in cases {
            let record = line(write, event)
            #expect(record.outcome == outcome && record.code == code, "\(write.kind) \(event): \(record)")
            #expect(record.action == write.kind.rawValue && record.user == "anna" && record.appointmentId == "1001")
        }
        #expect(line(reschedule, .sent(correlationId: "c-1")).change == "2026-11-25T00:00:00.000Z/2026-11-25T00:45:00.000Z")
        #expect(line(reassign, .sent(correlationId: "c-1")).change == "employee 7002 · office 14")
        #expect(line(reassign, .finished(correlationId: "c-1", .confirmed(lost, done))).rereadCorrelationId == "c-1")
        #expect(line(note, .sent(correlationId: "c-1")).change == nil && line(.accept, .sent(correlationId: "c-1")).change == nil)
        let everything = cases.map { String(describing: line($0.0, $0.1)) }.joined()
        #expect(!everything.contains("private words") && !everything.contains("Amélie"), "no customer data in the trail")
    }
}
