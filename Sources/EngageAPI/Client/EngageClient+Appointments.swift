import Foundation

/// The appointment endpoints: list (every page), show, accept.
extension EngageClient {
    /// `GET /appointments` for one page.
    public func appointmentPage(
        matching query: AppointmentQuery, offset: Int = 0, limit: Int? = nil
    ) async throws(EngageError) -> AppointmentPage {
        let response = try await send(
            .get, "/appointments", parameters: query.parameters(offset: offset, limit: limit ?? configuration.pageSize),
            decoding: ListEnvelope<Appointment>.self, idempotent: true)
        return AppointmentPage(
            appointments: response.value.data, meta: response.value.meta, correlationId: response.correlationId)
    }

    /// Every page of `GET /appointments`, handed over as each arrives (not necessarily in order;
    /// `meta.offset` says where a page belongs), at most `maxPagesInFlight` requests at once.
    /// The stream ends after the last page, or throws the first `EngageError`.
    public func appointmentPages(matching query: AppointmentQuery) -> AsyncThrowingStream<AppointmentPage, any Error> {
        let (stream, continuation) = AsyncThrowingStream<AppointmentPage, any Error>.makeStream()
        let task = Task {
            do {
                let first = try await appointmentPage(matching: query, offset: 0)
                continuation.yield(first)
                let limit = max(1, first.meta.limit)
                var pending = Array(stride(from: first.meta.offset + limit, to: first.meta.totalCount, by: limit))
                    .makeIterator()
                try await withThrowingTaskGroup(of: AppointmentPage.self) { group in
                    for _ in 0..<configuration.maxPagesInFlight {
                        guard let offset = pending.next() else { break }
                        group.addTask { try await self.appointmentPage(matching: query, offset: offset, limit: limit) }
                    }
                    while let page = try await group.next() {
                        continuation.yield(page)
                        if let offset = pending.next() {
                            group.addTask { try await self.appointmentPage(matching: query, offset: offset, limit: limit) }
                        }
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Every appointment matching `query`, in the server's order, fetched page by page.
    /// An appointment that moved between pages while loading is listed once.
    public func allAppointments(matching query: AppointmentQuery) async throws(EngageError) -> [Appointment] {
        var pages: [AppointmentPage] = []
        do {
            for try await page in appointmentPages(matching: query) { pages.append(page) }
        } catch let error as EngageError {
            throw error
        } catch {
            throw EngageError(kind: .cancelled, detail: "\(error)")
        }
        var seen = Set<String>()
        return pages.sorted { $0.meta.offset < $1.meta.offset }
            .flatMap(\.appointments)
            .filter { seen.insert($0.id).inserted }
    }

    /// `GET /appointments/{id}`.
    public func appointment(id: String) async throws(EngageError) -> EngageResponse<Appointment> {
        let response = try await send(
            .get, "/appointments/\(Self.encode(id))", decoding: DataEnvelope<Appointment>.self, idempotent: true)
        return EngageResponse(value: response.value.data, correlationId: response.correlationId)
    }

    /// `POST /appointments/{id}/_actions/accept`, sent exactly once.
    public func accept(id: String) async throws(EngageError) -> EngageResponse<Appointment> {
        let response = try await send(
            .post, "/appointments/\(Self.encode(id))/_actions/accept", decoding: DataEnvelope<Appointment>.self,
            idempotent: false)
        return EngageResponse(value: response.value.data, correlationId: response.correlationId)
    }

    /// Accepts once and, where the answer leaves doubt, re-reads the appointment to say what is true now.
    ///
    /// - A 4xx answer is a definite refusal; for APPOINTMENT_STATUS_INVALID the appointment is
    ///   re-read so the message can name its current status.
    /// - A timeout, a dropped connection, an unreadable or a 5xx answer may hide an accept that
    ///   happened: the outcome is `.unknown` with what a re-read shows.
    public func acceptReconciling(id: String) async -> AcceptOutcome {
        do {
            return .accepted(try await accept(id: id))
        } catch {
            if error.kind == .cancelled {
                return .unknown(error, current: .failure(error))
            }
            if let status = error.httpStatus, status < 500, error.kind != .undecodable {
                let current = error.isStatusInvalid ? try? await appointment(id: id).value : nil
                return .rejected(error, current: current)
            }
            do {
                return .unknown(error, current: .success(try await appointment(id: id)))
            } catch let rereadError {
                return .unknown(error, current: .failure(rereadError))
            }
        }
    }
}
