import EngageContract
import Foundation
import Synchronization
import Testing
import TriageCore
@testable import TriageRuntime

/// The loop action → reduce → effects → actions back, against a scripted tenant: no terminal, no network.
@Suite("Effect runner and store", .timeLimit(.minutes(1)))
struct EffectRunnerTests {
    @Test func startLoadsEveryPageThroughTheRunnerAndEndsTheLoad() async throws {
        let harness = StoreHarness(service: ScriptedService(pending: 45))
        #expect(harness.store.send(.start).isEmpty, "the load is the runner's, not the terminal's")
        #expect(harness.store.runner.runningEffects == [.load])
        await harness.receive { $0.load == .done }
        #expect(harness.state.view.count == 45)
        #expect(harness.state.selected?.id == "1000")
        #expect(harness.store.runner.runningEffects == [.refreshTimer], "only the wait for the next refresh")
    }

    @Test func aNewLoadCancelsTheOldOneWhosePagesNeverArrive() async throws {
        let service = ScriptedService(pending: 200, pageSize: 10, latency: .milliseconds(30))
        let harness = StoreHarness(service: service)
        harness.store.send(.start)
        await harness.receive { if case .loading(let loaded, _) = $0.load { loaded > 0 } else { false } }
        harness.store.send(.key(.character("r")))
        func pageCalls() -> Int { service.calls.count { $0.hasPrefix("page") } }
        let callsAtReload = pageCalls()
        var pagesOfTheOldLoad = 0
        while harness.state.load != .done {
            guard let action = await harness.receive() else { Issue.record("the load never ended"); return }
            if case .pageLoaded(1, _) = action { pagesOfTheOldLoad += 1 }
        }
        #expect(pagesOfTheOldLoad <= 2, "at most the pages already on their way when it was cancelled")
        #expect(harness.state.view.count == 200)
        #expect(pageCalls() - callsAtReload <= 23, "the old load stopped asking: 22 pages of the new one and little else")
    }

    @Test func theBudgetIsNeverExceededAndAcceptsGoFirst() async throws {
        let service = ScriptedService(pending: 300, pageSize: 10, latency: .milliseconds(15))
        let harness = StoreHarness(service: service, budget: RequestBudget(capacity: 2))
        harness.store.send(.start)
        await harness.receive { $0.view.count >= 10 }
        // Five accepts queue up behind the load's reads.
        for _ in 0..<5 {
            harness.store.send(.key(.character("a")))
            harness.store.send(.key(.character("j")))
        }
        await harness.receive { $0.load == .done && $0.writesInFlight.isEmpty }
        #expect(service.peakInFlight <= 2)
        let calls = service.calls
        let lastAccept = try #require(calls.lastIndex { $0.hasPrefix("accept") })
        let pagesBeforeLastAccept = calls[..<lastAccept].filter { $0.hasPrefix("page") }.count
        #expect(pagesBeforeLastAccept < 20, "the accepts did not wait for the 31 pages of the load: \(calls)")
        #expect(harness.state.store.appointment(id: "1000")?.status == .accepted)
    }

    @Test func aRescheduleAndTheColleaguesGoThroughTheRunnerAndTheJournal() async throws {
        let service = ScriptedService(pending: 3)
        let harness = StoreHarness(service: service)
        harness.store.send(.start)
        await harness.receive { $0.load == .done }
        harness.store.send(.key(.character("o")))
        await harness.receive { $0.colleagues != nil }
        #expect(harness.state.colleagues?.map(\.id) == ["7001", "7002", "7003"])
        #expect(harness.state.names.name(.employee, "7002")?.text == "Colleague 7002")
        harness.store.send(.key(.escape))
        let start = Date(timeIntervalSince1970: 1_900_000_000)
        let request = RescheduleRequest(start: start, end: start.addingTimeInterval(1_800))
        harness.store.runner.run(.write(id: "1000", .reschedule(request)))
        await harness.receive { $0.banner != nil }
        #expect(harness.state.banner?.kind == .success && harness.state.store.appointment(id: "1000")?.start == start)
        let events = harness.journal.all.filter { $0.write.kind == .reschedule }.map(\.event)
        guard events.count == 2, case .sent(let sent) = events[0], case .finished(sent, .done) = events[1] else {
            Issue.record("expected intent then outcome under one correlation id, got \(events)")
            return
        }
        #expect(service.calls.filter { $0.hasPrefix("reschedule 1000") }.count == 1)
    }

