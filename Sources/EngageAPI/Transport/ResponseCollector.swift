import Foundation
import NIOCore
import NIOHTTP1

/// The end of a connection's pipeline: gathers one answer at a time (head, body, end) and hands
/// it to the request waiting for it, or hands it why there will be none.
///
/// Used on its channel's event loop only.
final class ResponseCollector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    /// No answer's body may be longer: a server that sends more (an endless chunked body, a
    /// huge one) gets the connection closed, and the request a `.tooLarge` failure.
    static let maxBodyBytes = 64 * 1024 * 1024

    private let maxBodyBytes: Int
    /// The answer went over the limit: what is still buffered is dropped, not collected again.
    private var discarding = false

    init(maxBodyBytes: Int = ResponseCollector.maxBodyBytes) {
        self.maxBodyBytes = maxBodyBytes
    }

    private var waiting: EventLoopPromise<HTTPResponse>?
    /// Why the connection ended while no request was waiting (a failed TLS handshake, a server
    /// closing an idle connection): the next request learns it at once.
    private var endedBecause: TransportFailure?
    private var head: HTTPResponseHead?
    private var body = ByteBuffer()
    /// Whether any of the current answer arrived: a kept connection that closes before that was
    /// closed by the server while idle, and the request never reached it.
    private(set) var answerStarted = false
    /// Whether the last complete answer lets the connection be used again.
    private(set) var keepsAlive = false

    /// Waits for the next answer on this connection.
    func expect(_ promise: EventLoopPromise<HTTPResponse>) {
        waiting = promise
        head = nil
        body.clear()
        answerStarted = false
        keepsAlive = false
        if let endedBecause { fail(endedBecause) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !discarding else { return }
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            answerStarted = true
            head = responseHead
            if let length = responseHead.headers.first(name: "content-length").flatMap(Int.init), length > maxBodyBytes {
                tooLarge(context)
            }
        case .body(var part):
            guard body.readableBytes + part.readableBytes <= maxBodyBytes else {
                tooLarge(context)
                return
            }
            body.writeBuffer(&part)
        case .end:
            guard let head, let waiting else { return }
            keepsAlive = head.isKeepAlive
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let response = HTTPResponse(
                status: Int(head.status.code), headers: headers, body: Data(body.readableBytesView))
            self.waiting = nil
            waiting.succeed(response)
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(bytes / 1_048_576) : String(format: "%.2f", Double(bytes) / 1_048_576)
    }

    private func tooLarge(_ context: ChannelHandlerContext) {
        discarding = true
        body = ByteBuffer()
        fail(TransportFailure(reason: .tooLarge, detail: "the answer is larger than \(Self.megabytes(maxBodyBytes)) MB"))
        context.close(promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(TransportFailure(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(TransportFailure(reason: .connectionLost, detail: "the connection closed before the answer was complete"))
        context.fireChannelInactive()
    }

    /// Ends the wait with `failure`, unless the answer is already complete; with no request
    /// waiting, the first failure is kept for the next.
    func fail(_ failure: TransportFailure) {
        guard let waiting else {
            if endedBecause == nil { endedBecause = failure }
            return
        }
        self.waiting = nil
        waiting.fail(failure)
    }
}
