import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// The load over real HTTP while a colleague accepts requests from a second client: every
/// request pending throughout is listed, none twice.
@Suite("Listing while others accept", .serialized, .timeLimit(.minutes(2)))
struct ListingUnderAcceptsTests {
    @Test(arguments: 0..<12)
    func aLoadDuringConcurrentAcceptsMissesNothing(run: Int) async throws {
        // Varied timings: page size, latency and the colleague's pace change from run to run.
        let pageSize = [7, 10, 25, 13][run % 4]
        let latency = Duration.milliseconds([0, 2, 5][run % 3])
        let pause = Duration.microseconds([200, 1_000, 3_000, 500][run % 4])
        try await SandboxServer.withRunning(SandboxConfiguration(seed: UInt64(run + 1), appointmentCount: 240)) { sandbox in
            sandbox.faults.setLatency(latency)
            let initial = sandbox.tenant.appointments.filter { $0.status == .incomingRequest }.map(\.id)
            let loader = sandbox.makeClient(pageSize: pageSize)
            let colleague = sandbox.makeClient()
            var order = initial
            var generator = SystemRandomNumberGenerator()
            order.shuffle(using: &generator)
            let acceptor = Task {
                var accepted: [String] = []
                for id in order.prefix(initial.count / 3) {
                    guard !Task.isCancelled else { break }
                    if case .done = await colleague.performReconciling(.accept, on: id) { accepted.append(id) }
                    try? await Task.sleep(for: pause)
                }
                return accepted
            }
            let listed = try await loader.allAppointments(matching: .pending).map(\.id)
            acceptor.cancel()
            let accepted = Set(await acceptor.value)
            #expect(!accepted.isEmpty, "the colleague accepted during the load")
            #expect(Set(listed).count == listed.count, "a request listed twice")
            let missing = initial.filter { !accepted.contains($0) && !listed.contains($0) }
            #expect(missing.isEmpty, "missing although pending throughout: \(missing)")
        }
    }
}
