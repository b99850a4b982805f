import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// HTTP/1.1 over SwiftNIO, with TLS from swift-nio-ssl (BoringSSL, linked into the binary, with
/// the system's CA certificates). Nothing to load at start: a `show` process is done before the
/// `curl` command has loaded libcurl's thirty libraries.
///
/// Reads keep up to `maxIdleConnections` connections alive for the next read; each write gets a
/// connection of its own, closed after its answer, so nothing can send it twice. Timeouts cover
/// the whole exchange, connecting included; cancelling the calling task ends the wait at once.
final class HTTPTransport: Sendable {
    private static let maxIdleConnections = 4

    /// One event loop carries every connection of the process (at most a handful): starting the
    /// shared group of one loop per core took 0.7 ms of a 12 ms `show` process.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let group: any EventLoopGroup
    private let idle = Mutex<[IdleConnection]>([])
    private let tlsConfiguration: TLSConfiguration
    /// Where `https_proxy` and `no_proxy` are read.
    private let environment: [String: String]
    private let maxBodyBytes: Int
    private let tls = Mutex<NIOSSLContext?>(nil)

    /// A kept-alive connection and where it leads.
    private struct IdleConnection: Sendable {
        var origin: Origin
        var channel: any Channel
        var collector: ResponseCollector
    }

    /// Scheme, host and port: which connections can carry a request.
    private struct Origin: Hashable, Sendable {
        var secure: Bool
        var host: String
        var port: Int
    }

    /// - Parameters:
    ///   - tlsConfiguration: what https connections trust (tests add their own CA).
    ///   - environment: `https_proxy`/`no_proxy`, as curl reads them.
    ///   - maxBodyBytes: the longest answer body read (64 MB; tests use less).
    init(
        group: any EventLoopGroup = HTTPTransport.eventLoops,
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        maxBodyBytes: Int = ResponseCollector.maxBodyBytes
    ) {
        self.group = group
        self.tlsConfiguration = tlsConfiguration
        self.environment = environment
        self.maxBodyBytes = maxBodyBytes
    }

    /// Verifies servers against the system's CA certificates, and those in `certificateAuthoritiesFile`
    /// (PEM) if given.
    convenience init(trusting certificateAuthoritiesFile: String?) {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let certificateAuthoritiesFile { configuration.additionalTrustRoots = [.file(certificateAuthoritiesFile)] }
        self.init(tlsConfiguration: configuration)
    }

    deinit {
        for connection in idle.withLock({ $0 }) { connection.channel.close(promise: nil) }
    }

