/// The changes besides accept that the back office makes to a request: another time, another
/// office or advisor, the internal notes. None is idempotent: each is sent once (again only
/// where the server said it did nothing, as accept), and `willSend` sees the correlation id of
/// each attempt just before it leaves, for the audit trail.
public protocol AppointmentChangeService: Sendable {
    /// `POST /appointments/{id}/_actions/reschedule`.
    func reschedule(id: String, _ request: RescheduleRequest, willSend: @escaping @Sendable (String) throws -> Void)
        async throws(EngageError) -> EngageResponse<Appointment>

    /// `POST /appointments/{id}/_actions/reassign`.
    func reassign(id: String, _ request: ReassignRequest, willSend: @escaping @Sendable (String) throws -> Void)
        async throws(EngageError) -> EngageResponse<Appointment>

    /// `PATCH /appointments/{id}` with `{"internalNotes": …}` only.
    func updateInternalNotes(id: String, _ update: InternalNotesUpdate, willSend: @escaping @Sendable (String) throws -> Void)
        async throws(EngageError) -> EngageResponse<Appointment>
}
