import EngageAPI
import Foundation
import Synchronization

/// The in-memory tenant behind the sandbox: its appointments and the real state rules.
/// State persists for the life of the server; every method is safe to call from any thread.
public final class SandboxTenant: Sendable {
    /// What became of an accept.
    public enum AcceptResult: Sendable, Equatable {
        case accepted(Appointment)
        case notFound
        /// The appointment exists but is not INCOMING_REQUEST.
        case statusInvalid(current: AppointmentStatus)
    }

    private struct Storage {
        var appointments: [Appointment]
        var positions: [String: Int]
        /// The positions matching the last query, until the data changes: paging through a large
        /// tenant filters it once instead of once per page.
        var lastMatch: (query: AppointmentQuery, positions: [Int])?
    }

    /// Who the sandbox records as having accepted (the API client acting for the token).
    public static let apiClientReference = Reference(id: "sandbox-api-client")

    private let storage: Mutex<Storage>
    private let now: @Sendable () -> Date

    public init(appointments: [Appointment], now: @escaping @Sendable () -> Date = { Date() }) {
        let positions = Dictionary(appointments.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        storage = Mutex(Storage(appointments: appointments, positions: positions, lastMatch: nil))
        self.now = now
    }

    /// One page of the appointments matching `query`, in tenant order, and how many match in all.
    public func page(matching query: AppointmentQuery, offset: Int, limit: Int) -> (items: [Appointment], total: Int) {
        storage.withLock { storage in
            let matching: [Int]
            if let lastMatch = storage.lastMatch, lastMatch.query == query {
                matching = lastMatch.positions
            } else {
                matching = storage.appointments.indices.filter { query.matches(storage.appointments[$0]) }
                storage.lastMatch = (query, matching)
            }
            let start = min(max(0, offset), matching.count)
            let slice = matching[start..<min(matching.count, start + max(0, limit))]
            return (slice.map { storage.appointments[$0] }, matching.count)
        }
    }

    public func appointment(id: String) -> Appointment? {
        storage.withLock { storage in storage.positions[id].map { storage.appointments[$0] } }
    }

    /// Moves an INCOMING_REQUEST to ACCEPTED, recording who and when; refuses any other status.
    public func accept(id: String) -> AcceptResult {
        let timestamp = now()
        return storage.withLock { storage in
            guard let position = storage.positions[id] else { return .notFound }
            var appointment = storage.appointments[position]
            guard appointment.status == .incomingRequest else { return .statusInvalid(current: appointment.status) }
            appointment.status = .accepted
            appointment.updatedAt = timestamp
            appointment.updatedBy = Self.apiClientReference
            appointment.updatedByType = .other
            appointment.updatedFrom = .other
            storage.appointments[position] = appointment
            storage.lastMatch = nil
            return .accepted(appointment)
        }
    }

    /// Adds a new request at the end (a customer booked while the sandbox runs); `false` when
    /// its id is taken.
    @discardableResult
    public func add(_ appointment: Appointment) -> Bool {
        storage.withLock { storage in
            guard storage.positions[appointment.id] == nil else { return false }
            storage.positions[appointment.id] = storage.appointments.count
            storage.appointments.append(appointment)
            storage.lastMatch = nil
            return true
        }
    }

    /// The oldest pending request, accepted by a colleague in the back office (not by the API
    /// client): what a second user does while the screen is open.
    @discardableResult
    public func acceptOldestPendingAsColleague(employee: Reference = Reference(id: "7001")) -> Appointment? {
        let timestamp = now()
        return storage.withLock { storage in
            guard let position = storage.appointments.firstIndex(where: { $0.status == .incomingRequest }) else { return nil }
            storage.appointments[position].status = .accepted
            storage.appointments[position].updatedAt = timestamp
            storage.appointments[position].updatedBy = employee
            storage.appointments[position].updatedByType = .employee
            storage.appointments[position].updatedFrom = .backofficeApp
            storage.lastMatch = nil
            return storage.appointments[position]
        }
    }

    /// Changes one appointment in place (for tests and scripted demos); `false` for an unknown id.
    @discardableResult
    public func update(id: String, _ change: (inout Appointment) -> Void) -> Bool {
        storage.withLock { storage in
            guard let position = storage.positions[id] else { return false }
            change(&storage.appointments[position])
            storage.lastMatch = nil
            return true
        }
    }

    /// Runs `change` on one appointment with every appointment in view (to check its rules
    /// against the others), in one step; nil for an unknown id. `change` returns whether it
    /// changed anything.
    func change<Result>(id: String, _ change: (inout Appointment, _ all: [Appointment]) -> (Result, changed: Bool)) -> Result? {
        storage.withLock { storage in
            guard let position = storage.positions[id] else { return nil }
            var appointment = storage.appointments[position]
            let (result, changed) = change(&appointment, storage.appointments)
            guard changed else { return result }
            storage.appointments[position] = appointment
            storage.lastMatch = nil
            return result
        }
    }

    /// Records that the API client changed `appointment` now.
    func stamp(_ appointment: inout Appointment) {
        appointment.updatedAt = now()
        appointment.updatedBy = Self.apiClientReference
        appointment.updatedByType = .other
        appointment.updatedFrom = .other
    }

    /// Every appointment, in tenant order.
    public var appointments: [Appointment] { storage.withLock { $0.appointments } }
}

extension AppointmentQuery {
    /// Whether `appointment` passes every filter of the query (the server side of the filters).
    func matches(_ appointment: Appointment) -> Bool {
        func passes(_ values: [String], _ value: String?) -> Bool { values.isEmpty || value.map(values.contains) == true }
        func passesAny(_ values: [String], _ candidates: [String]) -> Bool {
            values.isEmpty || candidates.contains(where: values.contains)
        }
        let participants = appointment.appointmentParticipants
        return passes(statuses.map(\.rawValue), appointment.status.rawValue)
            && passes(meetingTypes.map(\.rawValue), appointment.meetingType.rawValue)
            && passes(ids, appointment.id)
            && passes(externalIds, appointment.externalId)
            && passes(officeIds, appointment.office.id)
            && passes(subjectIds, appointment.subject.id)
            && passesAny(customerIds, participants.filter { $0.type == .customer }.map(\.participant.id))
            && passesAny(employeeIds, participants.filter { $0.type == .employee }.map(\.participant.id))
            && (from.map { start in appointment.start.map { $0 >= start } ?? false } ?? true)
            && (to.map { end in appointment.end.map { $0 <= end } ?? false } ?? true)
    }
}
