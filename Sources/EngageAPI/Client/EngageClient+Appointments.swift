import Foundation
import Synchronization

/// The appointment endpoints: list (every page), show, accept.
extension EngageClient {
    /// `GET /appointments` for one page.
    public func appointmentPage(
        matching query: AppointmentQuery, offset: Int, limit: Int
    ) async throws(EngageError) -> AppointmentPage {
        let response = try await send(
            .get, "/appointments", parameters: query.parameters(offset: offset, limit: limit),
            decoding: ListEnvelope<Appointment>.self, idempotent: true)
        return AppointmentPage(
            appointments: response.value.data, meta: response.value.meta, correlationId: response.correlationId)
    }

    /// Every page of `GET /appointments` (see `AppointmentListing`: overlapping pages, repaired
    /// when the list moved meanwhile), handed over as each arrives, at most `maxPagesInFlight`
    /// requests at once. The stream ends after the last page, or throws the first `EngageError`.
    public func appointmentPages(matching query: AppointmentQuery) -> AsyncThrowingStream<AppointmentPage, any Error> {
        let (stream, continuation) = AsyncThrowingStream<AppointmentPage, any Error>.makeStream()
        let listing = AppointmentListing(pageSize: configuration.pageSize, maxPagesInFlight: configuration.maxPagesInFlight)
        let task = Task {
            do throws(EngageError) {
                _ = try await listing.run(
                    fetch: { offset, limit throws(EngageError) in
                        try await self.appointmentPage(matching: query, offset: offset, limit: limit)
                    },
                    onPage: { continuation.yield($0) })
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Every appointment matching `query`, in the server's order, each once (the copy read last
    /// where the list moved while loading). Fails with `.listChanging` when the list changed
    /// too fast to be read completely.
    public func allAppointments(matching query: AppointmentQuery) async throws(EngageError) -> [Appointment] {
        let listing = AppointmentListing(pageSize: configuration.pageSize, maxPagesInFlight: configuration.maxPagesInFlight)
        // Each row once: the copy read last, at the place it was first seen (pages overlap and
        // repaired pages come again, in any order).
        let collected = Mutex<[String: (place: Int, appointment: Appointment)]>([:])
        let result = try await listing.run(
            fetch: { offset, limit throws(EngageError) in
                try await self.appointmentPage(matching: query, offset: offset, limit: limit)
            },
            onPage: { page in
                collected.withLock { rows in
                    for (index, appointment) in page.appointments.enumerated() {
                        let place = min(rows[appointment.id]?.place ?? .max, page.meta.offset + index)
                        rows[appointment.id] = (place, appointment)
                    }
                }
            })
        guard result.isComplete else {
            throw EngageError(kind: .listChanging)
        }
        return collected.withLock { rows in
            rows.values.sorted { ($0.place, $0.appointment.id) < ($1.place, $1.appointment.id) }.map(\.appointment)
        }
    }

    /// `GET /appointments/{id}`.
    public func appointment(id: String) async throws(EngageError) -> EngageResponse<Appointment> {
        let response = try await send(
            .get, "/appointments/\(try Self.pathSegment(id))", decoding: DataEnvelope<Appointment>.self, idempotent: true)
        return EngageResponse(value: response.value.data, correlationId: response.correlationId)
    }

    /// `POST /appointments/{id}/_actions/accept`, sent once (again only after a 401 that a fresh
    /// token answers: the server did nothing then). `willSend` sees each attempt's correlation id first.
    public func accept(
        id: String, willSend: @escaping @Sendable (String) throws -> Void
    ) async throws(EngageError) -> EngageResponse<Appointment> {
        let response = try await send(
            .post, "/appointments/\(try Self.pathSegment(id))/_actions/accept", decoding: DataEnvelope<Appointment>.self,
            idempotent: false, willSend: willSend)
        return EngageResponse(value: response.value.data, correlationId: response.correlationId)
    }

    /// `id` as one path segment, percent-encoded; an id that would change the path is refused
    /// before any request.
    static func pathSegment(_ id: String) throws(EngageError) -> String {
        if let problem = AppointmentID.problem(with: id) {
            throw EngageError(kind: .invalidConfiguration, detail: "Not sent: \(problem).")
        }
        return PercentEncoding.encode(id)
    }
}
