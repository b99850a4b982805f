@testable import EngageAPI
import Foundation
import Synchronization
import Testing

/// What must happen before a write leaves (the audit line on disk) runs while the write's
/// connection is set up, and the request waits for it: seen from a plain socket server that
/// notes when a connection comes and when a request's bytes do.
@Suite("Before sending", .timeLimit(.minutes(2)))
struct SendingGateTests {
    /// A server noting `connected`, then `request` (a request's head came) or `closed` (the
    /// client closed without sending one), answering a request with `{}`.
    private final class WatchingServer: Sendable {
        let events = Events()
        private let listener: LoopbackListener

        init() throws {
            let events = events
            listener = try LoopbackListener { client in
                events.append("connected")
                let head = LoopbackListener.readHead(client)
                events.append(head.isEmpty ? "closed" : "request")
                let answer = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".utf8)
                if !head.isEmpty { _ = answer.withUnsafeBytes { write(client, $0.baseAddress, $0.count) } }
                close(client)
            }
        }

        var baseURL: String { "http://127.0.0.1:\(listener.port)/enterprises/acme" }
        var url: String { baseURL + "/appointments/1001/_actions/accept" }

        func saw(_ event: String) -> Bool { events.all.contains(event) }

        func stop() { listener.stop() }
    }

    /// What happened, in order, on either side.
    private final class Events: Sendable {
        private let list = Mutex<[String]>([])
        var all: [String] { list.withLock { $0 } }
        func append(_ event: String) { list.withLock { $0.append(event) } }
    }

    private struct Refusal: Error, CustomStringConvertible {
        var description: String { "the audit trail is full" }
    }

    /// Polls `condition` until it holds or `limit` has passed; whether it held.
    private static func poll(for limit: Duration, until condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            usleep(1_000)
        }
        return true
    }

    private static func post(_ url: String, beforeSending: @escaping @Sendable () throws -> Void) -> HTTPRequest {
        HTTPRequest(method: .post, url: url, headers: [], timeout: Patience.loopback, reusesConnections: false,
                    beforeSending: beforeSending)
    }

    @Test func theConnectionComesUpMeanwhileAndCarriesTheRequestOnlyAfter() async throws {
        let server = try WatchingServer()
        defer { server.stop() }
        let response = try await HTTPTransport().send(Self.post(server.url) {
            // Were the connection set up only after this returned, it would never come.
            guard Self.poll(for: .seconds(20), until: { server.saw("connected") }) else { throw Refusal() }
            // Held here a while: no byte of the request may arrive meanwhile.
            #expect(!Self.poll(for: .milliseconds(300), until: { server.saw("request") }))
            server.events.append("returned")
        })
        #expect(response.status == 200)
        #expect(server.events.all == ["connected", "returned", "request"])
    }

    @Test func whenItThrowsNothingIsSentAndTheConnectionIsClosed() async throws {
        let server = try WatchingServer()
        defer { server.stop() }
        do {
            _ = try await HTTPTransport().send(Self.post(server.url) {
                _ = Self.poll(for: .seconds(20), until: { server.saw("connected") })
                throw Refusal()
            })
            Issue.record("a request held back must not be answered")
        } catch {
            #expect(error.reason == .heldBack && error.detail == "the audit trail is full", "\(error)")
        }
        #expect(Self.poll(for: .seconds(20), until: { server.saw("closed") }), "the connection left open: \(server.events.all)")
        #expect(server.events.all == ["connected", "closed"])
    }

    @Test func theSendEndsOnlyAfterItHasReturnedEvenWhenTheConnectionFails() async throws {
        // A port bound but not listening: the connection is refused at once, while the work runs.
        let (descriptor, port) = try #require(LoopbackListener.boundButNotListening())
        defer { close(descriptor) }
        let returned = Mutex(false)
        do {
            _ = try await HTTPTransport().send(Self.post("http://127.0.0.1:\(port)/x") {
                usleep(200_000)
                returned.withLock { $0 = true }
            })
            Issue.record("nothing listens there")
        } catch {
            #expect(error.reason == .connectionRefused, "\(error)")
            #expect(error.neverSent, "no connection came up, so nothing left")
        }
        #expect(returned.withLock { $0 }, "the send returned before the work did")
    }

    @Test func aRequestCutOffAfterItLeftIsNotCalledUnsent() async throws {
        // The server reads the request and hangs up without a word.
        let listener = try LoopbackListener { client in
            _ = LoopbackListener.readHead(client)
            close(client)
        }
        defer { listener.stop() }
        do {
            _ = try await HTTPTransport().send(Self.post("http://127.0.0.1:\(listener.port)/x") {})
            Issue.record("the server answered nothing")
        } catch {
            #expect(error.reason == .connectionLost, "\(error)")
            #expect(!error.neverSent, "the request left: the server may have acted on it")
        }
    }

    @Test func theClientsWillSendIsThatWork() async throws {
        let server = try WatchingServer()
        defer { server.stop() }
        let configuration = try EngageClientConfiguration(
            baseURL: URL(string: server.baseURL)!, tokenProvider: StaticTokenProvider(BearerToken("t")), requestTimeout: Patience.loopback)
        let journaled = Mutex<[(correlationId: String, connected: Bool)]>([])
        let answer = await #expect(throws: EngageError.self) {
            try await EngageClient(configuration: configuration).accept(id: "1001") { correlationId in
                let connected = Self.poll(for: .seconds(20), until: { server.saw("connected") })
                journaled.withLock { $0.append((correlationId, connected)) }
                server.events.append("journaled")
            }
        }
        #expect(answer?.kind == .undecodable, "`{}` is no appointment")
        let attempts = journaled.withLock { $0 }
        #expect(attempts.count == 1 && attempts[0].connected && attempts[0].correlationId == answer?.correlationId)
        #expect(server.events.all == ["connected", "journaled", "request"])
    }
}
