import EngageSandbox
import Foundation
import NIOSSL
import Testing

/// The test certificate in `TLS/` (for localhost, engage.example.test, 127.0.0.1 and 192.0.2.10): a sandbox
/// serving https with it, and a client configuration that trusts it.
enum TLSFixture {
    static func pem(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "pem", subdirectory: "TLS"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func sandbox(host: String = "127.0.0.1") throws -> SandboxConfiguration {
        SandboxConfiguration(host: host, tls: (try pem("localhost-cert"), try pem("localhost-key")))
    }

    /// A new folder holding the test certificate under `name`, as a system's CA folder would.
    static func folder(holdingTheTestCertificateAs name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engage-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try pem("localhost-cert").write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return folder.path
    }

    /// Trusts the test certificate, as the default trusts the system's CAs.
    static func trustingTheTestCertificate() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(try pem("localhost-cert").utf8)))
        return tls
    }
}
