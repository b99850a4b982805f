import Foundation
import NIOCore
import NIOSSL

/// The check that an https server reached by IP address through a proxy holds a certificate
/// for that address. swift-nio-ssl checks a certificate against the host name it was given, and
/// without one (an address cannot be a TLS server name) against the address of the socket's
/// other end, which behind a proxy is the proxy's: any certificate for the proxy would pass.
enum CertifiedAddress {
    /// Whether `host` is an IPv4 or IPv6 address rather than a name.
    static func isAddress(_ host: String) -> Bool {
        bytes(of: host) != nil
    }

    /// Fails unless the peer certificate on `channel` (its chain already verified) names
    /// `address` among its IP subject alternative names.
    static func check(_ address: String, on channel: any Channel) -> EventLoopFuture<Void> {
        channel.nioSSL_peerCertificate().flatMapThrowing { certificate in
            guard let expected = bytes(of: address), let certificate,
                  certificate._subjectAlternativeNames().contains(where: {
                      $0.nameType == .ipAddress && Array($0.contents) == expected
                  })
            else {
                throw NIOSSLExtraError.failedToValidateHostname
            }
        }
    }

    /// The address in network order: 4 bytes for IPv4, 16 for IPv6 (brackets allowed).
    private static func bytes(of host: String) -> [UInt8]? {
        var host = host
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
