import EngageAPI
import Foundation

/// An HTTP response of the sandbox, before the server library writes it.
public struct SandboxResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response encoded the way the API encodes (date-times with milliseconds, explicit nulls).
    static func json(_ status: Int, _ value: some Encodable) -> SandboxResponse {
        // The contract types always encode; a failure here is a bug in the sandbox itself.
        let body = try! EngageJSON.encoder().encode(value)
        return SandboxResponse(status: status, headers: [("Content-Type", "application/json")], body: body)
    }

    /// The API's error envelope with one error item.
    static func error(
        _ status: Int, code: String, type: String, message: String, arguments: [String: JSONValue]? = nil
    ) -> SandboxResponse {
        json(status, ErrorEnvelope(errors: [
            ServerError(message: message, code: code, type: type, statusCode: String(status), arguments: arguments),
        ]))
    }

    /// A 400 for a malformed request, with why.
    static func badRequest(_ message: String) -> SandboxResponse {
        error(400, code: "BAD_REQUEST", type: "VALIDATION_ERROR", message: message)
    }

    /// The error answer the sandbox gives for an injected status fault (or the concurrency limit).
    static func injected(status: Int) -> SandboxResponse {
        switch status {
        case 401: return error(401, code: "UNAUTHORIZED", type: "AUTHENTICATION_ERROR", message: "Unauthorized")
        case 403: return error(403, code: "FORBIDDEN", type: "AUTHORIZATION_ERROR", message: "Forbidden")
        case 404: return error(404, code: "NOT_FOUND", type: "NOT_FOUND_ERROR", message: "Resource not found")
        case 429:
            var response = error(429, code: "TOO_MANY_REQUESTS", type: "RATE_LIMIT_ERROR", message: "Too many requests")
            response.headers.append(("Retry-After", "1"))
            return response
        case 503:
            var response = error(503, code: "SERVICE_UNAVAILABLE", type: "SERVER_ERROR", message: "Service unavailable")
            response.headers.append(("Retry-After", "1"))
            return response
        default:
            return error(status, code: "INTERNAL_SERVER_ERROR", type: "SERVER_ERROR", message: "Internal server error")
        }
    }
}
