import EngageContract
import Foundation
import Synchronization
import TriageRuntime

/// A tenant in memory for the runtime's tests: pending requests that can be accepted, a
/// latency per call, scripted errors, names for every id ("subject 300"), and a count of the
/// calls in flight at once.
final class ScriptedService: TenantService {
    struct State {
        var pending: [Appointment]
        var accepted: Set<String> = []
        var acceptScript: [EngageError?] = []
        var inFlight = 0
        var peakInFlight = 0
        var calls: [String] = []
        var acceptAttempts: [String: Int] = [:]
        /// Kinds whose name requests fail with this error.
        var nameErrors: [NameKind: EngageError] = [:]
        var nameRequests: [NameRequest] = []
    }

    let pageSize: Int
    let latency: Duration
    let state: Mutex<State>

    init(pending count: Int, pageSize: Int = 10, latency: Duration = .milliseconds(5)) {
        self.pageSize = pageSize
        self.latency = latency
        state = Mutex(State(pending: (0..<count).map { Self.request(String(1_000 + $0)) }))
    }

    static func request(_ id: String, status: AppointmentStatus = .incomingRequest) -> Appointment {
        Appointment(
            id: id, start: nil, end: nil, subject: "300", office: "10", appointmentParticipants: [],
            meetingType: .office, status: status, createdAt: Date(timeIntervalSince1970: 0), createdBy: nil,
            createdByType: .customer, createdFrom: .plugin, updatedAt: Date(timeIntervalSince1970: Double(status == .accepted ? 2 : 1)),
            updatedBy: nil, updatedByType: .customer, updatedFrom: .plugin)
    }

    var peakInFlight: Int { state.withLock { $0.peakInFlight } }
    var calls: [String] { state.withLock { $0.calls } }

    func script(accept errors: [EngageError?]) { state.withLock { $0.acceptScript += errors } }
    func failNames(of kind: NameKind, with error: EngageError) { state.withLock { $0.nameErrors[kind] = error } }
    var nameRequests: [NameRequest] { state.withLock { $0.nameRequests } }

    private func enter(_ call: String) async throws(EngageError) {
        state.withLock {
            $0.inFlight += 1
            $0.peakInFlight = max($0.peakInFlight, $0.inFlight)
            $0.calls.append(call)
        }
        do {
            try await Task.sleep(for: latency)
        } catch {
            leave()
            throw EngageError(kind: .cancelled)
        }
    }

    private func leave() { state.withLock { $0.inFlight -= 1 } }

    func appointmentPage(matching query: AppointmentQuery, offset: Int, limit: Int) async throws(EngageError) -> AppointmentPage {
        try await enter("page \(offset)")
        defer { leave() }
        return state.withLock { state in
            let rows = Array(state.pending.dropFirst(offset).prefix(limit))
            return AppointmentPage(appointments: rows, meta: PageMeta(offset: offset, limit: limit, totalCount: state.pending.count),
                                   correlationId: UUID().uuidString)
        }
    }

    func appointment(id: String) async throws(EngageError) -> EngageResponse<Appointment> {
        try await enter("read \(id)")
        defer { leave() }
        let accepted = state.withLock { $0.accepted.contains(id) }
        return EngageResponse(value: Self.request(id, status: accepted ? .accepted : .incomingRequest), correlationId: UUID().uuidString)
    }

    /// An accept moves the request to ACCEPTED; the other writes come back applied to it (a
    /// reschedule's times, a note) and are counted as accept attempts are. Scripted errors
    /// answer any write.
    func perform(_ write: AppointmentWrite, on id: String, willSend: @escaping @Sendable (String) throws -> Void)
        async throws(EngageError) -> EngageResponse<Appointment>
    {
        let correlationId = UUID().uuidString.lowercased()
        do {
            try willSend(correlationId)
        } catch {
            throw EngageError(kind: .invalidConfiguration, detail: "\(error)")
        }
        try await enter("\(write.kind.rawValue) \(id)")
        defer { leave() }
        let scripted: EngageError?? = state.withLock { state in
            state.acceptAttempts[id, default: 0] += 1
            return state.acceptScript.isEmpty ? nil : state.acceptScript.removeFirst()
        }
        if case let error?? = scripted {
            var error = error
            error.correlationId = correlationId
            throw error
        }
        var changed = Self.request(id)
        switch write {
        case .accept:
            state.withLock { state in
                state.accepted.insert(id)
                state.pending.removeAll { $0.id == id }
            }
            changed = Self.request(id, status: .accepted)
        case .reschedule(let request):
            (changed.start, changed.end) = (request.start, request.end)
        case .internalNotes(let update):
            changed.internalNotes = update.internalNotes
        case .reassign:
            break
        }
        changed.updatedAt = Date(timeIntervalSince1970: 3)
        return EngageResponse(value: changed, correlationId: correlationId)
    }
}

extension ScriptedService {
    func names(for request: NameRequest) async throws(EngageError) -> [String: Name] {
        try await enter("names \(request.kind.rawValue) \(request.ids.joined(separator: ","))")
        defer { leave() }
        let error = state.withLock { state in
            state.nameRequests.append(request)
            return state.nameErrors[request.kind]
        }
        if let error { throw error }
        return Dictionary(uniqueKeysWithValues: request.ids.map { ($0, Name("\(request.kind.rawValue) \($0)")) })
    }
}

extension ScriptedService {
    /// Three colleagues, 7001 to 7003, each in office 10.
    func colleagues() async throws(EngageError) -> [Employee] {
        try await enter("colleagues")
        defer { leave() }
        return (7_001...7_003).map { Employee(id: String($0), firstName: "Colleague", lastName: String($0),
                                              officeRelations: [OfficeRelation(officeId: "10")]) }
    }
}

/// A journal in memory.
final class MemoryJournal: WriteJournal {
    let entries = Mutex<[WriteJournalEntry]>([])
    func record(_ entry: WriteJournalEntry) throws { entries.withLock { $0.append(entry) } }
    var all: [WriteJournalEntry] { entries.withLock { $0 } }
}
