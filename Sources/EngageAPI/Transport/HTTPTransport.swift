import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SpawnSupport
import Synchronization

/// HTTP/1.1 through swift-server/async-http-client: its connection pool, TLS (swift-nio-ssl,
/// BoringSSL, the system's CA certificates plus an optional CA file) and its `CONNECT` proxy.
/// What this type adds is what the Engage client promises on top of a pool:
///
/// - Reads share kept-alive connections, closed after `idleTimeout` unused (a NAT that silently
///   drops an idle connection must not make the next read wait out its timeout). A read whose
///   kept connection turns out to have been closed by the server before any answer came is sent
///   once more: the server never saw it.
/// - Each write gets a library client and a connection of its own, closed after its answer, and
///   is never sent again: whatever the transport sees, an accept goes out once. What must happen
///   before it leaves (the audit trail's line reaching the disk) runs while that connection is
///   set up, and the connection carries the request only once it is done.
/// - The timeout covers the whole exchange, connecting and reading the body included; cancelling
///   the calling task ends the wait at once.
/// - No body longer than `maxBodyBytes` is read.
/// - Through a proxy, an https URL with an IP address gets its certificate checked against that
///   address (the library would check it against the proxy's).
final class HTTPTransport: Sendable {
    /// The longest answer body read: a server that sends more (an endless chunked body, a huge
    /// one) gets its connection closed and the request a `.tooLarge` failure.
    static let maxBodyBytes = 64 * 1024 * 1024
    /// How long a kept-alive connection may sit unused before it is closed (below the 60 s that
    /// load balancers commonly keep one, and far below a NAT's few minutes).
    static let idleTimeout = Duration.seconds(50)

    /// One event loop carries every connection of the process (at most a handful): starting the
    /// shared group of one loop per core took 0.7 ms of a 12 ms `show` process.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private let group: any EventLoopGroup
    private let tlsConfiguration: TLSConfiguration
    /// Where `https_proxy` and `no_proxy` are read.
    private let environment: [String: String]
    private let maxBodyBytes: Int
    private let connectTimeout: Duration
    private let idleTimeout: Duration
    /// One library client per way out for the requests that share connections, made when first
    /// needed (usually one).
    private let carriers = Mutex<[Route: Carrier]>([:])

    /// A library client and how many connections it has set up so far.
    private struct Carrier: Sendable {
        var client: HTTPClient
        var setUp: ConnectionTally
    }

    /// What a request needs of the client that carries it: the library sets proxy and certificate
    /// checks per client, not per request.
    private struct Route: Hashable, Sendable {
        var proxy: HTTPProxy?
        /// The IP address an https server reached through the proxy must be certified for.
        var certifiedAddress: String?
    }

    /// - Parameters:
    ///   - tlsConfiguration: what https connections trust (tests add their own CA).
    ///   - environment: `https_proxy`/`no_proxy`, as curl reads them.
    ///   - maxBodyBytes: the longest answer body read (64 MB; tests use less).
    ///   - connectTimeout: the longest wait for a connection (TCP, proxy tunnel, TLS), within
    ///     each request's own timeout.
    ///   - idleTimeout: how long a kept connection may sit unused (tests use less).
    init(
        group: any EventLoopGroup = HTTPTransport.eventLoops,
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        maxBodyBytes: Int = HTTPTransport.maxBodyBytes,
        connectTimeout: Duration = .seconds(30),
        idleTimeout: Duration = HTTPTransport.idleTimeout
    ) {
        self.group = group
        self.tlsConfiguration = tlsConfiguration
        self.environment = environment
        self.maxBodyBytes = maxBodyBytes
        self.connectTimeout = connectTimeout
        self.idleTimeout = idleTimeout
    }

    /// Verifies servers against the system's CA certificates, and those in `certificateAuthoritiesFile`
    /// (PEM) if given. The system's are read from the folder of certificates by subject hash where
    /// there is one (`SystemTrustStore`), one certificate when a chain asks for it.
    convenience init(
        trusting certificateAuthoritiesFile: String?, connectTimeout: Duration,
        systemTrustFolder: String? = SystemTrustStore.hashedFolder()
    ) {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let systemTrustFolder { configuration.trustRoots = .file(systemTrustFolder) }
        if let certificateAuthoritiesFile { configuration.additionalTrustRoots = [.file(certificateAuthoritiesFile)] }
        self.init(tlsConfiguration: configuration, connectTimeout: connectTimeout)
    }

