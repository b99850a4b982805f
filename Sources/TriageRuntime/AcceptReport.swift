import EngageContract

/// What became of one accept, in the one line printed when a session ends with it on its way
/// (`Accepted 1013 · correlation …`, `1017: outcome unknown — check it in the back office · …`).
public struct AcceptReport: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        case accepted, rejected, notSent, unknown
    }

    public var appointmentId: String
    public var result: Result
    /// The plain reason, for a refusal or a request that was not sent.
    public var reason: String?
    public var correlationId: String?

    public init(appointmentId: String, result: Result, reason: String? = nil, correlationId: String?) {
        self.appointmentId = appointmentId
        self.result = result
        self.reason = reason
        self.correlationId = correlationId
    }

    init(_ outcome: AcceptOutcome, id: String, correlationId: String?) {
        switch outcome {
        case _ where outcome.isAccepted:
            self.init(appointmentId: id, result: .accepted, correlationId: correlationId)
        case .notSent(let error):
            self.init(appointmentId: id, result: .notSent, reason: error.message, correlationId: nil)
        case .rejected:
            self.init(appointmentId: id, result: .rejected, reason: outcome.message, correlationId: correlationId)
        default:
            self.init(appointmentId: id, result: .unknown, correlationId: correlationId)
        }
    }

    /// The line for standard output; server text in it goes through `sanitize`.
    public func line(sanitize: (String) -> String) -> String {
        let correlation = correlationId.map { " · correlation \($0)" } ?? ""
        let id = sanitize(appointmentId)
        return switch result {
        case .accepted: "Accepted \(id)\(correlation)"
        case .rejected: "\(id): not accepted — \(sanitize(reason ?? "refused"))\(correlation)"
        case .notSent: "\(id): not sent — \(sanitize(reason ?? "nothing left"))"
        case .unknown: "\(id): outcome unknown — check it in the back office\(correlation)"
        }
    }
}
