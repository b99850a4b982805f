import Foundation
import NIOCore
import NIOHTTP1

/// Carries requests from SwiftNIO's HTTP/1.1 pipeline to the router and writes the answers,
/// or the injected faults: socket-level control (a reset, a truncated body, a hang) is why the
/// sandbox sits on SwiftNIO directly rather than on a framework that turns errors into 500s.
final class SandboxHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let router: SandboxRouter
    private let faults: SandboxFaults
    private let gate: ConcurrencyGate
    private let log: RequestLog
    /// The serial number of this handler's connection.
    private let connection: Int
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var holdsSlot = false

    init(router: SandboxRouter, faults: SandboxFaults, gate: ConcurrencyGate, log: RequestLog, connection: Int) {
        self.router = router
        self.faults = faults
        self.gate = gate
        self.log = log
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var chunk):
            // Only the token endpoint reads a body, a short form; anything beyond 64 KiB is dropped.
            if body.readableBytes < 65_536 { body.writeBuffer(&chunk) }
        case .end:
            if let head { handle(head, context: context) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        releaseSlot()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func handle(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name] = value }
        let request = SandboxRequest(
            method: head.method.rawValue, target: head.uri, headers: headers, body: Data(body.readableBytesView),
            connection: connection)
        log.append(request)
        guard gate.enter() else {
            write(.injected(status: 429), for: head, request: request, context: context)
            return
        }
        holdsSlot = true
        let (fault, latency) = faults.next(for: router.endpoint(of: request))
        if latency > .zero {
            let nanoseconds = latency.components.seconds * 1_000_000_000 + latency.components.attoseconds / 1_000_000_000
            context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(nanoseconds)) {
                self.answer(head, request: request, fault: fault, context: context)
            }
        } else {
            answer(head, request: request, fault: fault, context: context)
        }
    }

    private func answer(_ head: HTTPRequestHead, request: SandboxRequest, fault: Fault?, context: ChannelHandlerContext) {
        switch fault {
        case nil:
            write(router.respond(to: request), for: head, request: request, context: context)
        case .status(let status):
            write(.injected(status: status), for: head, request: request, context: context)
        case .malformedJSON:
            let body = Data(#"{"data": [{"id": "1001", "status": "INCOMING_REQ"#.utf8) + Data("<html>502</html>".utf8)
            write(SandboxResponse(status: 200, headers: [("Content-Type", "application/json")], body: body),
                  for: head, request: request, context: context)
        case .truncatedBody:
            let full = router.respond(to: request)
            write(full, for: head, request: request, context: context, truncatingAt: full.body.count / 2)
        case .connectionReset:
            releaseSlot()
            // SO_LINGER 0 makes close() send a TCP RST instead of an orderly FIN.
            guard let socket = context.channel as? any SocketOptionProvider else {
                context.close(promise: nil)
                return
            }
            socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        case .hang:
            break  // Keep the slot and the connection until the client gives up.
        }
    }

    private func write(
        _ response: SandboxResponse, for head: HTTPRequestHead, request: SandboxRequest,
        context: ChannelHandlerContext, truncatingAt cut: Int? = nil
    ) {
        releaseSlot()
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        if let correlationId = request.headers["x-correlation-id"] {
            headers.replaceOrAdd(name: "X-Correlation-Id", value: correlationId)
        }
        let keepAlive = head.isKeepAlive && cut == nil
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(
            version: head.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers))), promise: nil)
        let body = cut.map { response.body.prefix($0) } ?? response.body
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        if cut != nil {
            context.flush()
            context.close(promise: nil)
            return
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            done.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    private func releaseSlot() {
        if holdsSlot {
            holdsSlot = false
            gate.leave()
        }
    }
}
