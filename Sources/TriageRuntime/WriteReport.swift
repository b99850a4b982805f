import EngageContract

/// What became of one write, in the one line printed when a session ends with it on its way
/// (`Accepted 1013 · correlation …`, `1017: outcome unknown — check it in the back office · …`).
public struct WriteReport: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        case done, rejected, notSent, unknown
    }

    public var appointmentId: String
    public var write: AppointmentWrite.Kind
    public var result: Result
    /// The plain reason, for a refusal or a request that was not sent.
    public var reason: String?
    public var correlationId: String?

    public init(appointmentId: String, write: AppointmentWrite.Kind, result: Result, reason: String? = nil, correlationId: String?) {
        self.appointmentId = appointmentId
        self.write = write
        self.result = result
        self.reason = reason
        self.correlationId = correlationId
    }

    init(_ outcome: WriteOutcome, of write: AppointmentWrite.Kind, id: String, correlationId: String?) {
        switch outcome {
        case _ where outcome.isDone:
            self.init(appointmentId: id, write: write, result: .done, correlationId: correlationId)
        case .notSent(let error):
            self.init(appointmentId: id, write: write, result: .notSent, reason: error.message, correlationId: nil)
        case .rejected:
            self.init(appointmentId: id, write: write, result: .rejected, reason: outcome.message(for: write), correlationId: correlationId)
        default:
            self.init(appointmentId: id, write: write, result: .unknown, correlationId: correlationId)
        }
    }

    /// The line for standard output; server text in it goes through `sanitize`.
    public func line(sanitize: (String) -> String) -> String {
        let correlation = correlationId.map { " · correlation \($0)" } ?? ""
        let id = sanitize(appointmentId)
        return switch result {
        case .done: "\(write.done) \(write == .note ? "on " : "")\(id)\(correlation)"
        case .rejected: "\(id): \(write.refused) — \(sanitize(reason ?? "refused"))\(correlation)"
        case .notSent: "\(id): not sent — \(sanitize(reason ?? "nothing left"))"
        case .unknown: "\(id): outcome unknown — check it in the back office\(correlation)"
        }
    }
}
