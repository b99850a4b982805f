import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP listener on 127.0.0.1 for tests, on plain sockets: each connection goes to `serve` on a
/// thread of its own, until `stop`.
final class LoopbackListener: @unchecked Sendable {
    let port: Int
    private let descriptor: Int32

    init(serve: @escaping @Sendable (Int32) -> Void) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let descriptor = descriptor
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread {
            while true {
                let client = accept(descriptor, nil, nil)
                guard client >= 0 else { return }
                Thread.detachNewThread { serve(client) }
            }
        }
    }

    func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }

    /// Reads a request's head, up to and including its blank line.
    static func readHead(_ client: Int32) -> String {
        var head = [UInt8]()
        var byte: UInt8 = 0
        let end = Array("\r\n\r\n".utf8)
        while !(head.count >= end.count && Array(head.suffix(end.count)) == end), read(client, &byte, 1) == 1 {
            head.append(byte)
        }
        return String(decoding: head, as: UTF8.self)
    }

    /// A loopback TCP socket bound to a free port without listening, and its port.
    static func boundButNotListening() -> (Int32, Int)? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var generic = sockaddr()
        memcpy(&generic, &address, MemoryLayout<sockaddr_in>.size)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        guard bind(descriptor, &generic, length) == 0, getsockname(descriptor, &generic, &length) == 0 else {
            close(descriptor)
            return nil
        }
        memcpy(&address, &generic, MemoryLayout<sockaddr_in>.size)
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// 127.0.0.1:`port`.
    static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
