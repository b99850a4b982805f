import EngageAPI
import EngageSandbox
import Foundation
import Testing
import TriageCore

/// A deterministic app state for the reducer and screen tests: the sandbox's seeded tenant
/// (seed 1, reference day 2026-11-25), its pending requests loaded in pages of 25, times in UTC.
enum TriageFixture {
    static let referenceDate = Date(timeIntervalSince1970: 1_795_564_800)  // 2026-11-25T00:00:00Z

    static let tenant = SandboxSeeder(seed: 1, count: 60, referenceDate: referenceDate).appointments()

    static var pending: [Appointment] { tenant.filter { $0.status == .incomingRequest } }

    /// The options of most tests: in the server's order (the fixture's ids ascending), so a test
    /// of another behaviour can name rows by position; the sort tests pick their own order.
    static func options(confirm: Bool = true, readOnly: Bool = false, sortOrder: TriageCore.SortOrder = TriageCore.SortOrder(.server),
                        refreshSeconds: Int = 60) -> AppOptions {
        AppOptions(tenantName: "acme", confirmBeforeAccept: confirm, readOnly: readOnly, preferredLanguage: .en,
                   timeZone: .utc, sortOrder: sortOrder, refreshSeconds: refreshSeconds)
    }

    /// The pages of `appointments` as the client hands them over.
    static func pages(_ appointments: [Appointment], size: Int = 25) -> [AppointmentPage] {
        stride(from: 0, to: appointments.count, by: size).map { offset in
            AppointmentPage(
                appointments: Array(appointments[offset..<min(appointments.count, offset + size)]),
                meta: PageMeta(offset: offset, limit: size, totalCount: appointments.count),
                correlationId: "page-\(offset)")
        }
    }

    /// The fixture's "now": 09:30 UTC on the reference day, so waiting times and "today" hold.
    static let now = referenceDate.addingTimeInterval(9.5 * 3_600)

    /// An empty state whose clock stands at `now`.
    static func state(options: AppOptions = options(), size: Size) -> AppState {
        var state = AppState(options: options, size: size)
        state.clock = SessionClock { now }
        return state
    }

    /// A state with every pending request loaded, and (unless `names` is false) every name the
    /// reducer asked for answered from the sandbox's directory.
    static func loaded(_ size: Size, options: AppOptions = options(), names: Bool = true) -> AppState {
        var state = state(options: options, size: size)
        _ = Reducer.reduce(&state, .start)
        let effects = reload(&state, with: pending)
        if names { answerNames(&state, effects) }
        return state
    }

    /// Answers every name request among `effects`, and those the answers lead to, from the
    /// sandbox's directory; returns the requests answered, in order.
    @discardableResult
    static func answerNames(_ state: inout AppState, _ effects: [Effect]) -> [NameRequest] {
        var queue = effects.compactMap(nameRequest)
        var answered: [NameRequest] = []
        while !queue.isEmpty {
            let request = queue.removeFirst()
            answered.append(request)
            let names = SandboxDirectory.names(for: request, sessionLanguage: state.options.preferredLanguage)
            queue += Reducer.reduce(&state, .namesResolved(request, .success(names))).compactMap(nameRequest)
        }
        return answered
    }

    static func nameRequest(_ effect: Effect) -> NameRequest? {
        if case .resolveNames(let request) = effect { request } else { nil }
    }

    /// Presses keys in order, returning every effect they asked for.
    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { Reducer.reduce(&state, .key($0)) }
    }

    /// Selects the row of the appointment with `id`.
    static func select(_ state: inout AppState, id: String) throws {
        let index = try #require(ids(state).firstIndex(of: id))
        press(&state, .home)
        for _ in 0..<index { press(&state, .down) }
    }

    /// The ids of the list as shown, in order.
    static func ids(_ state: AppState) -> [String] {
        (0..<state.view.count).map { state.row(at: $0).id }
    }

    /// Merges the pages of `appointments` into `state` for the current load and finishes it;
    /// returns the effects asked for meanwhile (names).
    @discardableResult
    static func reload(_ state: inout AppState, with appointments: [Appointment], pageSize: Int = 25) -> [Effect] {
        var effects: [Effect] = []
        for page in pages(appointments, size: pageSize) {
            effects += Reducer.reduce(&state, .pageLoaded(generation: state.generation, page))
        }
        return effects + Reducer.reduce(&state, .loadFinished(generation: state.generation, isComplete: true))
    }

    static func accepted(_ appointment: Appointment) -> Appointment {
        var copy = appointment
        copy.status = .accepted
        copy.updatedAt = referenceDate
        copy.updatedBy = "sandbox-api-client"
        return copy
    }

    static let statusInvalid = EngageError(
        kind: .businessRule, httpStatus: 422,
        serverErrors: [ServerError(message: "status does not allow it", code: "APPOINTMENT_STATUS_INVALID",
                                   type: "BUSINESS_VALIDATION_ERROR", statusCode: "422",
                                   arguments: ["allowedStates": .array([.string("INCOMING_REQUEST")])])],
        correlationId: "8c1e2f3a-0000-4000-8000-000000000001")
}
