import EngageAPI
import EngageSandbox
import Testing
import TriageCore
import TriageRuntime

/// The list comes in the server's order, whatever order its overlapping pages arrive in.
@Suite("Load order", .timeLimit(.minutes(1)))
struct LoadOrderTests {
    @Test func theListIsInServerOrderAndTheFirstRowSelectedAfterALoadOverHTTP() async throws {
        try await SandboxServer.withRunning { sandbox in
            let harness = StoreHarness(service: sandbox.makeClient())
            harness.store.send(.start)
            await harness.receive { $0.load == .done }
            let expected = sandbox.tenant.appointments.filter { $0.status == .incomingRequest }.map(\.id)
            let shown = (0..<harness.state.view.count).map { harness.state.row(at: $0).id }
            #expect(shown == expected)
            #expect(harness.state.selectedID == expected.first && harness.state.selectionIndex == 0)
        }
    }
}

extension LoadOrderTests {
    @Test(arguments: [[0, 1, 2], [1, 0, 2], [2, 1, 0], [0, 2, 1], [1, 2, 0]])
    func overlappingPagesInAnyOrderGiveTheServerOrder(order: [Int]) {
        let pending = Array(SandboxSeeder(seed: 1, count: 100, referenceDate: SandboxSeeder.today()).appointments()
            .filter { $0.status == .incomingRequest }.prefix(73))
        var state = AppState(options: AppOptions(tenantName: "t", sortOrder: TriageCore.SortOrder(.server)), size: Size(width: 80, height: 24))
        _ = Reducer.reduce(&state, .start)
        let offsets = [0, 24, 48]
        for index in order {
            let offset = offsets[index]
            let rows = Array(pending[offset..<min(pending.count, offset + 25)])
            _ = Reducer.reduce(&state, .pageLoaded(generation: 1, AppointmentPage(
                appointments: rows, meta: PageMeta(offset: offset, limit: 25, totalCount: pending.count), correlationId: "c")))
        }
        _ = Reducer.reduce(&state, .loadFinished(generation: 1, isComplete: true))
        #expect((0..<state.view.count).map { state.row(at: $0).id } == pending.map(\.id))
    }
}