    deinit {
        // Closes the kept connections; nothing waits for it.
        for carrier in carriers.withLock({ $0.values }) { _ = carrier.client.shutdown() }
    }

    /// Sends `request` and waits for the whole answer.
    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            throw TransportFailure(reason: .other, detail: "not an http(s) URL: \(request.url)")
        }
        let proxy = scheme == "https" ? HTTPProxy.forHTTPS(to: host, environment: environment) : nil
        let route = Route(proxy: proxy, certifiedAddress: proxy != nil && AddressLiteral.bytes(of: host) != nil ? host : nil)
        let deadline = ContinuousClock.now + request.timeout
        let prepared = Self.libraryRequest(request)
        let maxBodyBytes = maxBodyBytes
        let gate = request.beforeSending.map { SendingGate($0, on: group.next()) }
        let shared = request.hasOwnConnection ? nil : carrier(for: route)
        let carrier = shared ?? makeCarrier(for: route, gate: gate)
        let client = carrier.client
        // A client of the request's own: its one connection has closed by now, and nothing
        // waits for the client's end.
        defer { if shared == nil { client.shutdown(queue: .global()) { _ in } } }
        let exchanged: Result<HTTPResponse, any Error>
        do {
            exchanged = .success(try await Self.within(deadline) {
                try await Self.exchange(prepared, on: client, countedBy: shared?.setUp, deadline: deadline, maxBodyBytes: maxBodyBytes)
            })
        } catch {
            exchanged = .failure(error)
        }
        if let refusal = await gate?.refusal() {
            // The connection waited for the gate and never carried the request.
            throw TransportFailure(reason: .heldBack, detail: "\(refusal)")
        }
        do {
            return try exchanged.get()
        } catch {
            var failure = TransportFailure(error, tunnelTarget: proxy.map { _ in "\(host):\(url.port ?? 443)" })
            // Its own client set up no connection, so nothing carried the request.
            failure.neverSent = shared == nil && carrier.setUp.count == 0
            throw failure
        }
    }

    /// The request and its whole answer. On a shared client (whose connections `setUp`
    /// counts), a read that found its kept connection closed goes once more.
    private static func exchange(
        _ request: HTTPClientRequest, on client: HTTPClient, countedBy setUp: ConnectionTally?,
        deadline: ContinuousClock.Instant, maxBodyBytes: Int
    ) async throws -> HTTPResponse {
        let libraryDeadline = NIODeadline.now() + .nanoseconds((deadline - .now).nanoseconds)
        let setUpBefore = setUp?.count
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: libraryDeadline)
        } catch where setUp != nil && TransportFailure(error).reason == .connectionLost && setUp?.count == setUpBefore {
            // The connection ended before any of the answer came, and no connection was set up
            // meanwhile, so it was a kept one: closed by the server while idle, before the
            // request reached it (a server that closes one drops what was on its way).
            response = try await client.execute(request, deadline: libraryDeadline)
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw TransportFailure(reason: .tooLarge, detail: "the answer is larger than \(megabytes(maxBodyBytes)) MB")
        }
        var headers: [String: String] = [:]
        for (name, value) in response.headers {
            // A repeated field reads as one list, as RFC 9110 combines them.
            let key = name.lowercased()
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(bytes / 1_048_576) : PlainText.fixed(Double(bytes) / 1_048_576, digits: 2)
    }

    /// Runs `work` until `deadline`; past it, `work` is cancelled and the request timed out.
    private static func within(
        _ deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            group.addTask(operation: work)
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                throw TransportFailure(reason: .timedOut, detail: "no answer in time")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    private static func libraryRequest(_ request: HTTPRequest) -> HTTPClientRequest {
        var prepared = HTTPClientRequest(url: request.url)
        prepared.method = switch request.method {
        case .get: .GET
        case .post: .POST
        case .patch: .PATCH
        }
        for (name, value) in request.headers { prepared.headers.add(name: name, value: value) }
        // The library frames the body (`Content-Length`, also 0 for an empty POST).
        if let body = request.body, !body.isEmpty { prepared.body = .bytes(ByteBuffer(bytes: body)) }
        if request.hasOwnConnection { prepared.headers.replaceOrAdd(name: "Connection", value: "close") }
        return prepared
    }

    /// The shared library client for `route`, made when first needed.
    private func carrier(for route: Route) -> Carrier {
        carriers.withLock { carriers in
            if let carrier = carriers[route] { return carrier }
            let carrier = makeCarrier(for: route)
            carriers[route] = carrier
            return carrier
        }
    }

    /// A new library client for `route`; with a `gate`, a client of one request's own, whose
    /// connection waits for it.
    private func makeCarrier(for route: Route, gate: SendingGate? = nil) -> Carrier {
        let setUp = ConnectionTally()
        return Carrier(
            client: HTTPClient(eventLoopGroup: group, configuration: configuration(for: route, counting: setUp, gate: gate)),
            setUp: setUp)
    }

    /// - Parameters:
    ///   - setUp: counts the connections set up, each once it is ready to carry a request.
    ///   - gate: what each new connection waits for before it carries a request (a client of
    ///     one request's own).
    private func configuration(
        for route: Route, counting setUp: ConnectionTally, gate: SendingGate? = nil
    ) -> HTTPClient.Configuration {
        var tls = tlsConfiguration
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: .nanoseconds(connectTimeout.nanoseconds)),
            connectionPool: .init(idleTimeout: .nanoseconds(idleTimeout.nanoseconds)),
            proxy: route.proxy.map(\.libraryProxy), decompression: .disabled)
        configuration.httpVersion = .http1Only
        // A refused connection is reported, not tried again until the deadline: reads are
        // repeated by the client's retry policy, writes never.
        configuration.connectionPool.retryConnectionEstablishment = false
        // The chain is still verified by the handshake; the name is checked once the handshake
        // is done, against the address asked for, before the request goes out.
        let certifiedAddress = tls.certificateVerification == .fullVerification ? route.certifiedAddress : nil
        if certifiedAddress != nil {
            tls.certificateVerification = .noHostnameVerification
            configuration.tlsConfiguration = tls
        }
        // Called for every new connection, before it carries a request.
        configuration.http1_1ConnectionDebugInitializer = { channel in
            let checked = certifiedAddress.map { CertifiedAddress.check($0, on: channel) } ?? channel.eventLoop.makeSucceededVoidFuture()
            let ready = gate.map { gate in checked.flatMap { gate.passed.hop(to: channel.eventLoop) } } ?? checked
            return ready.map { setUp.add() }.flatMapError { error in
                // The library drops a connection that fails here without closing it.
                channel.close(promise: nil)
                return channel.eventLoop.makeFailedFuture(error)
            }
        }
        return configuration
    }
}

