import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// `--churn`: requests arrive and colleagues accept while the sandbox runs.
@Suite("The sandbox's churn", .timeLimit(.minutes(1)))
struct SandboxChurnTests {
    @Test func newPendingRequestsArriveAndColleaguesAcceptTheOldest() async throws {
        try await SandboxServer.withRunning { sandbox in
            let before = sandbox.tenant.appointments
            let oldest = try #require(before.first { $0.status == .incomingRequest })
            let churn = sandbox.startChurn(every: .milliseconds(20))
            defer { churn.cancel() }
            let deadline = ContinuousClock.now + .seconds(10)
            while sandbox.tenant.appointments.count < before.count + 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            churn.cancel()
            let after = sandbox.tenant.appointments
            let arrived = after.dropFirst(before.count)
            #expect(arrived.count >= 2)
            #expect(arrived.allSatisfy { $0.status == .incomingRequest || $0.updatedByType == .employee })
            #expect(Set(after.map(\.id)).count == after.count, "fresh ids")
            let accepted = try #require(sandbox.tenant.appointment(id: oldest.id))
            #expect(accepted.status == .accepted && accepted.updatedByType == .employee && accepted.updatedFrom == .backofficeApp)
            // Over HTTP the new ones are listed like any other.
            let listed = try await sandbox.makeClient().allAppointments(matching: .pending).map(\.id)
            #expect(listed.contains(try #require(arrived.first?.id)))
            #expect(!listed.contains(oldest.id))
        }
    }
}
