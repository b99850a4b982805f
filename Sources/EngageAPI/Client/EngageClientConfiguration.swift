import Foundation
import Logging

/// Where and how the client talks to one Engage tenant.
public struct EngageClientConfiguration: Sendable {
    /// Everything up to and including `/enterprises/<enterprise>`.
    public var baseURL: URL
    public var tokenProvider: any TokenProvider
    /// Sent as `Accept-Language`; the server picks translated texts by it.
    public var acceptLanguage: String
    /// `limit` of each list request.
    public var pageSize: Int
    /// How long one request may wait for its answer.
    public var requestTimeout: Duration
    /// How reads are repeated after passing failures; writes never are.
    public var retryPolicy: RetryPolicy
    /// List pages loaded at once. The real API allows 4 concurrent requests per IP; 2 leaves room
    /// for the reads and the accept the user triggers meanwhile.
    public var maxPagesInFlight: Int
    /// A PEM file of CA certificates to trust besides the system's: for a tenant reached through
    /// an inspecting proxy, or behind a private CA.
    public var certificateAuthoritiesFile: String?
    /// Every request is logged here (method, path, status, duration, correlation id; never the
    /// token). Silent unless the app gives it a handler.
    public var logger: Logger

    /// Fails for a base URL that is not `https`, except on a loopback host (the sandbox).
    public init(
        baseURL: URL, tokenProvider: any TokenProvider, acceptLanguage: String = "en *", pageSize: Int = 25,
        requestTimeout: Duration = .seconds(30), retryPolicy: RetryPolicy = .standard, maxPagesInFlight: Int = 2,
        certificateAuthoritiesFile: String? = nil, logger: Logger = Logger(label: "engage-api", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(EngageError) {
        self.logger = logger
        try Self.validate(baseURL: baseURL)
        self.baseURL = baseURL
        self.tokenProvider = tokenProvider
        self.acceptLanguage = acceptLanguage
        self.pageSize = max(1, pageSize)
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.maxPagesInFlight = max(1, maxPagesInFlight)
        self.certificateAuthoritiesFile = certificateAuthoritiesFile
    }

    /// The documented base URL of a tenant: `https://api.<environment>.pexipengage.com/enterprises/<enterprise>`,
    /// where the environment `production` has no segment of its own.
    public static func baseURL(environment: String, enterprise: String) -> URL? {
        let host = environment.isEmpty || environment == "production"
            ? "api.pexipengage.com" : "api.\(environment).pexipengage.com"
        guard !enterprise.isEmpty else { return nil }
        return URL(string: "https://\(host)/enterprises/\(PercentEncoding.encode(enterprise))")
    }

    /// Rejects anything but `https`, or `http` to a loopback address.
    public static func validate(baseURL: URL) throws(EngageError) {
        let scheme = baseURL.scheme?.lowercased()
        guard let host = baseURL.host?.lowercased(), !host.isEmpty, scheme == "https" || scheme == "http" else {
            throw EngageError(kind: .invalidConfiguration, detail: "The base URL \(baseURL.absoluteString) is not an http(s) URL.")
        }
        guard scheme == "https" || Loopback.contains(host: host) else {
            throw EngageError(
                kind: .invalidConfiguration,
                detail: "The base URL must use https (plain http is allowed only for loopback addresses): \(baseURL.absoluteString)"
            )
        }
    }
}
