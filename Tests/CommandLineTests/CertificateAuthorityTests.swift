import EngageSandbox
import Foundation
import Testing

/// A tenant whose certificate the system does not trust (a private CA, an inspecting proxy) is
/// reached with `caFile` / `ENGAGE_CA_FILE`, and only then.
@Suite("Certificate authorities", .timeLimit(.minutes(2)))
struct CertificateAuthorityTests {
    /// The test certificate (self-signed for localhost and 127.0.0.1) and its key.
    private static let tlsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EngageAPITests/TLS")
    private static let certificate = tlsFolder.appendingPathComponent("localhost-cert.pem").path

    private func withTLSTenant(_ body: (SandboxServer, [String: String]) async throws -> Void) async throws {
        let configuration = SandboxConfiguration(tls: (
            try String(contentsOfFile: Self.certificate, encoding: .utf8),
            try String(contentsOfFile: Self.tlsFolder.appendingPathComponent("localhost-key.pem").path, encoding: .utf8)))
        try await SandboxServer.withRunning(configuration) { sandbox in
            try await body(sandbox, CommandRunner.environment([
                "ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "ENGAGE_TOKEN": sandbox.configuration.token,
            ]))
        }
    }

    @Test func aTenantWithAnUntrustedCertificateIsRefusedUntilItsCAIsGiven() async throws {
        try await withTLSTenant { sandbox, environment in
            let refused = try await CommandRunner.triage(["show", "1001", "--json"], environment: environment)
            #expect(refused.status == 8, "\(refused.all)")
            #expect(refused.stderr.contains("the secure (TLS) connection failed: the server's certificate is not trusted"))
            #expect(sandbox.receivedRequests.isEmpty)

            let trusted = try await CommandRunner.triage(
                ["show", "1001", "--json"], environment: environment.merging(["ENGAGE_CA_FILE": Self.certificate]) { $1 })
            #expect(trusted.status == 0, "\(trusted.all)")
            #expect(trusted.stdout.contains("\"id\" : \"1001\""))
        }
    }

    @Test func theTokenEndpointIsTrustedThroughTheSameCAFile() async throws {
        try await withTLSTenant { sandbox, environment in
            var oauth = environment.merging([
                "ENGAGE_CLIENT_ID": SandboxConfiguration.demoClientID, "ENGAGE_CLIENT_SECRET": SandboxConfiguration.demoClientSecret,
                "ENGAGE_CA_FILE": Self.certificate,
            ]) { $1 }
            oauth["ENGAGE_TOKEN"] = nil
            let listed = try await CommandRunner.triage(["list", "--json"], environment: oauth)
            #expect(listed.status == 0, "\(listed.all)")
            #expect(sandbox.tokens.issuedCount == 1)
            #expect(sandbox.receivedRequests.contains { $0.path.hasSuffix("/protocol/openid-connect/token") })
        }
    }

    @Test func anUnreadableCAFileIsAConfigurationError() async throws {
        let result = try await CommandRunner.triage(["list"], environment: CommandRunner.environment([
            "ENGAGE_BASE_URL": "https://engage.example.test/enterprises/acme", "ENGAGE_TOKEN": "t",
            "ENGAGE_CA_FILE": "/nonexistent/ca.pem",
        ]))
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stderr.contains("The CA file /nonexistent/ca.pem (caFile, ENGAGE_CA_FILE) cannot be read."))
    }
}
