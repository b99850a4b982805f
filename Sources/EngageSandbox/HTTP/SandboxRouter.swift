import EngageAPI
import Foundation

/// The sandbox's API surface: the same paths, envelopes, headers and rules as the real Engage API,
/// as a pure function from request to response (the server library only carries bytes).
public struct SandboxRouter: Sendable {
    public var enterprise: String
    public var token: String
    public var tenant: SandboxTenant
    public var tokens: SandboxTokens
    /// Kinds whose read scope the token lacks: their endpoints answer 403.
    public var missingScopes: Set<NameKind> = []
    /// Kinds whose endpoints this tenant does not have: they answer 404.
    public var absentEndpoints: Set<NameKind> = []
    /// What was asked of the name endpoints.
    public var nameTally = NameRequestTally()

    /// Largest `limit` the sandbox serves in one page.
    public static let maxLimit = 100
    /// Array filters of `GET /appointments`: sent as `name[]=value`; the plain `name=value` is a 400.
    static let arrayFilters: Set<String> = [
        "id", "external-id", "meeting-type", "status", "callback-request-id", "listing-id", "lead-segment-id",
        "subject-id", "office-id", "customer-id", "employee-id",
    ]

    public init(enterprise: String, token: String, tenant: SandboxTenant, tokens: SandboxTokens) {
        self.enterprise = enterprise
        self.token = token
        self.tenant = tenant
        self.tokens = tokens
    }

    /// Which fault-injectable endpoint a request is aimed at, if any.
    public func endpoint(of request: SandboxRequest) -> SandboxEndpoint? {
        if request.method == "POST", isTokenPath(request.path) { return .token }
        guard let segments = resourceSegments(request.path) else { return nil }
        switch (request.method, segments.count) {
        case ("GET", 1) where segments[0] == "appointments": return .list
        case ("GET", 2) where segments[0] == "appointments": return .show
        case ("POST", 4) where segments[0] == "appointments" && segments[2] == "_actions":
            return ["accept": .accept, "reschedule": .reschedule, "reassign": .reassign][segments[3]]
        case ("PATCH", 2) where segments[0] == "appointments": return .update
        case ("GET", 1), ("GET", 2):
            guard let kind = Self.nameKind(segments[0]), segments.count == 2 || kind.isBatched else { return nil }
            return Self.endpoint(of: kind)
        default: return nil
        }
    }

    public func respond(to request: SandboxRequest) -> SandboxResponse {
        if request.method == "POST", isTokenPath(request.path) { return issueToken(request) }
        guard let authorization = request.headers["authorization"], authorization.hasPrefix("Bearer "),
              case let presented = String(authorization.dropFirst("Bearer ".count)),
              presented == token || tokens.isValid(presented)
        else { return .injected(status: 401) }
        guard let endpoint = endpoint(of: request) else {
            return .error(404, code: "NOT_FOUND", type: "NOT_FOUND_ERROR", message: "Resource not found")
        }
        let segments = resourceSegments(request.path) ?? []
        switch endpoint {
        case .list: return list(request)
        case .show: return show(id: segments[1], languages: Self.languages(request))
        case .accept: return accept(id: segments[1], languages: Self.languages(request))
        case .reschedule, .reassign, .update: return change(endpoint, id: segments[1], request)
        case .token: return issueToken(request)
        case .subjects, .offices, .employees, .customers:
            let kind = Self.nameKind(segments[0])!, id = segments.count == 2 ? segments[1] : nil
            nameTally.record(request, kind: kind, pathID: id)
            return names(request, kind: kind, id: id)
        }
    }

    static func nameKind(_ collection: String) -> NameKind? {
        NameKind.allCases.first { $0.path == "/" + collection }
    }

    static func endpoint(of kind: NameKind) -> SandboxEndpoint {
        switch kind {
        case .subject: .subjects
        case .office: .offices
        case .employee: .employees
        case .customer: .customers
        }
    }

    /// `/realms/<enterprise>/protocol/openid-connect/token`, as the real identity server has it.
    private func isTokenPath(_ path: String) -> Bool {
        path == "/realms/\(enterprise)/protocol/openid-connect/token"
    }

    /// The client-credentials grant: a form with grant_type, client_id and client_secret.
    private func issueToken(_ request: SandboxRequest) -> SandboxResponse {
        let form = Dictionary(request.formItems.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        func oauthError(_ status: Int, _ error: String, _ description: String) -> SandboxResponse {
            .json(status, ["error": JSONValue.string(error), "error_description": .string(description)])
        }
        guard form["grant_type"] == "client_credentials" else {
            return oauthError(400, "unsupported_grant_type", "Unsupported grant_type")
        }
        guard let issued = tokens.issue(clientID: form["client_id"] ?? "", clientSecret: form["client_secret"] ?? "") else {
            return oauthError(401, "invalid_client", "Invalid client or Invalid client credentials")
        }
        return .json(200, [
            "access_token": JSONValue.string(issued), "expires_in": .number(Double(tokens.lifetime.components.seconds)),
            "token_type": .string("Bearer"), "refresh_expires_in": .number(0), "not-before-policy": .number(0),
            "scope": .string("profile email"),
        ])
    }

    /// The decoded path segments after `/enterprises/<enterprise>`, or `nil` for another prefix.
    private func resourceSegments(_ path: String) -> [String]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
            .map { PercentEncoding.decode($0) ?? String($0) }
        guard segments.count >= 2, segments[0] == "enterprises", segments[1] == enterprise else { return nil }
        return Array(segments.dropFirst(2))
    }

