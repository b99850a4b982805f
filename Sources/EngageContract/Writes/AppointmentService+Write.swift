import Synchronization

extension AppointmentService {
    /// Sends `write` once and, where the answer leaves doubt, re-reads the appointment to say
    /// what is true now.
    ///
    /// - Nothing was sent (the token could not be had, `willSend` refused, no connection to the
    ///   server came up): `.notSent`.
    /// - A 4xx answer is a definite refusal; for APPOINTMENT_STATUS_INVALID the appointment is
    ///   re-read so the message can name its current status.
    /// - A 200 counts only if it returns the appointment asked for with the change made.
    /// - A timeout, a dropped connection, an unreadable or a 5xx answer may hide a write that
    ///   happened: the re-read tells (`.confirmed`) or the outcome stays `.unknown`.
    public func performReconciling(
        _ write: AppointmentWrite, on id: String, willSend: @escaping @Sendable (String) throws -> Void = { _ in }
    ) async -> WriteOutcome {
        let sent = SentFlag()
        do {
            let response = try await perform(write, on: id) { correlationId in
                try willSend(correlationId)
                sent.value.store(true, ordering: .sequentiallyConsistent)
            }
            guard response.value.id == id, write.isDone(in: response.value) else {
                let error = EngageError(
                    kind: .unexpectedAnswer, correlationId: response.correlationId,
                    detail: "it returned \(response.value.id) with status \(response.value.status)"
                        + (response.value.id == id && write.kind != .accept ? " without the change" : ""))
                return await reread(id, write, after: error)
            }
            return .done(response)
        } catch {
            // No attempt left: none was journaled, or no connection to the server came up.
            guard sent.value.load(ordering: .sequentiallyConsistent), !error.neverSent else { return .notSent(error) }
            if error.kind == .cancelled {
                return .unknown(error, current: .failure(error))
            }
            if let status = error.httpStatus, status < 500, error.kind != .undecodable {
                let current = error.isStatusInvalid ? try? await appointment(id: id).value : nil
                return .rejected(error, current: current)
            }
            return await reread(id, write, after: error)
        }
    }

    private func reread(_ id: String, _ write: AppointmentWrite, after error: EngageError) async -> WriteOutcome {
        do {
            let current = try await appointment(id: id)
            return write.isDone(in: current.value) ? .confirmed(error, current) : .unknown(error, current: .success(current))
        } catch let rereadError {
            return .unknown(error, current: .failure(rereadError))
        }
    }
}

/// Whether an attempt of the write left (set from the attempt hook, read after it).
private final class SentFlag: Sendable {
    let value = Atomic<Bool>(false)
}
