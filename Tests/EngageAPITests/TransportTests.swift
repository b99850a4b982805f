@testable import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// What the client asks of its HTTP transport (libcurl), seen from the sandbox's side of the wire.
@Suite("HTTP transport")
struct TransportTests {
    @Test func readsShareOneKeptAliveConnection() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            for id in ["1001", "1002", "1003"] { _ = try await client.appointment(id: id) }
            let connections = sandbox.receivedRequests.map(\.connection)
            #expect(connections.count == 3)
            #expect(Set(connections).count == 1, "connections used: \(connections)")
        }
    }

    @Test func everyWriteTakesAFreshConnectionThatNothingReuses() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            _ = try await client.appointment(id: "1001")
            _ = await client.acceptReconciling(id: "1001")
            _ = await client.acceptReconciling(id: "1008")
            _ = try await client.appointment(id: "1002")
            let requests = sandbox.receivedRequests
            let writes = requests.filter { $0.method == "POST" }
            let reads = requests.filter { $0.method == "GET" }
            #expect(writes.count == 2)
            #expect(Set(writes.map(\.connection)).count == 2)
            #expect(Set(writes.map(\.connection)).isDisjoint(with: reads.map(\.connection)))
            // An empty POST goes out as such: no form content type, no `Expect: 100-continue`.
            #expect(writes.allSatisfy { $0.headers["content-type"] == nil && $0.headers["expect"] == nil })
            #expect(writes.allSatisfy { $0.headers["content-length"] == "0" && $0.body.isEmpty })
        }
    }

    @Test func cancellingAWaitingRequestEndsItAtOnce() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.show, [.hang])
            let client = sandbox.makeClient(requestTimeout: .seconds(30), retryPolicy: .none)
            let request = Task { () -> EngageError? in
                do {
                    _ = try await client.appointment(id: "1001")
                    return nil
                } catch let error as EngageError {
                    return error
                } catch {
                    return nil
                }
            }
            let deadline = ContinuousClock.now + .seconds(10)
            while sandbox.receivedRequests.isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            let cancelled = ContinuousClock.now
            request.cancel()
            let error = await request.value
            #expect(error?.kind == .cancelled)
            #expect(ContinuousClock.now - cancelled < .seconds(2), "cancelling must not wait for the 30 s timeout")
        }
    }

    @Test func timeoutsBelowASecondAreKept() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.show, [.hang])
            let client = sandbox.makeClient(requestTimeout: .milliseconds(300), retryPolicy: .none)
            let started = ContinuousClock.now
            do {
                _ = try await client.appointment(id: "1001")
                Issue.record("expected a timeout")
            } catch let error as EngageError {
                #expect(error.kind == .timeout)
            }
            let waited = ContinuousClock.now - started
            #expect(waited >= .milliseconds(290) && waited < .seconds(3), "waited \(waited)")
        }
    }

    @Test func headerFieldsOfTheFinalAnswerAreKeptLowercased() async throws {
        try await SandboxServer.withRunning { sandbox in
            let transport = CurlTransport()
            let response = try await transport.send(HTTPRequest(
                method: .get, url: sandbox.baseURL.absoluteString + "/appointments/1001",
                headers: [("Authorization", "Bearer \(sandbox.configuration.token)"), ("X-Correlation-Id", "c-1")],
                timeout: .seconds(10), reusesConnections: true))
            #expect(response.status == 200)
            #expect(response.headers["x-correlation-id"] == "c-1")
            #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(response.headers["content-length"] == String(response.body.count))
        }
    }
}
