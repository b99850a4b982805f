import EngageAPI
import EngageContract
import EngageSandbox
import Foundation
import Testing
import TriageCore
import TriageRuntime

/// The screen's load and accept (the store, the runner, the budget, the real client) against the
/// sandbox injecting each fault: what the banner says, and that the screen keeps working.
@Suite("Screen fault matrix", .serialized, .timeLimit(.minutes(2)))
struct ScreenFaultMatrixTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var fault: String
        /// `load` or `accept`.
        var operation: String
        var banner: Banner.Kind?
        var says: String
        var description: String { "\(operation) × \(fault)" }
    }

    static let cases: [Expectation] = [
        .init(fault: "hang", operation: "load", banner: .error, says: "Loading the pending requests failed: No answer from the server in time"),
        .init(fault: "reset", operation: "load", banner: nil, says: "41 loaded"),
        .init(fault: "401", operation: "load", banner: .error, says: "Not signed in"),
        .init(fault: "403", operation: "load", banner: .error, says: "Ask the Engage administrator for the permission."),
        .init(fault: "429", operation: "load", banner: nil, says: "41 loaded"),
        .init(fault: "500", operation: "load", banner: .error, says: "The Engage server failed (HTTP 500). Try again shortly. Press r to try again."),
        .init(fault: "503", operation: "load", banner: nil, says: "41 loaded"),
        .init(fault: "malformed", operation: "load", banner: .error, says: "could not be read"),
        .init(fault: "oversized", operation: "load", banner: .error, says: "the answer is larger than 64 MB"),
        .init(fault: "html", operation: "load", banner: .error, says: "could not be read"),
        .init(fault: "unknown-enums", operation: "load", banner: nil, says: "NEW_STATUS_2027"),
        .init(fault: "lying-total", operation: "load", banner: nil, says: "41 loaded"),
        .init(fault: "hang", operation: "accept", banner: .error, says: "The server now says INCOMING_REQUEST. Check it in the back office"),
        .init(fault: "reset", operation: "accept", banner: .error, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "401", operation: "accept", banner: .error, says: "Not signed in"),
        .init(fault: "404", operation: "accept", banner: .error, says: "Not found"),
        .init(fault: "422", operation: "accept", banner: .error, says: "Refused by the server"),
        .init(fault: "429", operation: "accept", banner: .success, says: "Accepted 1001"),
        .init(fault: "429-no-retry-after", operation: "accept", banner: .success, says: "Accepted 1001"),
        .init(fault: "500", operation: "accept", banner: .error, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "truncated", operation: "accept", banner: .success, says: "Accepted 1001"),
        .init(fault: "malformed", operation: "accept", banner: .error, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "unknown-enums", operation: "accept", banner: .success, says: "Accepted 1001"),
    ]

    @Test(arguments: cases)
    func whatTheScreenSays(_ expectation: Expectation) async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(referenceDate: Date(timeIntervalSince1970: 1_795_564_800))) { sandbox in
            let client = sandbox.makeClient(requestTimeout: .seconds(2))
            let harness = StoreHarness(service: client)
            let endpoint: SandboxEndpoint = expectation.operation == "load" ? .list : .accept
            let (_, faults) = try SandboxFaults.parseScript("\(endpoint.rawValue)=\(expectation.fault)")
            if endpoint == .list { sandbox.faults.script(.list, faults) }
            harness.store.send(.start)
            await harness.receive(until: { $0.load != .loading(loaded: 0, total: nil) && !$0.wantsTicks }, timeout: .seconds(20))
            if endpoint == .accept {
                sandbox.faults.script(.accept, faults)
                harness.store.send(.key(.character("a")))
                await harness.receive(until: { $0.writesInFlight.isEmpty && $0.banner != nil }, timeout: .seconds(20))
            }
            let state = harness.state
            let screen = Renderer.render(state).text + "\n" + (state.banner.map { $0.text + " " + ($0.detail ?? "") } ?? "")
            #expect(state.banner?.kind == expectation.banner, "\(expectation): \(screen)")
            #expect(screen.contains(expectation.says), "\(expectation): \(screen)")
            if expectation.banner == .error { #expect(state.banner?.detail?.contains("correlation") == true || state.banner?.detail?.contains("HTTP") == true) }
            // And the screen still works: keys move, the list is there (or empty, after a failed load).
            harness.store.send(.key(.character("j")))
            #expect(state.view.count == 0 || harness.state.selectionIndex != nil)
        }
    }
}
