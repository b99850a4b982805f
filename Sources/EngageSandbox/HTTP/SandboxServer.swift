import EngageAPI
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A stand-in Engage tenant served over real HTTP on loopback: the `--demo` backend, the target
/// of every end-to-end test, and the `engage-sandbox` command.
public final class SandboxServer: Sendable {
    public let configuration: SandboxConfiguration
    /// The tenant's data and state rules; tests may inspect or change it directly.
    public let tenant: SandboxTenant
    /// The fault plan; tests and the command line set it.
    public let faults: SandboxFaults
    /// The OAuth2 token endpoint's accepted client and issued tokens.
    public let tokens: SandboxTokens
    /// What was asked of the name endpoints (for the benchmark).
    public let nameTally: NameRequestTally
    /// The port actually bound (useful when the configuration asked for 0).
    public let port: Int
    private let channel: any NIOCore.Channel
    private let gate: ConcurrencyGate
    private let log: RequestLog
    private let connections: OpenConnections

    private init(
        configuration: SandboxConfiguration, tenant: SandboxTenant, faults: SandboxFaults, tokens: SandboxTokens,
        nameTally: NameRequestTally, gate: ConcurrencyGate,
        log: RequestLog, connections: OpenConnections, channel: any NIOCore.Channel
    ) {
        self.configuration = configuration
        self.tenant = tenant
        self.faults = faults
        self.tokens = tokens
        self.nameTally = nameTally
        self.gate = gate
        self.log = log
        self.connections = connections
        self.channel = channel
        port = channel.localAddress?.port ?? configuration.port
    }

    /// Seeds the tenant and starts listening; returns once the port is bound.
    public static func start(_ configuration: SandboxConfiguration = SandboxConfiguration()) async throws -> SandboxServer {
        let seeder = SandboxSeeder(
            seed: configuration.seed, count: configuration.appointmentCount, referenceDate: configuration.referenceDate)
        let tenant = SandboxTenant(appointments: seeder.appointments())
        let faults = SandboxFaults(seed: configuration.seed)
        let tokens = SandboxTokens(
            clientID: configuration.clientID, clientSecret: configuration.clientSecret, lifetime: configuration.tokenLifetime)
        var configuredRouter = SandboxRouter(
            enterprise: configuration.enterprise, token: configuration.token, tenant: tenant, tokens: tokens)
        configuredRouter.missingScopes = configuration.missingScopes
        configuredRouter.absentEndpoints = configuration.absentEndpoints
        // A constant from here on: the connections' handlers, on the event loops, each get a copy.
        let router = configuredRouter
        let gate = ConcurrencyGate(limit: configuration.maxConcurrentRequests)
        let log = RequestLog()
        let connections = OpenConnections()
        let tlsContext = try configuration.tls.map { tls in
            try NIOSSLContext(configuration: .makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(tls.certificateChainPEM.utf8)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(tls.privateKeyPEM.utf8), format: .pem))))
        }

        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let connection = connections.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    if let tlsContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        SandboxHTTPHandler(router: router, faults: faults, gate: gate, log: log, connection: connection))
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()
        return SandboxServer(
            configuration: configuration, tenant: tenant, faults: faults, tokens: tokens, nameTally: router.nameTally,
            gate: gate, log: log,
            connections: connections,
            channel: channel)
    }

    /// `http://127.0.0.1:<port>/enterprises/<enterprise>` (https when serving TLS): what
    /// `ENGAGE_BASE_URL` should be.
    public var baseURL: URL {
        URL(string: "\(scheme)://\(configuration.host):\(port)/enterprises/\(configuration.enterprise)")!
    }

    /// `http://127.0.0.1:<port>/realms/<enterprise>/protocol/openid-connect/token`: the OAuth2 token endpoint.
    public var tokenURL: URL {
        URL(string: "\(scheme)://\(configuration.host):\(port)/realms/\(configuration.enterprise)/protocol/openid-connect/token")!
    }

    private var scheme: String { configuration.tls == nil ? "http" : "https" }

    /// The most recent requests received (up to 1,000), oldest first.
    public var receivedRequests: [SandboxRequest] { log.all }

    /// Closes every open connection, as servers do with kept-alive connections left idle.
    public func closeOpenConnections() async {
        await connections.closeAll()
    }

    /// How many client connections are open now (a client closing an idle one lowers it).
    public var openConnectionCount: Int { connections.count }

    /// The most requests that were being answered at the same time so far.
    public var peakConcurrentRequests: Int { gate.peak }

    /// A client configuration for this sandbox: its base URL and token, loopback http allowed.
    public func clientConfiguration(
        acceptLanguage: String = "en *", pageSize: Int = 25, requestTimeout: Duration = .seconds(30),
        retryPolicy: RetryPolicy = .standard
    ) -> EngageClientConfiguration {
        // The sandbox's URL is always http on loopback, which the configuration accepts.
        try! EngageClientConfiguration(
            baseURL: baseURL, tokenProvider: StaticTokenProvider(BearerToken(configuration.token)),
            acceptLanguage: acceptLanguage, pageSize: pageSize, requestTimeout: requestTimeout, retryPolicy: retryPolicy)
    }

    /// A client for this sandbox (see `clientConfiguration`).
    public func makeClient(
        acceptLanguage: String = "en *", pageSize: Int = 25, requestTimeout: Duration = .seconds(30),
        retryPolicy: RetryPolicy = .standard
    ) -> EngageClient {
        EngageClient(configuration: clientConfiguration(
            acceptLanguage: acceptLanguage, pageSize: pageSize, requestTimeout: requestTimeout, retryPolicy: retryPolicy))
    }

    /// Starts a sandbox, runs `body` with it and stops it, also when `body` throws.
    public static func withRunning<Result>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (SandboxServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(configuration)
        do {
            let result = try await body(server)
            try? await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    /// Life in the tenant while it runs (`--churn`): every `interval` a new pending request
    /// arrives, and every second time a colleague accepts the oldest pending one. Cancel the task
    /// to stop it.
    @discardableResult
    public func startChurn(every interval: Duration) -> Task<Void, Never> {
        let seeder = SandboxSeeder(seed: configuration.seed, count: 0, referenceDate: configuration.referenceDate)
        let tenant = tenant
        return Task {
            var turn = 0
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                turn += 1
                tenant.add(seeder.arrivingRequest(index: tenant.appointments.count, now: Date()))
                if turn % 2 == 0 { tenant.acceptOldestPendingAsColleague() }
            }
        }
    }

    /// Stops listening and closes every open connection (a hung request included).
    public func stop() async throws {
        try await channel.close()
        await connections.closeAll()
    }

    /// Returns when the server stopped (for the `engage-sandbox` command).
    public func waitUntilStopped() async throws {
        try await channel.closeFuture.get()
    }
}
