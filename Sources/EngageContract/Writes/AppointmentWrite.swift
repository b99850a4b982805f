import Foundation

/// A change the back office makes to one request: accept it, give it another time, hand it to
/// another office or colleague, or change its internal notes. None is idempotent, so every one
/// goes the same careful way (journaled, sent once, re-read when the answer is lost).
public enum AppointmentWrite: Hashable, Sendable {
    case accept
    case reschedule(RescheduleRequest)
    case reassign(ReassignRequest)
    case internalNotes(InternalNotesUpdate)

    /// A write without its payload: what the audit trail, the banners and the row's spinner name.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case accept, reschedule, reassign, note

        /// "Accepted", "Rescheduled", "Reassigned", "Note saved": the first word of a success.
        public var done: String {
            switch self {
            case .accept: "Accepted"
            case .reschedule: "Rescheduled"
            case .reassign: "Reassigned"
            case .note: "Note saved"
            }
        }

        /// "the accept", "the reschedule", …: what a sentence about it calls it.
        public var noun: String {
            switch self {
            case .accept: "the accept"
            case .reschedule: "the reschedule"
            case .reassign: "the reassignment"
            case .note: "the note"
            }
        }

        /// "not accepted", "not rescheduled", …: a refusal's first words.
        public var refused: String {
            switch self {
            case .accept: "not accepted"
            case .reschedule: "not rescheduled"
            case .reassign: "not reassigned"
            case .note: "note not saved"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .accept: .accept
        case .reschedule: .reschedule
        case .reassign: .reassign
        case .internalNotes: .note
        }
    }

    /// Whether `appointment` shows this write done: how a 200 is checked, and how a re-read after
    /// a lost answer tells whether it happened.
    public func isDone(in appointment: Appointment) -> Bool {
        switch self {
        case .accept:
            return appointment.status == .accepted
        case .reschedule(let request):
            guard let start = appointment.start, let end = appointment.end else { return false }
            return abs(start.timeIntervalSince(request.start)) < 1 && abs(end.timeIntervalSince(request.end)) < 1
        case .reassign(let request):
            let employee = request.primaryEmployeeId.map { $0 == appointment.primaryEmployee?.participant.id } ?? true
            let office = request.officeId.map { $0 == appointment.office.id } ?? true
            return employee && office
        case .internalNotes(let update):
            return (appointment.internalNotes ?? "") == (update.internalNotes ?? "")
        }
    }
}