/// What must be done before a request leaves (`HTTPRequest.beforeSending`), started at once on a
/// thread of its own (it blocks on the disk; NIO's pool for blocking work would start two, 0.2 ms
/// of an accept process) while the connection is set up; the connection waits for `passed`.
private struct SendingGate: Sendable {
    /// Succeeds once the work has returned; fails with what it threw.
    let passed: EventLoopFuture<Void>

    init(_ work: @escaping @Sendable () throws -> Void, on eventLoop: any EventLoop) {
        let promise = eventLoop.makePromise(of: Void.self)
        DetachedThread.start(name: "before-sending") {
            do {
                try work()
                promise.succeed(())
            } catch {
                promise.fail(error)
            }
        }
        passed = promise.futureResult
    }

    /// Waits for the work to finish (whatever became of the request); what it threw, if anything.
    func refusal() async -> (any Error)? {
        do {
            try await passed.get()
            return nil
        } catch {
            return error
        }
    }
}

/// How many connections a library client has set up: a failed read during which none was set up
/// rode a kept one, and a request on a client of its own that set up none never left.
private final class ConnectionTally: Sendable {
    private let setUp = Atomic<Int>(0)
    var count: Int { setUp.load(ordering: .acquiring) }
    func add() { setUp.add(1, ordering: .releasing) }
}

extension HTTPProxy {
    /// The proxy as async-http-client takes it (`CONNECT` with Basic credentials, if any).
    fileprivate var libraryProxy: HTTPClient.Configuration.Proxy {
        let basicPrefix = "Basic "
        let credentials = authorization.flatMap { $0.hasPrefix(basicPrefix) ? String($0.dropFirst(basicPrefix.count)) : nil }
        return .server(host: host, port: port, authorization: credentials.map { .basic(credentials: $0) })
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
