import EngageAPI
import Foundation

/// Reschedule, reassign and the internal notes, with the documented refusals and a believable
/// availability. Where the API's documentation is silent the sandbox assumes (and the README's
/// sandbox section says): reschedule and reassign are allowed for INCOMING_REQUEST and ACCEPTED
/// requests and leave the status as it was; offices are open Monday to Friday 08:00–18:00 UTC;
/// every employee is busy 12:00–13:00 UTC and during the other pending or accepted requests they
/// take part in.
extension SandboxTenant {
    /// What became of a change.
    public enum ChangeResult: Sendable, Equatable {
        case changed(Appointment)
        case notFound
        /// A 422 with this code (and the message the server gives).
        case refused(code: String, message: String)
        /// A 404 for something the request names (an office).
        case unknown(String)
    }

    /// The statuses reschedule and reassign are allowed in (an assumption: the docs do not say).
    public static let changeableStatuses: [AppointmentStatus] = [.incomingRequest, .accepted]

    /// `POST …/_actions/reschedule`: the new time, when the primary employee is free then.
    public func reschedule(id: String, start: Date, end: Date, messageForCustomer: String?) -> ChangeResult {
        change(id: id) { appointment, all -> (ChangeResult, changed: Bool) in
            if let refusal = Self.statusRefusal(appointment) { return (refusal, false) }
            guard start < end else {
                return (.refused(code: "APPOINTMENT_START_AFTER_END", message: "The start must be before the end."), false)
            }
            let employee = appointment.appointmentParticipants.first { $0.type == .employee && $0.role == .primary }?.participant.id
            guard SandboxAvailability.isFree(employee: employee, from: start, to: end, besides: appointment.id, in: all) else {
                return (.refused(code: "APPOINTMENT_NO_AVAILABILITY",
                                 message: "No employee is available in the requested time slot."), false)
            }
            appointment.start = start
            appointment.end = end
            if let messageForCustomer { appointment.messageForCustomer = messageForCustomer }
            stamp(&appointment)
            return (.changed(appointment), true)
        } ?? .notFound
    }

    /// `POST …/_actions/reassign`: another office and primary employee (an active one, not
    /// already taking part).
    public func reassign(id: String, officeId: String?, employeeId: String?) -> ChangeResult {
        if let officeId, SandboxDirectory.office(id: officeId, languages: [.en]) == nil {
            return .unknown("Office '\(officeId)' not found")
        }
        return change(id: id) { appointment, _ -> (ChangeResult, changed: Bool) in
            if let refusal = Self.statusRefusal(appointment) { return (refusal, false) }
            guard appointment.appointmentParticipants.contains(where: { $0.type == .customer && $0.role == .primary }) else {
                return (.refused(code: "APPOINTMENT_PRIMARY_CUSTOMER_MISSING", message: "The appointment has no primary customer."), false)
            }
            guard let employeeId, SandboxDirectory.employee(id: employeeId, languages: [.en])?.status == .active else {
                return (.refused(code: "APPOINTMENT_PRIMARY_EMPLOYEE_MISSING",
                                 message: "A primary employee who is active is required."), false)
            }
            guard !appointment.appointmentParticipants.contains(where: { $0.type == .employee && $0.participant.id == employeeId }) else {
                return (.refused(code: "APPOINTMENT_PARTICIPANTS_NOT_UNIQUE",
                                 message: "The employee already takes part in the appointment."), false)
            }
            appointment.appointmentParticipants.removeAll { $0.type == .employee && $0.role == .primary }
            appointment.appointmentParticipants.append(AppointmentParticipant(
                role: .primary, participant: Reference(id: employeeId), type: .employee))
            if let officeId { appointment.office = Reference(id: officeId) }
            stamp(&appointment)
            return (.changed(appointment), true)
        } ?? .notFound
    }

    /// `PATCH /appointments/{id}` with `internalNotes`: any status (a note is not a change of plan).
    public func setInternalNotes(id: String, _ notes: String?) -> ChangeResult {
        change(id: id) { appointment, _ -> (ChangeResult, changed: Bool) in
            appointment.internalNotes = notes
            stamp(&appointment)
            return (.changed(appointment), true)
        } ?? .notFound
    }

    private static func statusRefusal(_ appointment: Appointment) -> ChangeResult? {
        guard !changeableStatuses.contains(appointment.status) else { return nil }
        return .refused(code: "APPOINTMENT_STATUS_INVALID",
                        message: "The operation cannot be performed on the appointment because the appointment status "
                            + "(\(appointment.status)) does not allow it.")
    }
}
