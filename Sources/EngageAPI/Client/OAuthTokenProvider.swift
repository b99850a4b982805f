import Foundation

/// OAuth2 client credentials as Pexip Engage issues them: a form POST of
/// `grant_type=client_credentials&client_id=…&client_secret=…` to the realm's token endpoint
/// (`https://auth.<environment>.pexipengage.com/realms/<enterprise>/protocol/openid-connect/token`).
/// The access token is cached until `refreshMargin` before `expires_in`, and fetched once for
/// concurrent callers. The secret and the tokens never appear in errors or descriptions.
public actor OAuthTokenProvider: TokenProvider {
    public nonisolated let tokenURL: URL
    public nonisolated let clientID: String
    private let clientSecret: BearerToken
    private let refreshMargin: Duration
    private let requestTimeout: Duration
    private let now: @Sendable () -> Date
    private let transport: HTTPTransport
    private var cached: (token: BearerToken, expires: Date)?
    private var pending: Task<(BearerToken, Date), any Error>?

    /// - Parameter now: the clock (tests move it to expire tokens without waiting).
    public init(
        tokenURL: URL, clientID: String, clientSecret: String, refreshMargin: Duration = .seconds(30),
        requestTimeout: Duration = .seconds(30), certificateAuthoritiesFile: String? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        transport = HTTPTransport(trusting: certificateAuthoritiesFile, connectTimeout: requestTimeout)
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = BearerToken(clientSecret)
        self.refreshMargin = refreshMargin
        self.requestTimeout = requestTimeout
        self.now = now
    }

    /// The documented token endpoint of a tenant (`production` has no environment segment).
    public static func tokenURL(environment: String, enterprise: String) -> URL? {
        let host = environment.isEmpty || environment == "production"
            ? "auth.pexipengage.com" : "auth.\(environment).pexipengage.com"
        guard !enterprise.isEmpty else { return nil }
        let realm = PercentEncoding.encode(enterprise)
        return URL(string: "https://\(host)/realms/\(realm)/protocol/openid-connect/token")
    }

    public func token() async throws(EngageError) -> BearerToken {
        if let cached, now() < cached.expires { return cached.token }
        let task = pending ?? Task { try await fetch() }
        pending = task
        do {
            let (token, expires) = try await task.value
            cached = (token, expires)
            pending = nil
            return token
        } catch {
            pending = nil
            throw error as? EngageError ?? EngageError(kind: .transport, detail: "the token endpoint: \(error)")
        }
    }

    public func invalidate(_ token: BearerToken) async -> Bool {
        if cached?.token == token { cached = nil }
        return true
    }

    private struct TokenResponse: Decodable {
        var access_token: String
        var expires_in: Double?
    }

    private struct ErrorResponse: Decodable {
        var error: String?
        var error_description: String?
    }

    private func fetch() async throws -> (BearerToken, Date) {
        let correlationId = UUID().uuidString.lowercased()
        let form = [("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret.secret)]
        let request = HTTPRequest(
            method: .post, url: tokenURL.absoluteString,
            headers: [
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Accept", "application/json"),
                ("X-Correlation-Id", correlationId),
            ],
            body: Data(form.map { "\($0)=\(PercentEncoding.encode($1))" }.joined(separator: "&").utf8),
            timeout: requestTimeout, reusesConnections: false)
        let requestedAt = now()
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw EngageClient.transportError(error, correlationId: correlationId, timeout: requestTimeout)
        }
        let status = response.status
        let body = response.body
        guard (200..<300).contains(status) else {
            let problem = try? JSONDecoder().decode(ErrorResponse.self, from: body)
            let reason = [problem?.error, problem?.error_description].compactMap { $0 }.joined(separator: ": ")
            let kind: EngageError.Kind = switch status {
            case 400, 401, 403: .unauthorized
            case 429: .rateLimited
            case 500...: .serverFailure
            default: .unexpectedStatus
            }
            throw EngageError(
                kind: kind, httpStatus: status, correlationId: correlationId,
                retryAfter: status == 429 ? EngageClient.retryAfter(response.headers["retry-after"]) : nil,
                detail: "the token endpoint refused the client credentials of \(clientID)" + (reason.isEmpty ? "" : " (\(reason))"))
        }
        guard let token = try? JSONDecoder().decode(TokenResponse.self, from: body), !token.access_token.isEmpty else {
            throw EngageError(kind: .undecodable, httpStatus: status, correlationId: correlationId, jsonPath: "access_token",
                              detail: "the token endpoint's answer has no access_token")
        }
        let lifetime = max(0, (token.expires_in ?? 60) - Self.seconds(refreshMargin))
        return (BearerToken(token.access_token), requestedAt.addingTimeInterval(lifetime))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
