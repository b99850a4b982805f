import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server for tests that answers every request with the same bytes and then closes the
/// connection: for framings the sandbox does not use (chunked, until end of stream).
final class CannedHTTPServer: Sendable {
    private let listener: LoopbackListener

    var port: Int { listener.port }

    init(answer: String) throws {
        let bytes = Array(answer.utf8)
        listener = try LoopbackListener { client in
            _ = LoopbackListener.readHead(client)
            _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            close(client)
        }
    }

    func stop() { listener.stop() }
}
