import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#endif

/// Why a request got no complete HTTP answer.
struct TransportFailure: Error, Sendable {
    enum Reason: Sendable, Equatable {
        case timedOut
        case cancelled
        case connectionRefused
        case hostNotFound
        /// The connection closed or was reset before the answer was complete.
        case connectionLost
        case secureConnectionFailed
        /// The bytes that came back were not HTTP.
        case badResponse
        /// The answer was longer than `HTTPTransport.maxBodyBytes`.
        case tooLarge
        /// The request's `beforeSending` threw (`detail` says what), so nothing was sent.
        case heldBack
        case other
    }

    var reason: Reason
    /// The underlying error in words, for the log and the `other` case.
    var detail: String
    /// The request provably never left: it had a connection of its own, and that connection
    /// never came up (refused, no such host, no TLS, timed out or cancelled while connecting).
    var neverSent = false
}

extension TransportFailure {
    /// What an error of the network stack means for the request.
    ///
    /// - Parameter tunnelTarget: `host:port` asked of the proxy, if the request went through one.
    init(_ error: any Error, tunnelTarget: String? = nil) {
        switch error {
        case let failure as TransportFailure:
            self = failure
        case is CancellationError:
            self.init(reason: .cancelled, detail: "cancelled")
        case let client as HTTPClientError:
            self.init(client, tunnelTarget: tunnelTarget ?? "the server")
        case let connection as NIOConnectionError:
            if let refused = connection.connectionErrors.first?.error {
                self = TransportFailure(refused)
            } else {
                self.init(reason: .hostNotFound, detail: "\(connection)")
            }
        case let io as IOError where [ECONNREFUSED].contains(io.errnoCode):
            self.init(reason: .connectionRefused, detail: "\(io)")
        case let io as IOError where [ECONNRESET, EPIPE, ECONNABORTED].contains(io.errnoCode):
            self.init(reason: .connectionLost, detail: "\(io)")
        case ChannelError.connectTimeout:
            self.init(reason: .timedOut, detail: "\(error)")
        case ChannelError.ioOnClosedChannel, ChannelError.outputClosed, ChannelError.eof:
            self.init(reason: .connectionLost, detail: "\(error)")
        case is HTTPParserError:
            self.init(reason: .badResponse, detail: "\(error)")
        case let extra as NIOSSLExtraError where extra == .failedToValidateHostname:
            self.init(reason: .secureConnectionFailed, detail: "the server's certificate is for another name")
        case NIOSSLError.handshakeFailed(let failure):
            self.init(reason: .secureConnectionFailed, detail: Self.handshakeProblem(failure))
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            self.init(reason: .secureConnectionFailed, detail: "the TLS handshake failed")
        default:
            self.init(reason: .other, detail: "\(error)")
        }
    }

    private init(_ error: HTTPClientError, tunnelTarget: String) {
        switch error {
        case .cancelled:
            self.init(reason: .cancelled, detail: "cancelled")
        case .deadlineExceeded, .connectTimeout, .readTimeout, .writeTimeout, .tlsHandshakeTimeout,
             .httpProxyHandshakeTimeout, .getConnectionFromPoolTimeout:
            self.init(reason: .timedOut, detail: "no answer in time (\(error.shortDescription))")
        case .remoteConnectionClosed:
            self.init(reason: .connectionLost, detail: "the connection closed before the answer was complete")
        case .proxyAuthenticationRequired:
            self.init(reason: .other, detail: "the proxy refused the tunnel to \(tunnelTarget): 407 Proxy Authentication Required")
        case .invalidProxyResponse:
            self.init(reason: .other, detail: "the proxy refused the tunnel to \(tunnelTarget): its answer to CONNECT was not a 2xx")
        default:
            self.init(reason: .other, detail: error.shortDescription)
        }
    }

    /// What a failed handshake means, in words. swift-nio-ssl gives BoringSSL's errors as text
    /// only (the codes are private), so a verification failure is recognised by its name.
    private static func handshakeProblem(_ error: BoringSSLError) -> String {
        if "\(error)".firstRange(of: "CERTIFICATE_VERIFY_FAILED") != nil {
            return "the server's certificate is not trusted (a private CA goes in caFile or ENGAGE_CA_FILE)"
        }
        return "the TLS handshake failed"
    }
}
