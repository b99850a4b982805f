@testable import EngageAPI
import Foundation
import Testing
@testable import TriageCore

/// The loaded list: pages merged in place, equal values kept once, room reserved once.
@Suite("Appointment list")
struct AppointmentListTests {
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
        var list = AppointmentList()
        list.merge([first], offset: 0)
        list.merge([second], offset: 1)
        #expect(list[0] == first && list[1] == second)
        #expect(list[1].$location.sharesStorage(with: list[0].$location))
        #expect(storage(list[1].internalNotes) == storage(list[0].internalNotes))
        let longAnswers = list[0].answers.indices.filter { (list[0].answers[$0].value?.utf8.count ?? 0) > 15 }
        for index in longAnswers {
            #expect(storage(list[1].answers[index].value) == storage(list[0].answers[index].value))
        }
    }

    @Test func interningKeepsEveryValueAsLoaded() {
        var list = AppointmentList()
        for page in TriageFixture.pages(TriageFixture.pending) { list.merge(page.appointments, offset: page.meta.offset) }
        #expect(list.items == TriageFixture.pending)
        var accepted = TriageFixture.pending[3]
        accepted.status = .accepted
        let replaced = list.replace(accepted)
        #expect(replaced)
        #expect(list[3] == accepted && list.count == TriageFixture.pending.count)
    }

    @Test func theAnnouncedTotalIsReservedOnce() {
        var list = AppointmentList()
        let page = Array(TriageFixture.pending.prefix(5))
        list.merge(page, offset: 0, expectedTotal: 5_000)
        let capacity = list.items.capacity
        #expect(capacity >= 5_000)
        list.merge(Array(TriageFixture.pending.dropFirst(5).prefix(5)), offset: 5, expectedTotal: 5_000)
        #expect(list.items.capacity == capacity)
    }

    @Test func anAbsurdAnnouncedTotalReservesABoundedRoom() {
        var list = AppointmentList()
        list.merge(Array(TriageFixture.pending.prefix(5)), offset: 0, expectedTotal: Int.max)
        #expect(list.items.capacity >= AppointmentList.maxReservedRows)
        #expect(list.items.capacity < 2 * AppointmentList.maxReservedRows)
        list.merge([], offset: 5, expectedTotal: -1)
        #expect(list.count == 5)
    }
}
