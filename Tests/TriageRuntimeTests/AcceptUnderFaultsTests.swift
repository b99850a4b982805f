import EngageAPI
import EngageContract
import EngageSandbox
import Foundation
import Testing
import TriageRuntime

/// Hundreds of accepts through the real client while the sandbox fails a third of them at
/// random: afterwards the sandbox's log, the outcomes reported and the journal agree for every
/// appointment, and none received two accept requests.
@Suite("Accept under random faults", .timeLimit(.minutes(2)))
struct AcceptUnderFaultsTests {
    @Test func theLogTheOutcomesAndTheJournalAgree() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(seed: 7, appointmentCount: 320)) { sandbox in
            sandbox.faults.setRate(.accept, rate: 0.35, faults: [
                .status(500), .status(502), .status(503), .connectionReset, .malformedJSON, .truncatedBody, .hang,
                .wrongContentType, .unknownEnums,
            ])
            let ids = Array(sandbox.tenant.appointments.filter { $0.status == .incomingRequest }.map(\.id).prefix(200))
            let journal = MemoryJournal()
            let tracker = AcceptTracker(journal: journal)
            let service = BudgetedService(sandbox.makeClient(requestTimeout: .milliseconds(400)), budget: RequestBudget())
            let outcomes = await withTaskGroup(of: (String, AcceptOutcome).self) { group in
                for id in ids { group.addTask { (id, await tracker.accept(id: id, using: service)) } }
                var outcomes: [String: AcceptOutcome] = [:]
                for await (id, outcome) in group { outcomes[id] = outcome }
                return outcomes
            }
            let posts = Dictionary(grouping: sandbox.receivedRequests.filter { $0.method == "POST" }, by: \.path)
            var kinds: [String: Int] = [:]
            for id in ids {
                let outcome = try #require(outcomes[id])
                let now = try #require(sandbox.tenant.appointment(id: id)).status
                #expect(posts["/enterprises/acme/appointments/\(id)/_actions/accept"]?.count == 1, "\(id) received one accept")
                switch outcome {
                case _ where outcome.isAccepted:
                    kinds["accepted", default: 0] += 1
                    #expect(now == .accepted, "\(id) reported accepted, the server says \(now)")
                case .rejected:
                    kinds["rejected", default: 0] += 1
                    #expect(now == .incomingRequest, "\(id) reported refused, the server says \(now)")
                case .unknown(_, .success(let current)):
                    kinds["unknown, re-read", default: 0] += 1
                    #expect(current.value.status == now, "\(id): the re-read said \(current.value.status), the server says \(now)")
                case .unknown(_, .failure):
                    kinds["unknown", default: 0] += 1
                case .notSent, .accepted:
                    Issue.record("\(id): \(outcome)")
                }
                let entries = journal.all.filter { $0.appointmentId == id }
                guard entries.count == 2, case .sent(_, let sent) = entries[0], case .finished(_, let finished?, _) = entries[1] else {
                    Issue.record("\(id): the journal has \(entries)")
                    continue
                }
                #expect(sent == finished, "\(id): intent and outcome under one correlation id")
            }
            #expect((kinds["accepted"] ?? 0) > 100 && (kinds["unknown, re-read"] ?? 0) > 10, "a mix of outcomes: \(kinds)")
        }
    }
}
