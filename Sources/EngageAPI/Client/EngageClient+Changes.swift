import Foundation

/// Reschedule, reassign and the internal notes: each a write sent once, like accept.
extension EngageClient {
    /// Sends `write` to its endpoint (see `AppointmentService.perform`).
    public func perform(
        _ write: AppointmentWrite, on id: String, willSend: @escaping @Sendable (String) throws -> Void
    ) async throws(EngageError) -> EngageResponse<Appointment> {
        switch write {
        case .accept: try await accept(id: id, willSend: willSend)
        case .reschedule(let request): try await reschedule(id: id, request, willSend: willSend)
        case .reassign(let request): try await reassign(id: id, request, willSend: willSend)
        case .internalNotes(let update): try await updateInternalNotes(id: id, update, willSend: willSend)
        }
    }

    /// `POST /appointments/{id}/_actions/reschedule` with every documented field (nulls included).
    public func reschedule(
        id: String, _ request: RescheduleRequest, willSend: @escaping @Sendable (String) throws -> Void
    ) async throws(EngageError) -> EngageResponse<Appointment> {
        try await write(.post, "/appointments/\(try Self.pathSegment(id))/_actions/reschedule", request, willSend: willSend)
    }

    /// `POST /appointments/{id}/_actions/reassign` with every documented field (nulls included).
    public func reassign(
        id: String, _ request: ReassignRequest, willSend: @escaping @Sendable (String) throws -> Void
    ) async throws(EngageError) -> EngageResponse<Appointment> {
        try await write(.post, "/appointments/\(try Self.pathSegment(id))/_actions/reassign", request, willSend: willSend)
    }

    /// `PATCH /appointments/{id}` with `{"internalNotes": …}` and no other field.
    public func updateInternalNotes(
        id: String, _ update: InternalNotesUpdate, willSend: @escaping @Sendable (String) throws -> Void
    ) async throws(EngageError) -> EngageResponse<Appointment> {
        try await write(.patch, "/appointments/\(try Self.pathSegment(id))", update, willSend: willSend)
    }

    /// Sends `body` as JSON once (not idempotent) and reads the appointment it returns.
    private func write(
        _ method: Method, _ path: String, _ body: some Encodable, willSend: @escaping @Sendable (String) throws -> Void
    ) async throws(EngageError) -> EngageResponse<Appointment> {
        let data: Data
        do {
            data = try EngageJSON.encoder().encode(body)
        } catch {
            throw EngageError(kind: .invalidConfiguration, detail: "Not sent: the request could not be written (\(error)).")
        }
        let response = try await send(
            method, path, body: data, decoding: DataEnvelope<Appointment>.self, idempotent: false, willSend: willSend)
        return EngageResponse(value: response.value.data, correlationId: response.correlationId)
    }
}
