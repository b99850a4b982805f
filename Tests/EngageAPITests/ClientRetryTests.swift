import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// Reads are retried after passing failures; accept never is, and its unknown outcomes are resolved by re-reading.
@Suite("Retries and accept reconciliation", .timeLimit(.minutes(2)))
struct ClientRetryTests {
    @Test func readsAreRetriedAfterPassingFailuresWithFreshCorrelationIds() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.show, [.status(503), .status(429)])
            let client = sandbox.makeClient(
                retryPolicy: RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(10), maxDelay: .milliseconds(50)))
            let response = try await client.appointment(id: "1001")
            #expect(response.value.id == "1001")
            let attempts = sandbox.receivedRequests
            #expect(attempts.count == 3)
            #expect(Set(attempts.compactMap { $0.headers["x-correlation-id"] }).count == 3)
            #expect(attempts.last?.headers["x-correlation-id"] == response.correlationId)
        }
    }

    @Test func retriesStopAtTheLimitAndReportTheLastError() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.list, [.status(502), .status(503), .status(503), nil])
            let client = sandbox.makeClient(retryPolicy: RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(10)))
            do {
                _ = try await client.appointmentPage(matching: .pending)
                Issue.record("expected failure after 3 attempts")
            } catch let error as EngageError {
                #expect(error.kind == .serverFailure && error.httpStatus == 503)
            }
            #expect(sandbox.receivedRequests.count == 3)
        }
    }

    @Test func definiteErrorsAreNotRetried() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.show, [.status(500)])
            let client = sandbox.makeClient(retryPolicy: RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(10)))
            await #expect(throws: EngageError.self) { try await client.appointment(id: "1001") }
            #expect(sandbox.receivedRequests.count == 1)
        }
    }

    @Test func acceptIsNeverRetried() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.accept, [.status(503)])
            let client = sandbox.makeClient(retryPolicy: RetryPolicy(maxAttempts: 5, initialDelay: .milliseconds(10)))
            await #expect(throws: EngageError.self) { try await client.accept(id: "1001") }
            #expect(sandbox.receivedRequests.filter { $0.method == "POST" }.count == 1)
            #expect(sandbox.tenant.appointment(id: "1001")?.status == .incomingRequest)
        }
    }

    @Test func aResetAcceptIsNotResentByTheTransportEither() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            // A first write leaves nothing behind that a second could reuse and have re-sent.
            _ = await client.performReconciling(.accept, on: "1002")
            sandbox.faults.script(.accept, [.connectionReset])
            let outcome = await client.performReconciling(.accept, on: "1001")
            guard case .unknown(_, .success(let current)) = outcome else {
                Issue.record("expected an unknown outcome, got \(outcome)")
                return
            }
            #expect(current.value.status == .incomingRequest)
            #expect(sandbox.receivedRequests.filter { $0.method == "POST" }.count == 2)
        }
    }

    @Test func lostAnswerOfAnAcceptThatHappenedIsConfirmedByReReading() async throws {
        try await SandboxServer.withRunning { sandbox in
            // The server accepts, then the connection drops half-way through the answer.
            sandbox.faults.script(.accept, [.truncatedBody])
            let outcome = await sandbox.makeClient().performReconciling(.accept, on: "1001")
            guard case .confirmed(_, let current) = outcome else {
                Issue.record("expected an outcome confirmed by a re-read, got \(outcome)")
                return
            }
            #expect(current.value.status == .accepted)
            #expect(outcome.message(for: .accept).hasPrefix("Accepted (confirmed by re-reading it"))
            #expect(sandbox.receivedRequests.filter { $0.method == "POST" }.count == 1)
        }
    }

    @Test func droppedAcceptThatDidNotHappenSaysSo() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.accept, [.connectionReset])
            let outcome = await sandbox.makeClient().performReconciling(.accept, on: "1001")
            guard case .unknown(let error, .success(let current)) = outcome else {
                Issue.record("expected an unknown outcome, got \(outcome)")
                return
            }
            #expect(error.kind == .transport)
            #expect(current.value.status == .incomingRequest)
            #expect(outcome.message(for: .accept).contains("The server now says INCOMING_REQUEST"))
        }
    }

    @Test func timedOutAcceptWhoseReReadFailsTooIsUnknown() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.accept, [.hang])
            sandbox.faults.script(.show, [.status(500)])
            let client = sandbox.makeClient(requestTimeout: .seconds(1), retryPolicy: .none)
            let outcome = await client.performReconciling(.accept, on: "1001")
            guard case .unknown(let error, .failure(let reread)) = outcome else {
                Issue.record("expected an unknown outcome, got \(outcome)")
                return
            }
            #expect(error.kind == .timeout && reread.kind == .serverFailure, "\(error) / \(reread)")
            #expect(outcome.message(for: .accept).hasPrefix("The outcome of the accept is unknown"))
        }
    }

    @Test func concurrencyBeyondTheLimitIsRateLimited() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(maxConcurrentRequests: 2)) { sandbox in
            // Long enough that the five requests overlap even on a loaded machine.
            sandbox.faults.setLatency(.milliseconds(700))
            let strict = sandbox.makeClient(retryPolicy: .none)
            let results = await withTaskGroup(of: EngageError.Kind?.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        do {
                            _ = try await strict.appointment(id: "1001")
                            return nil
                        } catch let error as EngageError {
                            return error.kind
                        } catch {
                            return .cancelled
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let succeeded = results.filter { $0 == nil }.count
            let limited = results.filter { $0 == .rateLimited }.count
            #expect(succeeded >= 2 && limited >= 1 && succeeded + limited == 5, "\(results)")
            #expect(sandbox.peakConcurrentRequests == 2)
        }
    }
}