    @Test func aRateLimitedAcceptIsWaitedOutAndSentAgainJournaledEachTime() async throws {
        let service = ScriptedService(pending: 3)
        service.script(accept: [EngageError(kind: .rateLimited, httpStatus: 429, retryAfter: .milliseconds(20))])
        let harness = StoreHarness(service: service)
        harness.store.send(.start)
        await harness.receive { $0.load == .done }
        harness.store.send(.key(.character("a")))
        await harness.receive { $0.writesInFlight.isEmpty }
        #expect(harness.state.banner?.kind == .success)
        let sent = harness.journal.all.compactMap { if case .sent(let id) = $0.event { id } else { nil } }
        try #require(sent.count == 2 && Set(sent).count == 2, "each attempt has its own correlation id")
        let retried = harness.journal.all.compactMap { if case .retried(let id) = $0.event { id } else { nil } }
        #expect(retried == [sent[0]], "the first attempt is recorded as not acted on")
        guard let last = harness.journal.all.last, last.appointmentId == "1000", case .finished(let correlationId, let outcome) = last.event else {
            Issue.record("no outcome journaled")
            return
        }
        #expect(outcome.isDone && correlationId == sent[1])
    }

    @Test func rateLimitsWithoutRetryAfterBackOffWithJitterAndGiveUpInTheEnd() async throws {
        let service = ScriptedService(pending: 1)
        service.script(accept: Array(repeating: EngageError(kind: .rateLimited, httpStatus: 429), count: 3))
        let waits = Mutex<[Duration]>([])
        let budgeted = BudgetedService(
            service, budget: RequestBudget(), rateLimit: RetryPolicy(maxAttempts: 3, initialDelay: .milliseconds(100)),
            sleep: { duration in waits.withLock { $0.append(duration) } })
        let outcome = await budgeted.performReconciling(.accept, on: "1000")
        guard case .rejected(let error, _) = outcome else {
            Issue.record("expected the 429 to be reported after the last attempt, got \(outcome)")
            return
        }
        #expect(error.kind == .rateLimited)
        let recorded = waits.withLock { $0 }
        #expect(recorded.count == 2)
        #expect(recorded[0] >= .milliseconds(50) && recorded[0] <= .milliseconds(100))
        #expect(recorded[1] >= .milliseconds(100) && recorded[1] <= .milliseconds(200))
    }

    @Test func aWaitingActionIsServedBeforeReadsThatQueuedEarlier() async throws {
        let budget = RequestBudget(capacity: 1)
        try await budget.acquire(.read)
        let order = Recorder()
        var tasks: [Task<Void, any Error>] = []
        for (name, priority) in [("read 1", RequestBudget.Priority.read), ("read 2", .read), ("accept", .action)] {
            tasks.append(Task {
                try await budget.acquire(priority)
                order.names.withLock { $0.append(name) }
                budget.release()
            })
            while budget.waiting < tasks.count { await Task.yield() }
        }
        budget.release()
        for task in tasks { try await task.value }
        #expect(order.names.withLock { $0 } == ["accept", "read 1", "read 2"])
        #expect(budget.inUse == 0)
        #expect(RequestBudget(capacity: 9).capacity == 4, "never more than the API allows per address")
    }

    @Test func aReadThatWaitsForASlotIsCancelledAndGivesNothingBack() async throws {
        let budget = RequestBudget(capacity: 1)
        try await budget.acquire(.read)
        let waiting = Task { try await budget.acquire(.read) }
        while budget.waiting == 0 { await Task.yield() }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        budget.release()
        #expect(budget.inUse == 0)
        try await budget.acquire(.action)
        #expect(budget.inUse == 1)
    }

