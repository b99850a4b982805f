@testable import EngageAPI
import EngageSandbox
import Synchronization
import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Every error kind, produced by the sandbox's fault injection over real loopback HTTP.
@Suite("Client errors against the sandbox", .timeLimit(.minutes(2)))
struct ClientErrorTests {
    /// Fetches appointment 1001 with `fault` scripted for it; returns the error.
    private func showError(
        _ fault: Fault, timeout: Duration = Patience.loopback, check: (EngageError, SandboxServer) -> Void
    ) async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.show, [fault])
            let client = sandbox.makeClient(requestTimeout: timeout, retryPolicy: .none)
            do {
                let response = try await client.appointment(id: "1001")
                Issue.record("expected \(fault) to fail, got \(response.value.id)")
            } catch let error as EngageError {
                #expect(error.correlationId == sandbox.receivedRequests.last?.headers["x-correlation-id"])
                #expect(!error.description.contains(SandboxConfiguration.demoToken))
                #expect(!error.message.contains(SandboxConfiguration.demoToken))
                check(error, sandbox)
            }
        }
    }

    @Test func unauthorized() async throws {
        try await showError(.status(401)) { error, _ in
            #expect(error.kind == .unauthorized && error.httpStatus == 401 && error.code == "UNAUTHORIZED")
            #expect(error.message.contains("token"))
        }
    }

    @Test func wrongTokenIsUnauthorized() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(token: "the-right-one")) { sandbox in
            let configuration = try EngageClientConfiguration(
                baseURL: sandbox.baseURL, tokenProvider: StaticTokenProvider(BearerToken("a-wrong-one")))
            do {
                _ = try await EngageClient(configuration: configuration).appointment(id: "1001")
                Issue.record("expected 401")
            } catch let error as EngageError {
                #expect(error.kind == .unauthorized)
                #expect(!"\(error)".contains("a-wrong-one"))
            }
        }
    }

    @Test func forbidden() async throws {
        try await showError(.status(403)) { error, _ in #expect(error.kind == .forbidden && error.httpStatus == 403) }
    }

    @Test func notFound() async throws {
        try await showError(.status(404)) { error, _ in #expect(error.kind == .notFound) }
    }

    @Test func rateLimitedCarriesRetryAfter() async throws {
        try await showError(.status(429)) { error, _ in
            #expect(error.kind == .rateLimited && error.retryAfter == .seconds(1))
            #expect(error.message.contains("Try again in 1 s"))
        }
    }

    @Test(arguments: [500, 503])
    func serverFailure(status: Int) async throws {
        try await showError(.status(status)) { error, _ in
            #expect(error.kind == .serverFailure && error.httpStatus == status)
            #expect(error.message.contains("HTTP \(status)"))
        }
    }

    @Test func malformedJSONIsUndecodable() async throws {
        try await showError(.malformedJSON) { error, _ in
            #expect(error.kind == .undecodable && error.httpStatus == 200)
            #expect(error.jsonPath == "")
            #expect(error.message.hasPrefix("The server's answer could not be read"))
        }
    }

    @Test func undecodableBodyNamesTheJSONPath() throws {
        let page = #"{"data":[{"id":"1"},{"id":5}],"meta":{"offset":0,"limit":2,"totalCount":2}}"#
        do {
            _ = try EngageJSON.decoder().decode(ListEnvelope<Appointment>.self, from: Data(page.utf8))
            Issue.record("expected a decoding failure")
        } catch {
            let engageError = EngageClient.decodingError(error, status: 200, correlationId: "c")
            #expect(engageError.kind == .undecodable)
            #expect(engageError.jsonPath == "data[0].subject")
            #expect(engageError.message == "The server's answer could not be read at data[0].subject: the required key is missing")
        }
    }

    @Test func truncatedBodyIsATransportFailure() async throws {
        try await showError(.truncatedBody) { error, _ in
            #expect([.transport, .undecodable].contains(error.kind))
        }
    }

    @Test func connectionResetIsATransportFailure() async throws {
        try await showError(.connectionReset) { error, _ in
            #expect(error.kind == .transport)
            #expect(error.message.hasPrefix("Could not reach the server"))
        }
    }

    @Test func hangIsATimeout() async throws {
        let started = ContinuousClock.now
        // Long enough for the request to arrive on a loaded machine (the helper checks it did).
        try await showError(.hang, timeout: .seconds(3)) { error, _ in
            #expect(error.kind == .timeout)
        }
        // Loose: a loaded 2-core machine was seen to stall the test process for 10-14 s.
        #expect(ContinuousClock.now - started < .seconds(25), "the timeout must end the wait")
    }

    @Test func refusedConnectionIsATransportFailure() async throws {
        // A socket bound but not listening: the port stays ours (no parallel test can take it)
        // and every connection to it is refused.
        let (descriptor, port) = try #require(LoopbackListener.boundButNotListening())
        defer { close(descriptor) }
        let configuration = try EngageClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:\(port)/enterprises/acme")!,
            tokenProvider: StaticTokenProvider(BearerToken("t")), requestTimeout: .seconds(30), retryPolicy: .none)
        let client = EngageClient(configuration: configuration)
        do {
            _ = try await client.appointment(id: "1")
            Issue.record("expected a refused connection")
        } catch {
            #expect(error.kind == .transport)
            #expect(error.message == "Could not reach the server: the connection was refused.")
        }
        // A write whose connection never came up was journaled, and is known not to have left.
        let journaled = Mutex(0)
        let outcome = await client.performReconciling(.accept, on: "1001") { _ in journaled.withLock { $0 += 1 } }
        guard case .notSent(let error) = outcome else {
            Issue.record("a refused accept was not sent, yet: \(outcome)")
            return
        }
        #expect(error.neverSent && error.kind == .transport)
        #expect(journaled.withLock { $0 } == 1)
        #expect(outcome.message(for: .accept) == "Not sent: Could not reach the server: the connection was refused.")
    }

    @Test func plainStatusFilterIsABadRequest() async throws {
        try await SandboxServer.withRunning { sandbox in
            var request = URLRequest(url: URL(string: sandbox.baseURL.absoluteString + "/appointments?status=INCOMING_REQUEST")!)
            request.setValue("Bearer \(SandboxConfiguration.demoToken)", forHTTPHeaderField: "Authorization")
            let (body, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 400)
            let envelope = try JSONDecoder().decode(ErrorEnvelope.self, from: body)
            #expect(envelope.errors.first?.message.contains("status[]") == true)
        }
    }
}
