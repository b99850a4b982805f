import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP proxy for tests, on plain sockets: answers each `CONNECT` with `answer` and,
/// when that is a 200, relays bytes between the client and 127.0.0.1:`targetPort`, whatever host
/// the request named. Records the requests it received.
final class ConnectProxy: @unchecked Sendable {
    private(set) var port = 0
    private let listener: Int32
    private let answer: String
    private let targetPort: Int
    private let lock = NSLock()
    private var received: [String] = []

    var requests: [String] { lock.withLock { received } }

    init(targetPort: Int, answer: String = "HTTP/1.1 200 Connection established\r\n\r\n") throws {
        self.targetPort = targetPort
        self.answer = answer
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        var request = [UInt8]()
        var byte: UInt8 = 0
        while !request.ends(with: Array("\r\n\r\n".utf8)), read(client, &byte, 1) == 1 { request.append(byte) }
        lock.withLock { received.append(String(decoding: request, as: UTF8.self)) }
        _ = answer.withCString { write(client, $0, strlen($0)) }
        guard answer.hasPrefix("HTTP/1.1 200") else {
            close(client)
            return
        }
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: targetPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(client)
            close(upstream)
            return
        }
        Thread.detachNewThread { Self.relay(from: upstream, to: client) }
        Self.relay(from: client, to: upstream)
    }

    /// Copies until `source` ends, then ends `destination`'s writing side (and closes `source`).
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

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
