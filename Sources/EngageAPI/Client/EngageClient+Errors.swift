import Foundation

/// Turning what came back (or did not) into `EngageError`.
extension EngageClient {
    static func statusError(_ response: HTTPResponse, correlationId: String) -> EngageError {
        let status = response.status
        let body = response.body
        let serverErrors = (try? JSONDecoder().decode(ErrorEnvelope.self, from: body))?.errors ?? []
        let kind: EngageError.Kind = switch status {
        case 400: .badRequest
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 422: .businessRule
        case 429: .rateLimited
        case 500..<600: .serverFailure
        default: .unexpectedStatus
        }
        let retryAfter = Self.retryAfter(response.headers["retry-after"])
        // (The unauthorized message reads its detail, so a 401 gets none.)
        let detail = serverErrors.isEmpty && !body.isEmpty && kind != .unauthorized
            ? "the error body was not the documented envelope" : nil
        return EngageError(
            kind: kind, httpStatus: status, serverErrors: serverErrors, correlationId: correlationId,
            retryAfter: retryAfter, detail: detail)
    }

    static func decodingError(_ error: any Error, status: Int, correlationId: String) -> EngageError {
        guard let decodingError = error as? DecodingError else {
            return EngageError(kind: .undecodable, httpStatus: status, correlationId: correlationId, jsonPath: "", detail: "\(error)")
        }
        let (path, detail) = describe(decodingError)
        return EngageError(kind: .undecodable, httpStatus: status, correlationId: correlationId, jsonPath: path, detail: detail)
    }

    /// The JSON path (`data[3].status`) and a short reason of a decoding failure.
    static func describe(_ error: DecodingError) -> (path: String, detail: String) {
        let (codingPath, detail): ([any CodingKey], String) = switch error {
        case .keyNotFound(let key, let context): (context.codingPath + [key], "the required key is missing")
        case .valueNotFound(_, let context): (context.codingPath, "a required value is null")
        case .typeMismatch(let type, let context): (context.codingPath, "expected \(type)")
        case .dataCorrupted(let context): (context.codingPath, context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let path = codingPath.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return (path, detail)
    }

    /// A `Retry-After` in seconds (bounded: a huge one is no reason to overflow), or nil.
    static func retryAfter(_ header: String?) -> Duration? {
        header.flatMap { Int(PlainText.trimmed($0)) }.map { Duration.seconds(min(max(0, $0), 86_400)) }
    }

    /// What a failure of the transport means for the user; whether the request provably never
    /// left is kept (`neverSent`).
    static func transportError(_ failure: TransportFailure, correlationId: String, timeout: Duration) -> EngageError {
        var error = kindAndDetail(failure, correlationId: correlationId, timeout: timeout)
        error.neverSent = failure.neverSent
        return error
    }

    private static func kindAndDetail(_ failure: TransportFailure, correlationId: String, timeout: Duration) -> EngageError {
        func transport(_ detail: String) -> EngageError {
            EngageError(kind: .transport, correlationId: correlationId, detail: detail)
        }
        return switch failure.reason {
        case .timedOut: EngageError(kind: .timeout, correlationId: correlationId, detail: "waited \(timeout)")
        case .cancelled: EngageError(kind: .cancelled, correlationId: correlationId)
        case .connectionRefused: transport("the connection was refused")
        case .hostNotFound: transport("the host name could not be resolved")
        case .connectionLost: transport("the connection was lost before the answer was complete")
        case .secureConnectionFailed: transport("the secure (TLS) connection failed: \(failure.detail)")
        case .badResponse: transport("the server's answer was not valid HTTP")
        case .tooLarge: EngageError(kind: .undecodable, correlationId: correlationId, detail: "\(failure.detail); stopped reading it")
        case .heldBack: EngageError(kind: .invalidConfiguration, correlationId: correlationId, detail: failure.detail)
        case .other: transport(failure.detail)
        }
    }
}
