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
    private static func isRetried(_ entry: WriteJournalEntry) -> Bool {
        guard case .retried = entry.event else { return false }
        return true
    }

    private static func intent(_ entry: WriteJournalEntry) -> String? {
        guard case .sent(let correlationId) = entry.event else { return nil }
        return correlationId
    }

    private static func outcomeCorrelationId(_ entry: WriteJournalEntry) -> String? {
        guard case .finished(let correlationId, _) = entry.event else { return nil }
        return correlationId
    }

    @Test func theLogTheOutcomesAndTheJournalAgree() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(seed: 7, appointmentCount: 320)) { sandbox in
            sandbox.faults.setRate(.accept, rate: 0.35, faults: [
                .status(500), .status(502), .status(503), .connectionReset, .malformedJSON, .truncatedBody, .hang,
                .wrongContentType, .unknownEnums,
            ])
            let ids = Array(sandbox.tenant.appointments.filter { $0.status == .incomingRequest }.map(\.id).prefix(200))
            let journal = MemoryJournal()
            let tracker = WriteTracker(journal: journal)
            let service = BudgetedService(sandbox.makeClient(requestTimeout: .milliseconds(400)), budget: RequestBudget())
            let outcomes = await withTaskGroup(of: (String, WriteOutcome).self) { group in
                for id in ids { group.addTask { (id, await tracker.perform(.accept, on: id, using: service)) } }
                var outcomes: [String: WriteOutcome] = [:]
                for await (id, outcome) in group { outcomes[id] = outcome }
                return outcomes
            }
            let posts = Dictionary(grouping: sandbox.receivedRequests.filter { $0.method == "POST" }, by: \.path)
            var kinds: [String: Int] = [:]
            for id in ids {
                let outcome = try #require(outcomes[id])
                let now = try #require(sandbox.tenant.appointment(id: id)).status
                let entries = journal.all.filter { $0.appointmentId == id }
                let retried = entries.filter { Self.isRetried($0) }.count
                // One accept request each; one more for each attempt answered 429 (the server did
                // nothing; journaled as retried). Under load, one may time out before it arrives.
                let received = posts["/enterprises/acme/appointments/\(id)/_actions/accept"]?.count ?? 0
                #expect(received <= 1 + retried, "\(id) received \(received) accepts, \(retried) retried")
                switch outcome {
                case _ where outcome.isDone:
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
                case .notSent, .done, .confirmed:
                    Issue.record("\(id): \(outcome)")
                }
                let intents: [String] = entries.compactMap { Self.intent($0) }
                let outcomeId: String? = entries.last.flatMap { Self.outcomeCorrelationId($0) }
                #expect(intents.count == 1 + retried, "\(id): the journal has \(entries)")
                #expect(!intents.isEmpty && intents.last == outcomeId, "\(id): the last intent and the outcome under one correlation id")
            }
            #expect((kinds["accepted"] ?? 0) > 100 && (kinds["unknown, re-read"] ?? 0) > 10, "a mix of outcomes: \(kinds)")
        }
    }
}
