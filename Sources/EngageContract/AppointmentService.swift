/// What the app needs from an Engage tenant: pages of appointments, one appointment, the writes.
///
/// `EngageClient` is the real one; the runtime wraps it in a request budget, and tests script
/// their own, so everything above the network is tested without one.
public protocol AppointmentService: Sendable {
    /// The `limit` of each list request.
    var pageSize: Int { get }

    /// `GET /appointments` for one page.
    func appointmentPage(matching query: AppointmentQuery, offset: Int, limit: Int) async throws(EngageError) -> AppointmentPage

    /// `GET /appointments/{id}`.
    func appointment(id: String) async throws(EngageError) -> EngageResponse<Appointment>

    /// Sends one write (`POST …/_actions/accept`, `…/reschedule`, `…/reassign`, `PATCH
    /// /appointments/{id}`) and returns the appointment the server answers with. `willSend` is
    /// called with the correlation id of each attempt before it leaves, possibly on another
    /// thread while the attempt's connection is set up; the attempt leaves only once it has
    /// returned, and `perform` returns only after it has (an attempt is repeated only where the
    /// server said it did nothing: a 401 with a token that can be refreshed, a 429). When
    /// `willSend` throws, that attempt is not sent and its error is thrown, described, as
    /// `.invalidConfiguration`. Use `performReconciling` to know what became of a write.
    func perform(_ write: AppointmentWrite, on id: String, willSend: @escaping @Sendable (String) throws -> Void)
        async throws(EngageError) -> EngageResponse<Appointment>
}

extension AppointmentService {
    /// The first page, or the page at `offset`, of `pageSize` appointments.
    public func appointmentPage(matching query: AppointmentQuery, offset: Int = 0) async throws(EngageError) -> AppointmentPage {
        try await appointmentPage(matching: query, offset: offset, limit: pageSize)
    }

    /// An accept whose attempts nobody journals.
    public func accept(id: String) async throws(EngageError) -> EngageResponse<Appointment> {
        try await perform(.accept, on: id, willSend: { _ in })
    }
}
