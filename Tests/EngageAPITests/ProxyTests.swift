@testable import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// https through an HTTP proxy (`CONNECT`), as `https_proxy` and `no_proxy` say.
@Suite("HTTPS proxy", .timeLimit(.minutes(2)))
struct ProxyTests {
    @Test func theEnvironmentNamesTheProxyAsCurlReadsIt() {
        let proxy = HTTPProxy.forHTTPS(to: "api.pexipengage.com", environment: ["https_proxy": "http://proxy.corp:3128"])
        #expect(proxy == HTTPProxy(host: "proxy.corp", port: 3128, authorization: nil))
        #expect(HTTPProxy.forHTTPS(to: "api.pexipengage.com", environment: ["HTTPS_PROXY": "proxy.corp:8080"])?.port == 8080)
        #expect(HTTPProxy.forHTTPS(to: "api.pexipengage.com", environment: ["https_proxy": "proxy.corp"])?.port == 80)
        let withUser = HTTPProxy.forHTTPS(to: "x.example", environment: ["https_proxy": "http://me:p%40ss@proxy:3128"])
        #expect(withUser?.authorization == "Basic " + Data("me:p@ss".utf8).base64EncodedString())
        #expect(HTTPProxy.forHTTPS(to: "x.example", environment: [:]) == nil)
        #expect(HTTPProxy.forHTTPS(to: "x.example", environment: ["https_proxy": "socks5://proxy:1080"]) == nil)
    }

    @Test func noProxyAndLoopbackGoDirect() {
        let environment = ["https_proxy": "http://proxy:3128", "no_proxy": "internal.corp, .pexipengage.com"]
        #expect(HTTPProxy.forHTTPS(to: "api.pexipengage.com", environment: environment) == nil)
        #expect(HTTPProxy.forHTTPS(to: "pexipengage.com", environment: environment) == nil)
        #expect(HTTPProxy.forHTTPS(to: "internal.corp", environment: environment) == nil)
        #expect(HTTPProxy.forHTTPS(to: "notpexipengage.com", environment: environment) != nil)
        #expect(HTTPProxy.forHTTPS(to: "x.example", environment: ["https_proxy": "http://p:1", "NO_PROXY": "*"]) == nil)
        for loopback in ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"] {
            #expect(HTTPProxy.forHTTPS(to: loopback, environment: ["https_proxy": "http://p:1"]) == nil)
        }
        for name in ["127.attacker.example", "127.0.0.1.example", "localhost.example", "128.0.0.1"] {
            #expect(HTTPProxy.forHTTPS(to: name, environment: ["https_proxy": "http://p:1"]) != nil, "\(name) goes through the proxy")
        }
    }

    private func get(_ url: String, token: String, proxy: ConnectProxy, user: String? = nil) async throws(TransportFailure) -> HTTPResponse {
        let credentials = user.map { "\($0)@" } ?? ""
        let transport = HTTPTransport(
            tlsConfiguration: try! TLSFixture.trustingTheTestCertificate(),
            environment: ["https_proxy": "http://\(credentials)127.0.0.1:\(proxy.port)"])
        return try await transport.send(HTTPRequest(
            method: .get, url: url, headers: [("Authorization", "Bearer \(token)")], timeout: Patience.loopback,
            reusesConnections: true))
    }

    @Test(arguments: ["HTTP/1.1 200 Connection established\r\n\r\n", "HTTP/1.1 201 Tunnel open\r\n\r\n"])
    func httpsGoesThroughTheTunnelAndIsVerifiedEndToEnd(proxyAnswer: String) async throws {
        // Any 2xx opens the tunnel (RFC 9110 §9.3.6), not only a 200.
        try await SandboxServer.withRunning(try TLSFixture.sandbox()) { sandbox in
            let proxy = try ConnectProxy(targetPort: sandbox.port, answer: proxyAnswer)
            defer { proxy.stop() }
            let target = "engage.example.test:\(sandbox.port)"
            let response = try await get(
                "https://\(target)/enterprises/acme/appointments/1001", token: sandbox.configuration.token, proxy: proxy,
                user: "me:p%40ss")
            #expect(response.status == 200)
            let connect = try #require(proxy.requests.first)
            #expect(connect.hasPrefix("CONNECT \(target) HTTP/1.1\r\n"))
            // (Field names are case-insensitive.)
            let authorization = connect.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("proxy-authorization:") }
            #expect(authorization?.dropFirst("proxy-authorization:".count).trimmingCharacters(in: .whitespaces)
                == "Basic \(Data("me:p@ss".utf8).base64EncodedString())")
            #expect(sandbox.receivedRequests.count == 1)
        }
    }

    @Test func anAddressBehindTheProxyIsCheckedAgainstTheCertificateNotTheProxysAddress() async throws {
        // The certificate names 127.0.0.1, the proxy's address, and 192.0.2.10, not 192.0.2.11.
        // The proxy relays both to the sandbox.
        try await SandboxServer.withRunning(try TLSFixture.sandbox()) { sandbox in
            let proxy = try ConnectProxy(targetPort: sandbox.port)
            defer { proxy.stop() }
            let path = "/enterprises/acme/appointments/1001"
            let named = try await get("https://192.0.2.10:\(sandbox.port)\(path)", token: sandbox.configuration.token, proxy: proxy)
            #expect(named.status == 200)
            do {
                _ = try await get("https://192.0.2.11:\(sandbox.port)\(path)", token: sandbox.configuration.token, proxy: proxy)
                Issue.record("a certificate that does not name the address must be refused")
            } catch let error as TransportFailure {
                #expect(error.reason == .secureConnectionFailed, "\(error)")
                #expect(error.detail == "the server's certificate is for another name", "\(error)")
            }
            #expect(proxy.requests.map { $0.components(separatedBy: "\r\n")[0] }
                == ["CONNECT 192.0.2.10:\(sandbox.port) HTTP/1.1", "CONNECT 192.0.2.11:\(sandbox.port) HTTP/1.1"])
            #expect(sandbox.receivedRequests.count == 1, "nothing may be sent to a server not certified for the address")
        }
    }

    @Test func aProxyRefusingTheTunnelIsReportedAndNothingIsSent() async throws {
        try await SandboxServer.withRunning(try TLSFixture.sandbox()) { sandbox in
            let proxy = try ConnectProxy(targetPort: sandbox.port, answer: "HTTP/1.1 407 Proxy Authentication Required\r\n\r\n")
            defer { proxy.stop() }
            do {
                _ = try await get(
                    "https://engage.example.test:\(sandbox.port)/enterprises/acme/appointments/1001",
                    token: sandbox.configuration.token, proxy: proxy)
                Issue.record("expected the proxy's refusal")
            } catch let error as TransportFailure {
                #expect(error.detail.contains("407 Proxy Authentication Required"), "\(error)")
            }
            #expect(sandbox.receivedRequests.isEmpty)
        }
    }
}
