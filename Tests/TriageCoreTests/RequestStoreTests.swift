@testable import EngageAPI
import Foundation
import Testing
@testable import TriageCore

/// The store of requests by id: merges by `updatedAt`, equal values kept once, room reserved once.
@Suite("Request store", .timeLimit(.minutes(2)))
struct RequestStoreTests {
    /// Two pending requests at the same place, with the same long note and the same answers.
    private func twins() throws -> (Appointment, Appointment) {
        let located = try #require(TriageFixture.pending.first { $0.location != nil && !$0.answers.isEmpty })
        var first = located
        first.internalNotes = "Customer asked to be called back before noon, please confirm by phone."
        var second = first
        second.id = "twin-of-\(first.id)"
        // Decoded separately, as two rows of two pages are: equal values, separate storage.
        let encoder = EngageJSON.encoder()
        let decoder = EngageJSON.decoder()
        first = try decoder.decode(Appointment.self, from: encoder.encode(first))
        second = try decoder.decode(Appointment.self, from: encoder.encode(second))
        #expect(!first.$location.sharesStorage(with: second.$location))
        return (first, second)
    }

    private func storage(_ text: String?) -> UnsafeRawPointer? {
        var text = text
        return text?.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func equalValuesLoadedManyTimesAreStoredOnce() throws {
        let (first, second) = try twins()
        var store = RequestStore()
        store.merge(first, rank: 0)
        store.merge(second, rank: 1)
        #expect(store[0] == first && store[1] == second)
        #expect(store[1].$location.sharesStorage(with: store[0].$location))
        #expect(storage(store[1].internalNotes) == storage(store[0].internalNotes))
        let longAnswers = store[0].answers.indices.filter { (store[0].answers[$0].value?.utf8.count ?? 0) > 15 }
        for index in longAnswers {
            #expect(storage(store[1].answers[index].value) == storage(store[0].answers[index].value))
        }
    }

    @Test func theNewerCopyWinsAndAKnownRowKeepsItsSlotAndRank() throws {
        var store = RequestStore()
        for (index, appointment) in TriageFixture.pending.enumerated() { store.merge(appointment, rank: index) }
        let target = TriageFixture.pending[3]
        var newer = target
        newer.status = .accepted
        newer.updatedAt = target.updatedAt.addingTimeInterval(60)
        #expect(store.merge(newer, rank: 99) == .updated(slot: 3))
        #expect(store[3] == newer && store.rank(ofSlot: 3) == 3, "a known row keeps the rank it was first seen with")
        #expect(store.merge(target, rank: 0) == .unchanged(slot: 3), "an older copy (an earlier page read late) loses")
        #expect(store[3].status == .accepted)
        #expect(store.merge(target, rank: 0, authoritative: true) == .updated(slot: 3), "the answer to our own accept wins")
        #expect(store.count == TriageFixture.pending.count)
    }

    @Test func removingRowsRenumbersSlotsAndKeepsTheStateOfRowsInFlight() {
        var store = RequestStore()
        for (index, appointment) in TriageFixture.pending.prefix(5).enumerated() { store.merge(appointment, rank: index) }
        let ids = TriageFixture.pending.prefix(5).map(\.id)
        store.updateState(of: ids[1]) { $0.writeInFlight = .accept }
        store.updateState(of: ids[2]) { $0.lastError = Banner(.error, "no") }
        let mapping = store.removeAll { _, row in row.id != ids[0] && row.id != ids[2] }
        #expect(mapping == [nil, 0, nil, 1, 2])
        #expect(store.count == 3 && store.slot(of: ids[3]) == 1 && store.slot(of: ids[0]) == nil)
        #expect(store.state(of: ids[1]).isWriting)
        #expect(store.state(of: ids[2]) == RowState(), "a removed row's state goes with it")
        #expect(store.writesInFlight.map(\.id) == [ids[1]])
    }

    @Test func theAnnouncedTotalIsReservedOnceAndAnAbsurdOneBounded() {
        var store = RequestStore()
        store.reserve(5_000)
        #expect(store.capacity >= 5_000)
        store.reserve(Int.max)
        #expect(store.capacity >= RequestStore.maxReservedRows && store.capacity < 2 * RequestStore.maxReservedRows)
        store.reserve(-1)
        #expect(store.isEmpty)
    }
}
