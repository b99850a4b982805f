import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server for tests on plain sockets that answers every request with the same bytes and then
/// closes the connection: for framings the sandbox does not use (chunked, until end of stream).
final class CannedHTTPServer: @unchecked Sendable {
    private(set) var port = 0
    private let listener: Int32
    private let answer: [UInt8]

    init(answer: String) throws {
        self.answer = Array(answer.utf8)
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            var request = [UInt8]()
            var byte: UInt8 = 0
            while !(request.count >= 4 && Array(request.suffix(4)) == Array("\r\n\r\n".utf8)), read(client, &byte, 1) == 1 {
                request.append(byte)
            }
            _ = answer.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
            close(client)
        }
    }
}
