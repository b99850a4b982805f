import EngageAPI
import Foundation

/// How to start a sandbox: where it listens, which tenant it serves, what it expects.
public struct SandboxConfiguration: Sendable {
    /// Always a loopback address: the sandbox is a test double, not a service.
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    public var enterprise: String
    /// The bearer token every request must carry.
    public var token: String
    /// Seeds the tenant's data and the fault draws.
    public var seed: UInt64
    public var appointmentCount: Int
    /// Appointments start in the days after this instant.
    public var referenceDate: Date
    /// Concurrent requests beyond this get 429, as the real API allows 4 per IP.
    public var maxConcurrentRequests: Int
    /// The OAuth2 client the token endpoint accepts.
    public var clientID: String
    public var clientSecret: String
    /// `expires_in` of the access tokens it issues.
    public var tokenLifetime: Duration
    /// Serve https with this certificate and key (PEM) instead of plain http: for testing the
    /// client's TLS path.
    public var tls: (certificateChainPEM: String, privateKeyPEM: String)?
    /// Kinds of names whose read scope the token lacks (`--missing-scope customers`): 403.
    public var missingScopes: Set<NameKind>
    /// Kinds of names whose endpoints the tenant does not have (`--missing-endpoint offices`): 404.
    public var absentEndpoints: Set<NameKind>

    /// The token the sandbox expects unless told otherwise; printed at start, shown in the README.
    public static let demoToken = "sandbox-demo-token"
    public static let demoClientID = "sandbox-client"
    public static let demoClientSecret = "sandbox-client-secret"

    public init(
        host: String = "127.0.0.1", port: Int = 0, enterprise: String = "acme", token: String = Self.demoToken,
        seed: UInt64 = 1, appointmentCount: Int = 60, referenceDate: Date = SandboxSeeder.today(),
        maxConcurrentRequests: Int = 4, clientID: String = Self.demoClientID,
        clientSecret: String = Self.demoClientSecret, tokenLifetime: Duration = .seconds(300),
        tls: (certificateChainPEM: String, privateKeyPEM: String)? = nil,
        missingScopes: Set<NameKind> = [], absentEndpoints: Set<NameKind> = []
    ) {
        self.missingScopes = missingScopes
        self.absentEndpoints = absentEndpoints
        self.tls = tls
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.tokenLifetime = tokenLifetime
        self.host = host
        self.port = port
        self.enterprise = enterprise
        self.token = token
        self.seed = seed
        self.appointmentCount = appointmentCount
        self.referenceDate = referenceDate
        self.maxConcurrentRequests = maxConcurrentRequests
    }
}
