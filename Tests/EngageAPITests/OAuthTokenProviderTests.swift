import EngageAPI
import EngageSandbox
import Foundation
import Synchronization
import Testing

/// OAuth2 client credentials against the sandbox's token endpoint over loopback.
@Suite("OAuth2 client credentials", .timeLimit(.minutes(2)))
struct OAuthTokenProviderTests {
    /// A clock the test moves by hand.
    final class TestClock: Sendable {
        private let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var now: Date { current.withLock { $0 } }
        func advance(_ seconds: Double) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    private func client(
        _ sandbox: SandboxServer, secret: String = SandboxConfiguration.demoClientSecret, clock: TestClock = TestClock()
    ) throws -> EngageClient {
        let provider = OAuthTokenProvider(
            tokenURL: sandbox.tokenURL, clientID: SandboxConfiguration.demoClientID, clientSecret: secret,
            refreshMargin: .seconds(30), now: { clock.now })
        return EngageClient(configuration: try EngageClientConfiguration(
            baseURL: sandbox.baseURL, tokenProvider: provider, retryPolicy: .none))
    }

    @Test func theTokenIsFetchedOnceByFormPostAndReused() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = try client(sandbox)
            async let first = client.appointment(id: "1001")
            async let second = client.appointment(id: "1008")
            _ = try await (first, second)
            _ = try await client.appointmentPage(matching: .pending)
            #expect(sandbox.tokens.issuedCount == 1)
            let tokenRequest = try #require(sandbox.receivedRequests.first { $0.path.hasSuffix("/openid-connect/token") })
            #expect(tokenRequest.method == "POST")
            #expect(tokenRequest.headers["content-type"] == "application/x-www-form-urlencoded")
            let form = Dictionary(tokenRequest.formItems.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
            #expect(form == ["grant_type": "client_credentials", "client_id": SandboxConfiguration.demoClientID,
                             "client_secret": SandboxConfiguration.demoClientSecret])
            let apiRequests = sandbox.receivedRequests.filter { $0.path.contains("/appointments") }
            #expect(Set(apiRequests.compactMap { $0.headers["authorization"] }).count == 1)
            #expect(apiRequests.allSatisfy { $0.headers["authorization"]?.hasPrefix("Bearer sbx-") == true })
        }
    }

    @Test func aTokenIsFetchedAgainShortlyBeforeItExpires() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(tokenLifetime: .seconds(300))) { sandbox in
            let clock = TestClock()
            let client = try client(sandbox, clock: clock)
            _ = try await client.appointment(id: "1001")
            clock.advance(260)  // 300 s lifetime less the 30 s margin is 270 s
            _ = try await client.appointment(id: "1001")
            #expect(sandbox.tokens.issuedCount == 1)
            clock.advance(11)
            _ = try await client.appointment(id: "1001")
            #expect(sandbox.tokens.issuedCount == 2)
        }
    }

    @Test func a401RefreshesTheTokenOnceAndRetriesThatRequestOnce() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = try client(sandbox)
            _ = try await client.appointment(id: "1001")
            sandbox.tokens.expireAll()  // the server forgets the token the client still holds
            let accepted = try await client.accept(id: "1001")
            #expect(accepted.value.status == .accepted)
            #expect(sandbox.tokens.issuedCount == 2)
            #expect(sandbox.receivedRequests.filter { $0.method == "POST" && $0.path.hasSuffix("/accept") }.count == 2)

            sandbox.faults.script(.show, [.status(401), .status(401)])
            do {
                _ = try await client.appointment(id: "1001")
                Issue.record("a second 401 must not be retried again")
            } catch let error as EngageError {
                #expect(error.kind == .unauthorized)
            }
            #expect(sandbox.receivedRequests.filter { $0.path.hasSuffix("/appointments/1001") }.count == 3)
        }
    }

    @Test func eachAttemptOfAnAcceptIsSeenBeforeItLeavesTheOneAnswered401Too() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = try client(sandbox)
            _ = try await client.appointment(id: "1001")
            sandbox.tokens.expireAll()
            let attempts = Mutex<[String]>([])
            let outcome = await client.performReconciling(.accept, on: "1001") { correlationId in
                attempts.withLock { $0.append(correlationId) }
            }
            #expect(outcome.isDone)
            let seen = attempts.withLock { $0 }
            let sent = sandbox.receivedRequests.filter { $0.path.hasSuffix("/_actions/accept") }.compactMap { $0.headers["x-correlation-id"] }
            #expect(seen.count == 2 && seen == sent, "the refused attempt and the one after it, each under its own id")
        }
    }

    @Test func aFixedTokenIsNotRetriedAfter401() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.show, [.status(401)])
            let client = sandbox.makeClient(retryPolicy: .none)
            await #expect(throws: EngageError.self) { try await client.appointment(id: "1001") }
            #expect(sandbox.receivedRequests.count == 1)
        }
    }

    @Test func aTokenEndpointThatRateLimitsReadsAsRateLimitingAndTheAcceptWasNotSent() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.token, [.status(429)])
            let outcome = try await client(sandbox).performReconciling(.accept, on: "1001")
            guard case .notSent(let error) = outcome else {
                Issue.record("expected the accept not to be sent, got \(outcome)")
                return
            }
            #expect(error.kind == .rateLimited && error.httpStatus == 429)
            #expect(outcome.message(for: .accept).hasPrefix("Not sent: Too many requests"))
            #expect(!sandbox.receivedRequests.contains { $0.method == "POST" && $0.path.contains("/appointments") })
        }
    }

    @Test func wrongCredentialsSayWhichClientWithoutTheSecret() async throws {
        try await SandboxServer.withRunning { sandbox in
            let secret = "wrong-secret-123"
            do {
                _ = try await client(sandbox, secret: secret).appointment(id: "1001")
                Issue.record("expected a refusal")
            } catch let error as EngageError {
                #expect(error.kind == .unauthorized && error.httpStatus == 401)
                #expect(error.message == "Not signed in: the token endpoint refused the client credentials of "
                    + "sandbox-client (invalid_client: Invalid client or Invalid client credentials)")
                #expect(!error.message.contains(secret) && !error.description.contains(secret))
            }
            #expect(!sandbox.receivedRequests.contains { $0.path.contains("/appointments") })
        }
    }

    @Test func documentedTokenURLs() {
        #expect(OAuthTokenProvider.tokenURL(environment: "development", enterprise: "acme")?.absoluteString
            == "https://auth.development.pexipengage.com/realms/acme/protocol/openid-connect/token")
        #expect(OAuthTokenProvider.tokenURL(environment: "production", enterprise: "acme")?.absoluteString
            == "https://auth.pexipengage.com/realms/acme/protocol/openid-connect/token")
    }
}
