import EngageAPI
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A stand-in Engage tenant served over real HTTP on loopback: the `--demo` backend, the target
/// of every end-to-end test, and the `engage-sandbox` command.
public final class SandboxServer: Sendable {
    public let configuration: SandboxConfiguration
    /// The tenant's data and state rules; tests may inspect or change it directly.
    public let tenant: SandboxTenant
    /// The fault plan; tests and the command line set it.
    public let faults: SandboxFaults
    /// The port actually bound (useful when the configuration asked for 0).
    public let port: Int
    private let channel: any NIOCore.Channel

    private init(configuration: SandboxConfiguration, tenant: SandboxTenant, faults: SandboxFaults, channel: any NIOCore.Channel) {
        self.configuration = configuration
        self.tenant = tenant
        self.faults = faults
        self.channel = channel
        port = channel.localAddress?.port ?? configuration.port
    }

    /// Seeds the tenant and starts listening; returns once the port is bound.
    public static func start(_ configuration: SandboxConfiguration = SandboxConfiguration()) async throws -> SandboxServer {
        let seeder = SandboxSeeder(
            seed: configuration.seed, count: configuration.appointmentCount, referenceDate: configuration.referenceDate)
        let tenant = SandboxTenant(appointments: seeder.appointments())
        let faults = SandboxFaults(seed: configuration.seed)
        let router = SandboxRouter(enterprise: configuration.enterprise, token: configuration.token, tenant: tenant)
        let gate = ConcurrencyGate(limit: configuration.maxConcurrentRequests)

        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        SandboxHTTPHandler(router: router, faults: faults, gate: gate))
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()
        return SandboxServer(configuration: configuration, tenant: tenant, faults: faults, channel: channel)
    }

    /// `http://127.0.0.1:<port>/enterprises/<enterprise>`: what `ENGAGE_BASE_URL` should be.
    public var baseURL: URL {
        URL(string: "http://\(configuration.host):\(port)/enterprises/\(configuration.enterprise)")!
    }

    /// Stops listening; connections in progress are closed.
    public func stop() async throws {
        try await channel.close()
    }

    /// Returns when the server stopped (for the `engage-sandbox` command).
    public func waitUntilStopped() async throws {
        try await channel.closeFuture.get()
    }
}
