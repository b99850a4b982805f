import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP proxy for tests: answers each `CONNECT` with `answer` and, when that is a 2xx,
/// relays bytes between the client and 127.0.0.1:`targetPort`, whatever host the request named.
/// Records the requests it received.
final class ConnectProxy: Sendable {
    private let listener: LoopbackListener
    private let received: Received

    var port: Int { listener.port }
    var requests: [String] { received.all }

    /// The requests, from the threads that serve them.
    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var heads: [String] = []
        var all: [String] { lock.withLock { heads } }
        func append(_ head: String) { lock.withLock { heads.append(head) } }
    }

    init(targetPort: Int, answer: String = "HTTP/1.1 200 Connection established\r\n\r\n") throws {
        let received = Received()
        self.received = received
        listener = try LoopbackListener { client in
            received.append(LoopbackListener.readHead(client))
            _ = answer.withCString { write(client, $0, strlen($0)) }
            guard answer.hasPrefix("HTTP/1.1 2"), let upstream = Self.connect(to: targetPort) else {
                close(client)
                return
            }
            let back = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                Self.relay(from: upstream, to: client)
                back.signal()
            }
            Self.relay(from: client, to: upstream)
            back.wait()
            close(client)
            close(upstream)
        }
    }

    func stop() { listener.stop() }

    private static func connect(to port: Int) -> Int32? {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = LoopbackListener.address(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        if connected { return upstream }
        close(upstream)
        return nil
    }

    /// Copies until `source` ends, then ends `destination`'s writing side.
    private static func relay(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(source, &buffer, buffer.count)
            if count <= 0 { break }
            if write(destination, buffer, count) != count { break }
        }
        shutdown(destination, Int32(SHUT_WR))
        shutdown(source, Int32(SHUT_RD))
    }
}