    /// Sends `request` and waits for the whole answer.
    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            throw TransportFailure(reason: .other, detail: "not an http(s) URL: \(request.url)")
        }
        let origin = Origin(secure: scheme == "https", host: host, port: url.port ?? (scheme == "https" ? 443 : 80))
        let deadline = NIODeadline.now() + .nanoseconds(request.timeout.nanoseconds)
        if request.reusesConnections, let kept = takeIdle(origin) {
            do {
                return try await exchange(request, url: url, origin: origin, on: kept.channel, kept.collector, deadline: deadline)
            } catch is StaleConnection {
                // Closed by the server while idle, so the request never reached it: go again on a
                // fresh connection.
            } catch {
                throw TransportFailure(error)
            }
        }
        do {
            let (channel, collector) = try await connect(origin, deadline: deadline)
            return try await exchange(request, url: url, origin: origin, on: channel, collector, deadline: deadline)
        } catch let stale as StaleConnection {
            throw stale.failure
        } catch {
            throw TransportFailure(error)
        }
    }

    /// A kept connection that the server had closed before the request reached it.
    private struct StaleConnection: Error {
        var failure: TransportFailure
    }

    private func connect(_ origin: Origin, deadline: NIODeadline) async throws -> (any Channel, ResponseCollector) {
        let tlsContext = origin.secure ? try sharedTLSContext() : nil
        let loop = group.next()
        let collector = ResponseCollector(maxBodyBytes: maxBodyBytes)
        let timeout = deadline - .now()
        guard timeout > .zero else { throw TransportFailure(reason: .timedOut, detail: "no time left to connect") }
        let address = Self.addressLiteral(origin.host, port: origin.port)
        let proxy = origin.secure ? HTTPProxy.forHTTPS(to: origin.host, environment: environment) : nil
        // SNI takes a host name only; an address literal is checked against the certificate's
        // IP entries instead.
        let serverName = address == nil ? origin.host : nil
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // Through a proxy, TLS and HTTP start once the tunnel is open.
                    if proxy == nil { try Self.addHandlers(to: channel, tls: tlsContext, serverName: serverName, collector) }
                }
            }
        let channel: any Channel
        if let proxy {
            channel = try await bootstrap.connect(host: proxy.host, port: proxy.port).get()
            let opened = channel.eventLoop.makePromise(of: Void.self)
            let tunnel = ProxyTunnel(to: "\(origin.host):\(origin.port)", authorization: proxy.authorization, opened: opened)
            let timeUp = channel.eventLoop.scheduleTask(deadline: deadline) {
                tunnel.giveUp(TransportFailure(reason: .timedOut, detail: "the proxy did not open the tunnel in time"), closing: channel)
            }
            defer { timeUp.cancel() }
            try await channel.pipeline.addHandler(tunnel).get()
            try await opened.futureResult.get()
            try await channel.eventLoop.submit {
                try Self.addHandlers(to: channel, tls: tlsContext, serverName: serverName, collector)
            }.get()
        } else {
            // An address needs no name resolution (nor Happy Eyeballs between the results).
            channel = try await (address.map { bootstrap.connect(to: $0) } ?? bootstrap.connect(host: origin.host, port: origin.port)).get()
        }
        return (channel, collector)
    }

    /// TLS (for https), the HTTP/1.1 codec and the collector of answers.
    private static func addHandlers(
        to channel: any Channel, tls: NIOSSLContext?, serverName: String?, _ collector: ResponseCollector
    ) throws {
        if let tls {
            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
        }
        try channel.pipeline.syncOperations.addHTTPClientHandlers()
        try channel.pipeline.syncOperations.addHandler(collector)
    }

    /// One request and its answer on `channel`; keeps the connection for the next read if it may.
    private func exchange(
        _ request: HTTPRequest, url: URL, origin: Origin, on channel: any Channel,
        _ collector: ResponseCollector, deadline: NIODeadline
    ) async throws -> HTTPResponse {
        let loop = channel.eventLoop
        let answer = loop.makePromise(of: HTTPResponse.self)
        let head = Self.head(of: request, url: url, origin: origin)
        let body = request.body.map { ByteBuffer(bytes: $0) }
        loop.execute {
            collector.expect(answer)
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            if let body, body.readableBytes > 0 { channel.write(HTTPClientRequestPart.body(.byteBuffer(body)), promise: nil) }
            channel.writeAndFlush(HTTPClientRequestPart.end(nil)).whenFailure { error in
                collector.fail(TransportFailure(error))
                channel.close(promise: nil)
            }
        }
        let timeout = loop.scheduleTask(deadline: deadline) {
            collector.fail(TransportFailure(reason: .timedOut, detail: "no answer in time"))
            channel.close(promise: nil)
        }
        defer { timeout.cancel() }
        let response: HTTPResponse
        do {
            response = try await withTaskCancellationHandler {
                try await answer.futureResult.get()
            } onCancel: {
                loop.execute { collector.fail(TransportFailure(reason: .cancelled, detail: "cancelled")) }
                channel.close(promise: nil)
            }
        } catch let failure as TransportFailure {
            let answered = try? await loop.submit { collector.answerStarted }.get()
            channel.close(promise: nil)
            if request.reusesConnections, failure.reason == .connectionLost, answered == false {
                throw StaleConnection(failure: failure)
            }
            throw failure
        }
        let keepsAlive = (try? await loop.submit { collector.keepsAlive }.get()) ?? false
        if request.reusesConnections, keepsAlive, channel.isActive {
            keepIdle(IdleConnection(origin: origin, channel: channel, collector: collector))
        } else {
            channel.close(promise: nil)
        }
        return response
    }

    private static func head(of request: HTTPRequest, url: URL, origin: Origin) -> HTTPRequestHead {
        let method: HTTPMethod = switch request.method {
        case .get: .GET
        case .post: .POST
        case .patch: .PATCH
        }
        var target = url.path(percentEncoded: true)
        if target.isEmpty { target = "/" }
        if let query = url.query(percentEncoded: true) { target += "?" + query }
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: target)
        let defaultPort = origin.port == (origin.secure ? 443 : 80)
        let host = origin.host.contains(":") ? "[\(origin.host)]" : origin.host
        head.headers.add(name: "Host", value: defaultPort ? host : "\(host):\(origin.port)")
        for (name, value) in request.headers { head.headers.add(name: name, value: value) }
        if request.method != .get {
            head.headers.replaceOrAdd(name: "Content-Length", value: String(request.body?.count ?? 0))
        }
        if !request.reusesConnections { head.headers.replaceOrAdd(name: "Connection", value: "close") }
        return head
    }

    private func takeIdle(_ origin: Origin) -> IdleConnection? {
        idle.withLock { connections in
            connections.removeAll { !$0.channel.isActive }
            guard let index = connections.lastIndex(where: { $0.origin == origin }) else { return nil }
            return connections.remove(at: index)
        }
    }

    private func keepIdle(_ connection: IdleConnection) {
        let surplus = idle.withLock { connections -> (any Channel)? in
            connections.append(connection)
            return connections.count > Self.maxIdleConnections ? connections.removeFirst().channel : nil
        }
        surplus?.close(promise: nil)
    }

    /// The client TLS context (by default the system's CA certificates, full verification), made
    /// on first use.
    private func sharedTLSContext() throws -> NIOSSLContext {
        try tls.withLock { context in
            if let context { return context }
            let made = try NIOSSLContext(configuration: tlsConfiguration)
            context = made
            return made
        }
    }

    /// The socket address when `host` is an IPv4 or IPv6 address rather than a name.
    private static func addressLiteral(_ host: String, port: Int) -> SocketAddress? {
        try? SocketAddress(ipAddress: host, port: port)
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
