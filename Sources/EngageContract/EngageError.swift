import Foundation

/// Every way a call to the Engage API can fail, with a message a back-office user understands.
///
/// A struct over a kind (as async-http-client's `HTTPClientError`), so kinds can be added without
/// breaking callers, and every error carries what support needs: the HTTP status, the server's
/// `errors[]` items and the request's correlation id. It never carries the token.
public struct EngageError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in categories that decide what the user can do about it.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// 400: the server considered the request malformed.
        public static let badRequest = Kind("badRequest")
        /// 401: the token is missing, wrong or expired.
        public static let unauthorized = Kind("unauthorized")
        /// 403: the token is valid but lacks the permission.
        public static let forbidden = Kind("forbidden")
        /// 404: no such resource, or not visible to this client.
        public static let notFound = Kind("notFound")
        /// 422: a business rule refused the operation (`code` says which, e.g. APPOINTMENT_STATUS_INVALID).
        public static let businessRule = Kind("businessRule")
        /// 429: too many requests; `retryAfter` says how long to wait.
        public static let rateLimited = Kind("rateLimited")
        /// 5xx: the server failed.
        public static let serverFailure = Kind("serverFailure")
        /// Any other status the client does not expect.
        public static let unexpectedStatus = Kind("unexpectedStatus")
        /// No answer within the request timeout.
        public static let timeout = Kind("timeout")
        /// The connection could not be made or broke (refused, reset, DNS, TLS, truncated body).
        public static let transport = Kind("transport")
        /// A response arrived but its body is not the documented JSON; `jsonPath` says where.
        public static let undecodable = Kind("undecodable")
        /// A response was read but does not say what was asked (an accept that returns another
        /// appointment, or one still pending).
        public static let unexpectedAnswer = Kind("unexpectedAnswer")
        /// More rows than the client loads (a server that keeps sending pages, or a huge tenant).
        public static let limitExceeded = Kind("limitExceeded")
        /// The list changed faster than its pages could be re-read: some rows may be missing.
        public static let listChanging = Kind("listChanging")
        /// The caller cancelled the request.
        public static let cancelled = Kind("cancelled")
        /// The client could not even build the request (bad configuration, token source failed).
        public static let invalidConfiguration = Kind("invalidConfiguration")
    }

    public var kind: Kind
    /// The HTTP status, when a response arrived.
    public var httpStatus: Int?
    /// Every item of the server's error envelope, in order.
    public var serverErrors: [ServerError]
    /// The `X-Correlation-Id` of the (last) request, for support.
    public var correlationId: String?
    /// How long the server asked to wait (429 / 503 `Retry-After`).
    public var retryAfter: Duration?
    /// Where in the body decoding failed, e.g. `data[3].status`.
    public var jsonPath: String?
    /// A technical detail for the message and the log: the transport or decoding failure.
    public var detail: String?
    /// The request provably never left this machine (no connection to the server came up), so
    /// the server did nothing: a write that failed so was not sent.
    public var neverSent: Bool

    public init(
        kind: Kind, httpStatus: Int? = nil, serverErrors: [ServerError] = [], correlationId: String? = nil,
        retryAfter: Duration? = nil, jsonPath: String? = nil, detail: String? = nil, neverSent: Bool = false
    ) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.serverErrors = serverErrors
        self.correlationId = correlationId
        self.retryAfter = retryAfter
        self.jsonPath = jsonPath
        self.detail = detail
        self.neverSent = neverSent
    }

    /// The server's code of the first error item, e.g. `APPOINTMENT_STATUS_INVALID`.
    public var code: String? { serverErrors.first.map(\.code).flatMap { $0.isEmpty ? nil : $0 } }

    /// What the 422 codes of reschedule and reassign mean, in plain words (the code itself is
    /// shown beside it, with the correlation id).
    static let businessRuleMessages: [String: String] = [
        "APPOINTMENT_NO_AVAILABILITY": "No colleague is free at that time.",
        "APPOINTMENT_START_AFTER_END": "The start is after the end.",
        "APPOINTMENT_PARTICIPANTS_NOT_UNIQUE": "That colleague takes part in it already.",
        "APPOINTMENT_PRIMARY_CUSTOMER_MISSING": "The request has no primary customer.",
        "APPOINTMENT_PRIMARY_EMPLOYEE_MISSING": "No such active colleague: the request needs one to hold it.",
    ]

    /// Whether this is the 422 that says the appointment's status does not allow the operation.
    public var isStatusInvalid: Bool { kind == .businessRule && code == "APPOINTMENT_STATUS_INVALID" }

    /// The statuses in which the refused operation would have been allowed (`arguments.allowedStates`).
    public var allowedStates: [String] {
        serverErrors.compactMap { $0.arguments?["allowedStates"] }.flatMap(\.strings)
    }

    /// Whether repeating the same idempotent request later may succeed.
    public var isTransient: Bool {
        switch kind {
        case .rateLimited, .transport: true
        case .serverFailure: [502, 503, 504].contains(httpStatus ?? 0)
        default: false
        }
    }

    /// One plain-language sentence for the user: what happened and, where useful, what to do.
    public var message: String {
        let serverMessage = serverErrors.first.map(\.message).flatMap { $0.isEmpty ? nil : $0 }
        switch kind {
        case .badRequest:
            return "The server rejected the request as invalid" + (serverMessage.map { ": \($0)" } ?? ".")
        case .unauthorized:
            return "Not signed in: " + (detail ?? "the server did not accept the API token. Check the token or the client credentials.")
        case .forbidden:
            return "Not allowed: this API client lacks the permission for that."
        case .notFound:
            return "Not found: no such appointment, or it is not visible to this API client."
        case .businessRule where isStatusInvalid:
            let allowed = allowedStates.isEmpty ? "" : " (only \(allowedStates.joined(separator: ", ")) can be)"
            return "Already handled: this request is no longer pending\(allowed)."
        case .businessRule:
            if let known = code.flatMap({ Self.businessRuleMessages[$0] }) { return known }
            return "Refused by the server: " + (serverMessage ?? "a business rule does not allow this.")
        case .rateLimited:
            let wait = retryAfter.map { " Try again in \(Self.seconds($0)) s." } ?? " Try again shortly."
            return "Too many requests: the server is limiting this client." + wait
        case .serverFailure:
            return "The Engage server failed (HTTP \(httpStatus ?? 500)). Try again shortly."
        case .unexpectedStatus:
            return "The server answered with an unexpected HTTP \(httpStatus ?? 0)" + (serverMessage.map { ": \($0)" } ?? ".")
        case .timeout:
            return "No answer from the server in time" + (detail.map { " (\($0))." } ?? ".")
        case .transport:
            return "Could not reach the server" + (detail.map { ": \($0)." } ?? ".")
        case .undecodable:
            let place = jsonPath.map { $0.isEmpty ? " (at the top level)" : " at \($0)" } ?? ""
            return "The server's answer could not be read\(place)" + (detail.map { ": \($0)" } ?? ".")
        case .unexpectedAnswer:
            return "The server's answer does not confirm it" + (detail.map { ": \($0)." } ?? ".")
        case .limitExceeded:
            return "Too many results" + (detail.map { ": \($0)." } ?? ".")
        case .listChanging:
            return "The list kept changing while it was read (requests were handled faster than its pages could be read again); try again."
        case .cancelled:
            return "Cancelled."
        default:
            return detail ?? "The request could not be made."
        }
    }

    /// For logs: kind, status, codes, message and correlation id on one line.
    public var description: String {
        var parts = ["EngageError.\(kind)"]
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        let codes = serverErrors.map(\.code).filter { !$0.isEmpty }
        if !codes.isEmpty { parts.append(codes.joined(separator: ",")) }
        parts.append(message)
        if let correlationId { parts.append("correlation \(correlationId)") }
        return parts.joined(separator: " · ")
    }

    private static func seconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds) + (duration.components.attoseconds > 0 ? 1 : 0)
    }
}
