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
        case .rateLimitedWithoutRetryAfter:
            var response = SandboxResponse.injected(status: 429)
            response.headers.removeAll { $0.0 == "Retry-After" }
            write(response, for: head, request: request, context: context)
        case .oversizedBody:
            releaseSlot()
            let headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", "100000000000")])
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
            let part = ByteBuffer(bytes: [UInt8](repeating: 0x20, count: 65_536))
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(part))), promise: nil)
        case .wrongContentType:
            write(SandboxResponse(status: 200, headers: [("Content-Type", "text/html")],
                                  body: Data("<html><body>Proxy login required</body></html>".utf8)),
                  for: head, request: request, context: context)
        case .unknownEnums:
            var response = router.respond(to: request)
            response.body = Self.replacingEnumValues(response.body)
            write(response, for: head, request: request, context: context)
        case .lyingTotalCount:
            var response = router.respond(to: request)
            let text = String(decoding: response.body, as: UTF8.self)
            response.body = Data(text.replacing(#/"totalCount"\s*:\s*\d+/#, with: "\"totalCount\":\(Int.max)").utf8)
            write(response, for: head, request: request, context: context)
        case .byteASecond:
            writeSlowly(router.respond(to: request), for: head, context: context)
        }
    }

    /// Every `status`, `meetingType`, `type` and `role` value replaced by a new one.
    private static func replacingEnumValues(_ body: Data) -> Data {
        var text = String(decoding: body, as: UTF8.self)
        for key in ["status", "meetingType", "type", "role", "createdByType", "createdFrom"] {
            let value = try! Regex("\"\(key)\"\\s*:\\s*\"[A-Z_]+\"")
            text = text.replacing(value, with: "\"\(key)\":\"NEW_\(key.uppercased())_2027\"")
        }
        return Data(text.utf8)
    }

    /// The head at once, then the body one byte a second, until it is sent or the client hangs up.
    private func writeSlowly(_ response: SandboxResponse, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        releaseSlot()
        var headers = HTTPHeaders(response.headers)
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Connection", value: "close")
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(
            version: head.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers))), promise: nil)
        let bytes = Array(response.body)
        let channel = context.channel
        @Sendable func send(_ index: Int) {
            guard index < bytes.count, channel.isActive else {
                channel.close(promise: nil)
                return
            }
            channel.writeAndFlush(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: [bytes[index]]))), promise: nil)
            channel.eventLoop.scheduleTask(in: .seconds(1)) { send(index + 1) }
        }
        send(0)
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
