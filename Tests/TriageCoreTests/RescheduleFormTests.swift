import EngageContract
import Foundation
import Testing
@testable import TriageCore

/// The reschedule form's checks and its conversion to UTC, across daylight-saving changes.
@Suite("Reschedule form and local times", .timeLimit(.minutes(1)))
struct RescheduleFormTests {
    private let amsterdam = Zone(TimeZone(identifier: "Europe/Amsterdam")!)
    private func utc(_ text: String) -> Date { Timestamp.parse(text)! }

    private func form(_ start: String?, _ end: String?, now: String = "2026-03-20T08:00:00.000Z") -> RescheduleForm {
        var appointment = TriageFixture.pending[0]
        appointment.start = start.map(utc)
        appointment.end = end.map(utc)
        return RescheduleForm(appointment: appointment, timeZone: amsterdam, now: utc(now))
    }

    private func typing(_ form: inout RescheduleForm, _ field: RescheduleForm.Field, _ text: String) {
        form.focus(field)
        while !form.value(field).isEmpty { form.deleteBackward() }
        for character in text { form.type(character) }
    }

    @Test func itStartsFromTheRequestsOwnTimeInTheUsersZone() {
        let own = form("2026-03-28T09:00:00.000Z", "2026-03-28T09:45:00.000Z")
        #expect(own.value(.date) == "2026-03-28" && own.value(.start) == "10:00" && own.value(.duration) == "45")
        #expect(!own.isEdited)
        let none = form(nil, nil)
        #expect(none.value(.start) == "09:00" && none.value(.duration) == String(RescheduleForm.defaultMinutes))
    }

    @Test func aStartAcrossTheSpringChangeIsSentInUTC() throws {
        var moved = form("2026-03-28T09:00:00.000Z", "2026-03-28T09:45:00.000Z")
        typing(&moved, .date, "2026-03-30")
        let request = try moved.request(timeZone: amsterdam, now: utc("2026-03-20T08:00:00.000Z")).get()
        // 10:00 in Amsterdam was 09:00 UTC on the 28th (CET) and is 08:00 UTC on the 30th (CEST).
        #expect(request.start == utc("2026-03-30T08:00:00.000Z") && request.end == utc("2026-03-30T08:45:00.000Z"))
        #expect(moved.isEdited && request.messageForCustomer == nil)
    }

    @Test func timesTheClocksSkipAreRefusedAndThoseTheyRepeatAreTheFirst() throws {
        var skipped = form("2026-03-28T09:00:00.000Z", nil)
        typing(&skipped, .date, "2026-03-29")
        typing(&skipped, .start, "02:30")
        let problems = skipped.problems(timeZone: amsterdam, now: utc("2026-03-20T08:00:00.000Z"))
        #expect(problems[.start]?.contains("does not exist that day in Europe/Amsterdam") == true)
        var repeated = skipped
        typing(&repeated, .date, "2026-10-25")
        let request = try repeated.request(timeZone: amsterdam, now: utc("2026-03-20T08:00:00.000Z")).get()
        #expect(request.start == utc("2026-10-25T00:30:00.000Z"), "02:30 CEST, the first of the two")
    }

    @Test func itIsCheckedAsTyped() {
        var typed = form("2026-03-28T09:00:00.000Z", "2026-03-28T09:30:00.000Z")
        let now = utc("2026-03-20T08:00:00.000Z")
        typing(&typed, .date, "2026-03-1")
        #expect(typed.problems(timeZone: amsterdam, now: now)[.date]?.contains("YYYY-MM-DD") == true)
        typing(&typed, .date, "2026-03-19")
        #expect(typed.problems(timeZone: amsterdam, now: now)[.start] == "the start is in the past")
        typing(&typed, .date, "2026-02-30")
        #expect(typed.problems(timeZone: amsterdam, now: now)[.date] == "there is no 30 in that month")
        typing(&typed, .date, "2026-03-21")
        typing(&typed, .start, "25:00")
        #expect(typed.problems(timeZone: amsterdam, now: now)[.start]?.contains("HH:MM") == true)
        typing(&typed, .start, "10:00")
        typing(&typed, .duration, "0")
        #expect(typed.problems(timeZone: amsterdam, now: now)[.duration]?.contains("after the start") == true)
        typing(&typed, .duration, "60")
        typing(&typed, .messageForCustomer, "Tot dan!")
        #expect(typed.problems(timeZone: amsterdam, now: now).isEmpty)
        #expect((try? typed.request(timeZone: amsterdam, now: now).get())?.messageForCustomer == "Tot dan!")
        // Letters do not go into the date, time or length; Tab goes round.
        typed.focus(.duration)
        typed.type("x")
        #expect(typed.value(.duration) == "60")
        // The first character typed after entering a field replaces its text; then it appends.
        typed.type("4")
        typed.type("5")
        #expect(typed.value(.duration) == "45")
        typed.focus(.duration)
        typed.deleteBackward()
        typed.type("0")
        #expect(typed.value(.duration) == "40", "Backspace first edits the text instead")
        typed.clearField()
        #expect(typed.value(.duration) == "")
        typed.focusNext()
        typed.focusNext()
        #expect(typed.focus == .date)
        typed.focusPrevious()
        #expect(typed.focus == .messageForCustomer)
    }

    @Test func aLocalTimeReadsBackAsItIsWritten() throws {
        for time in [LocalDateTime(year: 2026, month: 1, day: 5, hour: 9, minute: 3),
                     LocalDateTime(year: 2026, month: 12, day: 31, hour: 23, minute: 59),
                     LocalDateTime(year: 2027, month: 10, day: 10, hour: 0, minute: 0)] {
            #expect(try LocalDateTime.parse(date: time.dateText, time: time.clockText) == time)
        }
        #expect(LocalDateTime(year: 2026, month: 1, day: 5, hour: 9, minute: 3).dateText == "2026-01-05")
        #expect(LocalDateTime(year: 2026, month: 1, day: 5, hour: 9, minute: 3).clockText == "09:03")
    }

    @Test func theCommandLinesTimesAreLocalUnlessTheyCarryAnOffset() throws {
        #expect(try LocalDateTime.instant("2026-12-14T10:00", in: amsterdam) == utc("2026-12-14T09:00:00.000Z"))
        #expect(try LocalDateTime.instant("2026-07-14T10:00", in: amsterdam) == utc("2026-07-14T08:00:00.000Z"))
        #expect(try LocalDateTime.instant("2026-12-14T10:00+02:00", in: amsterdam) == utc("2026-12-14T08:00:00.000Z"))
        #expect(try LocalDateTime.instant("2026-12-14T10:00Z", in: amsterdam) == utc("2026-12-14T10:00:00.000Z"))
        #expect(throws: LocalDateTime.Problem.self) { try LocalDateTime.instant("14-12-2026 10:00", in: amsterdam) }
        #expect(throws: LocalDateTime.Problem.self) { try LocalDateTime.instant("2026-12-14T10:00+25:99", in: amsterdam) }
    }
}