    @Test func theTrackerWaitsForAcceptsAndAbandonsThoseStillOut() async throws {
        // Far longer than the test: a starved test process must not see the accept finish.
        let slow = ScriptedService(pending: 2, latency: .seconds(120))
        let journal = MemoryJournal()
        let tracker = WriteTracker(journal: journal)
        let accept = Task { await tracker.perform(.accept, on: "1000", using: slow) }
        while tracker.inFlight.isEmpty || journal.all.isEmpty { await Task.yield() }
        #expect(await tracker.waitUntilIdle(timeout: .milliseconds(50)) == false)
        let reports = tracker.abandonAll()
        #expect(reports.map(\.result) == [.unknown])
        guard case .sent(let sentID) = journal.all[0].event, journal.all[1].appointmentId == "1000",
              case .abandoned(let abandonedID) = journal.all[1].event else {
            Issue.record("expected intent then abandonment, got \(journal.all)")
            return
        }
        #expect(sentID == abandonedID && reports[0].correlationId == sentID)
        #expect(reports[0].line(sanitize: { $0 }) == "1000: outcome unknown — check it in the back office · correlation \(sentID)")
        accept.cancel()
        _ = await accept.value

        let quick = ScriptedService(pending: 2)
        let done = Task { await tracker.perform(.accept, on: "1001", using: quick) }
        #expect(await tracker.waitUntilIdle(timeout: .seconds(10)))
        #expect(await done.value.isDone)
        #expect(tracker.report(for: "1001")?.line(sanitize: { $0 }).hasPrefix("Accepted 1001 · correlation ") == true)
    }

    @Test func anAcceptAbandonedBeforeItLeftIsNeverSent() async throws {
        let service = ScriptedService(pending: 2)
        let budget = RequestBudget(capacity: 1)
        try await budget.acquire(.read)  // the only slot is taken: the accept waits for it
        let tracker = WriteTracker(journal: MemoryJournal())
        let accept = Task { await tracker.perform(.accept, on: "1000", using: BudgetedService(service, budget: budget)) }
        while budget.waiting == 0 { await Task.yield() }
        #expect(tracker.abandonAll().map(\.result) == [.notSent])
        budget.release()
        guard case .notSent = await accept.value else {
            Issue.record("expected the abandoned accept not to be sent")
            return
        }
        #expect(!service.calls.contains { $0.hasPrefix("accept") })
    }
}

/// Names in the order things happened.
private final class Recorder: Sendable {
    let names = Mutex<[String]>([])
}

extension EffectRunnerTests {
    /// A name request cancelled while it waits for a slot is not sent; one already sent finishes.
    @Test func aNameRequestIsCancelledOnlyWhileItWaitsForItsSlot() async throws {
        let service = ScriptedService(pending: 0, latency: .milliseconds(200))
        let budget = RequestBudget(capacity: 1)
        let budgeted = BudgetedService(service, budget: budget)
        let sent = NameRequest(kind: .customer, ids: ["1"], isVisible: true)
        let waiting = NameRequest(kind: .customer, ids: ["2"], isVisible: true)
        let first = Task { try await budgeted.names(for: sent) }
        while budget.inUse == 0 { try await Task.sleep(for: .milliseconds(1)) }
        let second = Task { try await budgeted.names(for: waiting) }
        while budget.waiting == 0 { try await Task.sleep(for: .milliseconds(1)) }
        first.cancel()
        second.cancel()
        #expect(try await first.value["1"] == Name("customer 1"), "on the wire: it runs to its answer")
        do {
            _ = try await second.value
            Issue.record("the waiting one should be cancelled")
        } catch {
            #expect((error as? EngageError)?.kind == .cancelled)
        }
        #expect(service.nameRequests.map(\.ids) == [["1"]])
    }
}

extension EffectRunnerTests {
    /// Seven marked requests accepted at once: never more in flight than the budget allows, each
    /// journaled (intent, then outcome), all accepted.
    @Test func anAcceptOfMarkedRequestsStaysWithinTheBudget() async throws {
        let service = ScriptedService(pending: 20, pageSize: 10, latency: .milliseconds(20))
        let harness = StoreHarness(service: service, budget: RequestBudget(capacity: 2))
        harness.store.send(.start)
        await harness.receive { $0.load == .done }
        for _ in 0..<7 { harness.store.send(.key(.character(" "))) }
        harness.store.send(.key(.character("A")))
        await harness.receive { $0.bulk == nil && $0.lastBulkResults.count == 7 }
        #expect(harness.state.lastBulkResults.allSatisfy { $0.outcome == .accepted })
        #expect(service.peakInFlight <= 2)
        let journaled = harness.journal.all
        #expect(journaled.count == 14)
    }
}
