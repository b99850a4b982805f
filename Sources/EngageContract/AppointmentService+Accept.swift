import Synchronization

extension AppointmentService {
    /// Accepts once and, where the answer leaves doubt, re-reads the appointment to say what is true now.
    ///
    /// - Nothing was sent (the token could not be had, `willSend` refused): `.notSent`.
    /// - A 4xx answer is a definite refusal; for APPOINTMENT_STATUS_INVALID the appointment is
    ///   re-read so the message can name its current status.
    /// - A 200 is an accept only if it returns the appointment asked for, now `ACCEPTED`.
    /// - A timeout, a dropped connection, an unreadable or a 5xx answer may hide an accept that
    ///   happened: the outcome is `.unknown` with what a re-read shows.
    public func acceptReconciling(id: String, willSend: @escaping @Sendable (String) throws -> Void = { _ in }) async -> AcceptOutcome {
        let sent = SentFlag()
        do {
            let response = try await accept(id: id) { correlationId in
                try willSend(correlationId)
                sent.value.store(true, ordering: .sequentiallyConsistent)
            }
            guard response.value.id == id, response.value.status == .accepted else {
                let error = EngageError(
                    kind: .unexpectedAnswer, correlationId: response.correlationId,
                    detail: "it returned \(response.value.id) with status \(response.value.status)")
                return await reread(id, after: error)
            }
            return .accepted(response)
        } catch {
            guard sent.value.load(ordering: .sequentiallyConsistent) else { return .notSent(error) }
            if error.kind == .cancelled {
                return .unknown(error, current: .failure(error))
            }
            if let status = error.httpStatus, status < 500, error.kind != .undecodable {
                let current = error.isStatusInvalid ? try? await appointment(id: id).value : nil
                return .rejected(error, current: current)
            }
            return await reread(id, after: error)
        }
    }

    private func reread(_ id: String, after error: EngageError) async -> AcceptOutcome {
        do {
            return .unknown(error, current: .success(try await appointment(id: id)))
        } catch let rereadError {
            return .unknown(error, current: .failure(rereadError))
        }
    }
}

/// Whether an attempt of the accept left (set from the attempt hook, read after it).
private final class SentFlag: Sendable {
    let value = Atomic<Bool>(false)
}
