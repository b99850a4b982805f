import EngageSandbox
import Foundation
import Testing

/// Every fault the sandbox injects, against each command through the real binary: what the user
/// is told, the exit status, the correlation id, and that nothing waits past the timeout. The
/// same table is in the README ("What you see when the server misbehaves").
@Suite("Fault matrix", .serialized, .timeLimit(.minutes(3)))
struct FaultMatrixTests {
    /// What one command says about one fault.
    struct Expectation: Sendable, CustomStringConvertible {
        var fault: String
        var command: String
        var status: Int32
        /// A part of what is printed (standard error for a failure, standard output for success).
        var says: String
        var description: String { "\(command) × \(fault)" }
    }

    static let cases: [Expectation] = [
        // fault, command, exit status, what the user reads
        .init(fault: "hang", command: "list", status: 8, says: "No answer from the server in time"),
        .init(fault: "hang", command: "show", status: 8, says: "No answer from the server in time"),
        .init(fault: "hang", command: "accept", status: 10, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "slow", command: "list", status: 8, says: "No answer from the server in time"),
        .init(fault: "slow", command: "show", status: 8, says: "No answer from the server in time"),
        .init(fault: "slow", command: "accept", status: 0, says: "confirmed by re-reading"),
        .init(fault: "reset", command: "list", status: 0, says: "appointments"),
        .init(fault: "reset", command: "show", status: 0, says: "Overview"),
        .init(fault: "reset", command: "accept", status: 10, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "401", command: "list", status: 5, says: "Not signed in"),
        .init(fault: "401", command: "show", status: 5, says: "Not signed in"),
        .init(fault: "401", command: "accept", status: 5, says: "Not signed in"),
        .init(fault: "403", command: "list", status: 5, says: "Not allowed"),
        .init(fault: "403", command: "show", status: 5, says: "Not allowed"),
        .init(fault: "403", command: "accept", status: 5, says: "Not allowed"),
        .init(fault: "404", command: "list", status: 3, says: "Not found"),
        .init(fault: "404", command: "show", status: 3, says: "Not found"),
        .init(fault: "404", command: "accept", status: 3, says: "Not found"),
        .init(fault: "422", command: "list", status: 4, says: "Refused by the server"),
        .init(fault: "422", command: "show", status: 4, says: "Refused by the server"),
        .init(fault: "422", command: "accept", status: 4, says: "Refused by the server"),
        .init(fault: "429", command: "list", status: 0, says: "appointments"),
        .init(fault: "429", command: "show", status: 0, says: "Overview"),
        .init(fault: "429", command: "accept", status: 0, says: "Accepted 1001"),
        .init(fault: "429-no-retry-after", command: "list", status: 0, says: "appointments"),
        .init(fault: "429-no-retry-after", command: "show", status: 0, says: "Overview"),
        .init(fault: "429-no-retry-after", command: "accept", status: 0, says: "Accepted 1001"),
        .init(fault: "500", command: "list", status: 7, says: "The Engage server failed (HTTP 500)"),
        .init(fault: "500", command: "show", status: 7, says: "The Engage server failed (HTTP 500)"),
        .init(fault: "500", command: "accept", status: 10, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "502", command: "list", status: 0, says: "appointments"),
        .init(fault: "502", command: "show", status: 0, says: "Overview"),
        .init(fault: "502", command: "accept", status: 10, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "503", command: "list", status: 0, says: "appointments"),
        .init(fault: "503", command: "show", status: 0, says: "Overview"),
        .init(fault: "503", command: "accept", status: 10, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "malformed", command: "list", status: 9, says: "The server's answer could not be read"),
        .init(fault: "malformed", command: "show", status: 9, says: "The server's answer could not be read"),
        .init(fault: "malformed", command: "accept", status: 10, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "truncated", command: "list", status: 0, says: "appointments"),
        .init(fault: "truncated", command: "show", status: 0, says: "Overview"),
        .init(fault: "truncated", command: "accept", status: 0, says: "confirmed by re-reading"),
        .init(fault: "oversized", command: "list", status: 9, says: "the answer is larger than 64 MB"),
        .init(fault: "oversized", command: "show", status: 9, says: "the answer is larger than 64 MB"),
        .init(fault: "oversized", command: "accept", status: 10, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "html", command: "list", status: 9, says: "The server's answer could not be read"),
        .init(fault: "html", command: "show", status: 9, says: "The server's answer could not be read"),
        .init(fault: "html", command: "accept", status: 10, says: "The server now says INCOMING_REQUEST"),
        .init(fault: "unknown-enums", command: "list", status: 0, says: "NEW_STATUS_2027"),
        .init(fault: "unknown-enums", command: "show", status: 0, says: "NEW_STATUS_2027"),
        .init(fault: "unknown-enums", command: "accept", status: 0, says: "confirmed by re-reading"),
        .init(fault: "lying-total", command: "list", status: 0, says: "appointments"),
    ]

    /// The timeout every run is given; nothing may take much longer.
    static let timeout = 2.0

    @Test(arguments: cases)
    func whatTheUserIsTold(_ expectation: Expectation) async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(token: "matrix-token")) { sandbox in
            let endpoint = SandboxEndpoint(rawValue: expectation.command == "list" ? "list" : expectation.command)!
            let (_, faults) = try SandboxFaults.parseScript("\(endpoint.rawValue)=\(expectation.fault)")
            sandbox.faults.script(endpoint, faults)
            let arguments = expectation.command == "list" ? ["list"] : [expectation.command, "1001"]
            let started = ContinuousClock.now
            let result = try await CommandRunner.triage(
                arguments + ["--timeout", String(Self.timeout)],
                environment: CommandRunner.environment([
                    "ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "ENGAGE_TOKEN": "matrix-token",
                    "XDG_STATE_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("matrix-\(UUID().uuidString)").path,
                ]), deadline: .seconds(30))
            let elapsed = ContinuousClock.now - started
            #expect(result.status == expectation.status, "\(expectation): \(result.all)")
            #expect(result.all.contains(expectation.says), "\(expectation): \(result.all)")
            if result.status != 0 {
                #expect(result.stderr.contains("correlation "), "\(expectation): support gets the correlation id: \(result.stderr)")
            }
            // Two timeouts at most (an accept and its re-read), and the 429's one-second wait.
            #expect(elapsed < .seconds(Self.timeout * 2 + 4), "\(expectation) took \(elapsed)")
            #expect(!result.all.contains("matrix-token"))
            if expectation.command == "accept" {
                let posts = sandbox.receivedRequests.filter { $0.method == "POST" && $0.path.hasSuffix("/_actions/accept") }
                let expectedPosts = expectation.fault.hasPrefix("429") || expectation.fault == "401" ? (1...2) : (1...1)
                #expect(expectedPosts.contains(posts.count), "\(expectation): sent \(posts.count) times")
            }
        }
    }
}
