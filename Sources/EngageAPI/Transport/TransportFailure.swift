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
        /// The answer was longer than `ResponseCollector.maxBodyBytes`.
        case tooLarge
        case other
    }

    var reason: Reason
    /// The underlying error in words, for the log and the `other` case.
    var detail: String
}

extension TransportFailure {
    /// What an error of the network stack means for the request.
    init(_ error: any Error) {
        switch error {
        case let failure as TransportFailure:
            self = failure
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
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError:
            self.init(reason: .secureConnectionFailed, detail: Self.tlsProblem(error))
        default:
            self.init(reason: .other, detail: "\(error)")
        }
    }

    /// What a TLS failure means, in words (BoringSSL's own text names source files and numbers).
    private static func tlsProblem(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "the server's certificate is not trusted (a private CA goes in caFile or ENGAGE_CA_FILE)"
        }
        if text.contains("failedToValidateHostname") { return "the server's certificate is for another name" }
        return "the TLS handshake failed"
    }
}
