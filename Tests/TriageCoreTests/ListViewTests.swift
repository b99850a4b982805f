import EngageContract
import Foundation
import Testing
@testable import TriageCore

/// The list as a view over the store: a predicate and a sort order, kept up to date row by row.
@Suite("List view", .timeLimit(.minutes(1)))
struct ListViewTests {
    /// `count` distinct requests made from the fixture's, with ids in server order and starts spread over days.
    private static func requests(_ count: Int) -> [Appointment] {
        let base = TriageFixture.pending
        return (0..<count).map { index in
            var appointment = base[index % base.count]
            appointment.id = String(format: "%07d", index)
            appointment.start = index % 7 == 0 ? nil : TriageFixture.referenceDate.addingTimeInterval(Double((index * 7_919) % 100_000) * 60)
            return appointment
        }
    }

    /// 30,000 rows: the merging costs 12 s of one core at 100,000 in a debug build, which starved
    /// the timing tests running next to it on two cores (release figures at 100,000 are in
    /// engage-bench).
    @Test func thirtyThousandRowsFilteredAndSortedAndKeptInOrderAsPagesMerge() throws {
        let all = Self.requests(30_000)
        var store = RequestStore()
        var view = ListView(order: SortOrder(.start))
        view.filter(narrowing: false) { _ in false }
        // Pages of 1,000 arrive out of order; each is merged into the view as it comes.
        for pageStart in stride(from: 0, to: all.count, by: 1_000).reversed() {
            var slots: [Int] = []
            for index in pageStart..<(pageStart + 1_000) {
                if case .inserted(let slot) = store.merge(all[index], rank: index) { slots.append(slot) }
            }
            view.insert(slots, in: store, names: NameBook()) { store[$0].meetingType == .phone }
        }
        let expected = all.filter { $0.meetingType == .phone }.sorted { a, b in
            switch (a.start, b.start) {
            case (let x?, let y?) where x != y: x < y
            case (.some, nil): true
            case (nil, .some): false
            default: a.id < b.id
            }
        }
        #expect(view.count == expected.count && view.count > 3_000)
        #expect(view.slots.map { store[$0].id } == expected.map(\.id))
        // Every row is found where it is shown, by binary search.
        for position in stride(from: 0, to: view.count, by: 997) {
            #expect(view.index(ofSlot: view.slots[position], in: store) == position)
        }
        let notShown = try #require(store.slot(of: all.first { $0.meetingType != .phone }!.id))
        #expect(view.index(ofSlot: notShown, in: store) == nil)

        // Reversed, and back to server order over everything.
        view.sort(store, by: SortOrder(.start, ascending: false), names: NameBook())
        #expect(store[view.slots[0]].start == expected.last { $0.start != nil }?.start)
        #expect(store[view.slots[view.count - 1]].start == nil, "no time yet stays last in either direction")
        #expect(view.count == expected.count, "the filter keeps what it let through")
        view.sort(store, by: SortOrder(.server), names: NameBook())
        view.clearFilter()
        #expect(view.slots.map { store[$0].id } == all.map(\.id))
    }

    @Test func aRowWhoseKeyChangesMovesAndRemovedRowsLeave() throws {
        var store = RequestStore()
        let all = Self.requests(50).filter { $0.start != nil }
        var view = ListView(order: SortOrder(.start))
        view.insert(all.enumerated().map { index, appointment in
            guard case .inserted(let slot) = store.merge(appointment, rank: index) else { fatalError() }
            return slot
        }, in: store, names: NameBook())
        let first = store[view.slots[0]]
        var later = first
        later.start = all.compactMap(\.start).max()!.addingTimeInterval(60)
        later.updatedAt = first.updatedAt.addingTimeInterval(1)
        let slot = try #require(store.slot(of: first.id))
        view.remove(slot: slot, in: store)
        store.merge(later, rank: 0)
        view.insert([slot], in: store, names: NameBook())
        #expect(store[view.slots.last!].id == first.id, "rescheduled to the latest start: now last")

        let gone = Set([store[view.slots[3]].id, store[view.slots[10]].id])
        view.remap(store.removeAll { _, row in !gone.contains(row.id) })
        #expect(view.count == all.count - 2 && view.slots.allSatisfy { !gone.contains(store[$0].id) })
        #expect(view.slots.map { store[$0].start! } == view.slots.map { store[$0].start! }.sorted())
    }

    @Test func theScreenOfAHundredThousandRowsFollowsItsSelection() throws {
        var state = TriageFixture.state(options: TriageFixture.options(), size: Size(width: 120, height: 40))
        _ = Reducer.reduce(&state, .start)
        let all = Self.requests(100_000)
        for page in TriageFixture.pages(all, size: 1_000) { _ = Reducer.reduce(&state, .pageLoaded(generation: 1, page)) }
        _ = Reducer.reduce(&state, .loadFinished(generation: 1, isComplete: true))
        TriageFixture.press(&state, .character("G"), .up)
        #expect(state.selected?.id == all[99_998].id)
        #expect(Renderer.render(state).text.contains(all[99_998].id))
    }
}