    private func list(_ request: SandboxRequest) -> SandboxResponse {
        var query = AppointmentQuery()
        var window = PageWindow()
        for (name, value) in request.queryItems {
            let isArray = name.hasSuffix("[]")
            let base = isArray ? String(name.dropLast(2)) : name
            if Self.arrayFilters.contains(base) && !isArray {
                return .badRequest("Query parameter '\(base)' must be an array: use '\(base)[]=\(value)'.")
            }
            switch base {
            case "status":
                let status = AppointmentStatus(rawValue: value)
                guard status.isDocumented else { return .badRequest("Unknown status '\(value)'.") }
                query.statuses.append(status)
            case "meeting-type":
                let type = MeetingType(rawValue: value)
                guard type.isDocumented else { return .badRequest("Unknown meeting type '\(value)'.") }
                query.meetingTypes.append(type)
            case "id": query.ids.append(value)
            case "external-id": query.externalIds.append(value)
            case "office-id": query.officeIds.append(value)
            case "subject-id": query.subjectIds.append(value)
            case "customer-id": query.customerIds.append(value)
            case "employee-id": query.employeeIds.append(value)
            case "from", "to":
                guard let date = Timestamp.parse(value) else { return .badRequest("'\(base)' must be an ISO 8601 date-time.") }
                if base == "from" { query.from = date } else { query.to = date }
            case "offset", "limit":
                if let refusal = window.read(base, value) { return refusal }
            default:
                // Filters the sandbox does not model (listing-id[], …) match everything.
                continue
            }
        }
        let languages = Self.languages(request)
        let (items, total) = tenant.page(matching: query, offset: window.offset, limit: window.limit)
        return .json(200, ListEnvelope(
            data: items.map { Self.localized($0, languages) },
            meta: PageMeta(offset: window.offset, limit: window.limit, totalCount: total)))
    }

    private func show(id: String, languages: [Language]) -> SandboxResponse {
        guard let appointment = tenant.appointment(id: id) else { return notFound(id) }
        return .json(200, DataEnvelope(data: Self.localized(appointment, languages)))
    }

    private func accept(id: String, languages: [Language]) -> SandboxResponse {
        switch tenant.accept(id: id) {
        case .accepted(let appointment):
            return .json(200, DataEnvelope(data: Self.localized(appointment, languages)))
        case .notFound:
            return notFound(id)
        case .statusInvalid(let current):
            return .error(
                422, code: "APPOINTMENT_STATUS_INVALID", type: "BUSINESS_VALIDATION_ERROR",
                message: "The operation cannot be performed on the appointment because the appointment status "
                    + "(\(current)) does not allow it.",
                arguments: ["allowedStates": .array([.string(AppointmentStatus.incomingRequest.rawValue)])])
        }
    }

    func notFound(_ id: String) -> SandboxResponse {
        .error(404, code: "NOT_FOUND", type: "NOT_FOUND_ERROR", message: "Appointment '\(id)' not found")
    }

    /// `offset` and `limit` as every list endpoint reads them.
    struct PageWindow {
        var offset = 0
        var limit = 25

        /// Reads `offset` or `limit`; the 400 for a value out of range.
        mutating func read(_ name: String, _ value: String) -> SandboxResponse? {
            if name == "offset" {
                guard let number = Int(value), number >= 0 else { return .badRequest("'offset' must be an integer >= 0.") }
                offset = number
            } else {
                guard let number = Int(value), (1...SandboxRouter.maxLimit).contains(number) else {
                    return .badRequest("'limit' must be an integer from 1 to \(SandboxRouter.maxLimit).")
                }
                limit = number
            }
            return nil
        }
    }

    /// The languages of `Accept-Language` in order of preference (`ja, en;q=0.8`, `en *`).
    static func languages(_ request: SandboxRequest) -> [Language] {
        let header = request.headers["accept-language"] ?? "en"
        let ranked = header.split(whereSeparator: { $0 == "," || $0 == " " }).enumerated().compactMap {
            index, part -> (Language, Double, Int)? in
            let pieces = part.split(separator: ";")
            let tag = pieces[0].split(separator: "-")[0].lowercased()
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            let language = Language(rawValue: tag)
            return language.isDocumented ? (language, quality, index) : nil
        }
        return ranked.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.map(\.0)
    }

    static func localized(_ appointment: Appointment, _ languages: [Language]) -> Appointment {
        var copy = appointment
        copy.location = appointment.location?.localized(preferring: languages)
        return copy
    }
}
