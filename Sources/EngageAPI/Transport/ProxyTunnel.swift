import NIOCore

/// Opens a `CONNECT` tunnel through an HTTP proxy on a fresh connection: sends the request,
/// reads the proxy's answer up to its blank line, and removes itself once the proxy said 200,
/// leaving the connection to the TLS and HTTP handlers added next.
///
/// Used on its channel's event loop only.
final class ProxyTunnel: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let target: String
    private let authorization: String?
    private let opened: EventLoopPromise<Void>
    private var answer = ByteBuffer()
    private var settled = false

    /// - Parameter target: `host:port` to tunnel to.
    init(to target: String, authorization: String?, opened: EventLoopPromise<Void>) {
        self.target = target
        self.authorization = authorization
        self.opened = opened
    }

    func handlerAdded(context: ChannelHandlerContext) {
        var request = "CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\n"
        if let authorization { request += "Proxy-Authorization: \(authorization)\r\n" }
        request += "\r\n"
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: request)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var part = unwrapInboundIn(data)
        answer.writeBuffer(&part)
        let text = String(buffer: answer)
        guard let end = text.range(of: "\r\n\r\n") else {
            if answer.readableBytes > 16_384 { fail(context, "the proxy's answer to CONNECT never ended") }
            return
        }
        let statusLine = text[..<(text.firstIndex(of: "\r") ?? end.lowerBound)]
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        guard status == 200 else {
            fail(context, "the proxy refused the tunnel to \(target): \(statusLine)")
            return
        }
        settled = true
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        opened.succeed()
    }

    func channelInactive(context: ChannelHandlerContext) {
        settle(TransportFailure(reason: .connectionLost, detail: "the proxy closed the connection before the tunnel opened"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        settle(TransportFailure(error))
        context.close(promise: nil)
    }

    private func fail(_ context: ChannelHandlerContext, _ detail: String) {
        settle(TransportFailure(reason: .other, detail: detail))
        context.close(promise: nil)
    }

    /// Ends the wait for the proxy (the request's time is up) and closes the connection.
    func giveUp(_ failure: TransportFailure, closing channel: any Channel) {
        settle(failure)
        channel.close(promise: nil)
    }

    private func settle(_ failure: TransportFailure) {
        guard !settled else { return }
        settled = true
        opened.fail(failure)
    }
}
