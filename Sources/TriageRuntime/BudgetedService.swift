import EngageContract

/// An `AppointmentService` whose every request takes a slot of one `RequestBudget` (accepts first
/// in line) and whose 429 answers are waited out and retried, the slot given back meanwhile.
/// The runtime and the commands talk to the tenant through it.
public struct BudgetedService: TenantService {
    public let base: any TenantService
    public let budget: RequestBudget
    /// How 429s are waited out (`RetryPolicy.rateLimits`).
    public var rateLimit: RetryPolicy
    /// How the wait is slept (tests pass a recording one).
    var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }

    public init(_ base: any TenantService, budget: RequestBudget, rateLimit: RetryPolicy = .rateLimits) {
        self.base = base
        self.budget = budget
        self.rateLimit = rateLimit
    }

    init(_ base: any TenantService, budget: RequestBudget, rateLimit: RetryPolicy,
         sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.init(base, budget: budget, rateLimit: rateLimit)
        self.sleep = sleep
    }

    public var pageSize: Int { base.pageSize }

    public func appointmentPage(matching query: AppointmentQuery, offset: Int, limit: Int) async throws(EngageError) -> AppointmentPage {
        try await withSlot(.read) { () async throws(EngageError) in
            try await base.appointmentPage(matching: query, offset: offset, limit: limit)
        }
    }

    public func appointment(id: String) async throws(EngageError) -> EngageResponse<Appointment> {
        try await withSlot(.read) { () async throws(EngageError) in try await base.appointment(id: id) }
    }

    public func perform(_ write: AppointmentWrite, on id: String, willSend: @escaping @Sendable (String) throws -> Void)
        async throws(EngageError) -> EngageResponse<Appointment>
    {
        try await withSlot(.action) { () async throws(EngageError) in try await base.perform(write, on: id, willSend: willSend) }
    }

    /// Names of rows on screen come before pages; the others after them. Cancelling works while
    /// the request waits for its slot; once sent it runs to its answer (each name is asked for
    /// once a session, so what the server did is kept).
    public func names(for request: NameRequest) async throws(EngageError) -> [String: Name] {
        try await withSlot(request.isVisible ? .visible : .background) { () async throws(EngageError) in
            let base = base
            let answer = await Task { () async -> Result<[String: Name], EngageError> in
                do throws(EngageError) {
                    return .success(try await base.names(for: request))
                } catch {
                    return .failure(error)
                }
            }.value
            return try answer.get()
        }
    }

    public func colleagues() async throws(EngageError) -> [Employee] {
        try await withSlot(.visible) { () async throws(EngageError) in try await base.colleagues() }
    }

    private func withSlot<Value>(
        _ priority: RequestBudget.Priority, _ request: () async throws(EngageError) -> Value
    ) async throws(EngageError) -> Value {
        var attempt = 1
        while true {
            do {
                try await budget.acquire(priority)
            } catch {
                throw EngageError(kind: .cancelled)
            }
            let result: Result<Value, EngageError>
            do throws(EngageError) {
                result = .success(try await request())
            } catch {
                result = .failure(error)
            }
            budget.release()
            switch result {
            case .success(let value):
                return value
            case .failure(let error) where error.kind == .rateLimited && attempt < rateLimit.maxAttempts:
                do {
                    try await sleep(rateLimit.rateLimitDelay(retryAfter: error.retryAfter, attempt: attempt))
                } catch {
                    throw EngageError(kind: .cancelled)
                }
                attempt += 1
            case .failure(let error):
                throw error
            }
        }
    }
}
