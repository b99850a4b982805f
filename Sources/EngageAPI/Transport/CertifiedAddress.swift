import NIOCore
import NIOSSL

/// The check that an https server reached by IP address through a proxy holds a certificate
/// for that address. swift-nio-ssl checks a certificate against the host name it was given, and
/// without one (an address cannot be a TLS server name) against the address of the socket's
/// other end, which behind a proxy is the proxy's: any certificate for the proxy would pass.
enum CertifiedAddress {
    /// Fails unless the peer certificate on `channel` (its chain already verified) names
    /// `address` among its IP subject alternative names.
    static func check(_ address: String, on channel: any Channel) -> EventLoopFuture<Void> {
        channel.nioSSL_peerCertificate().flatMapThrowing { certificate in
            guard let expected = AddressLiteral.bytes(of: address), let certificate,
                  certificate._subjectAlternativeNames().contains(where: {
                      $0.nameType == .ipAddress && Array($0.contents) == expected
                  })
            else {
                throw NIOSSLExtraError.failedToValidateHostname
            }
        }
    }
}
