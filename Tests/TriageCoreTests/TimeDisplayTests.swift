import Foundation
import Testing
import TriageCore

@Suite("Times in the user's zone", .timeLimit(.minutes(2)))
struct TimeDisplayTests {
    private let start = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01T09:00:00Z, a Tuesday

    @Test func localTimeZoneIsApplied() throws {
        let brussels = TimeDisplay(timeZone: Zone(try #require(TimeZone(identifier: "Europe/Brussels"))))
        #expect(brussels.dateTime(start) == "Tue 2026-12-01 10:00")
        let tokyo = TimeDisplay(timeZone: Zone(try #require(TimeZone(identifier: "Asia/Tokyo"))))
        #expect(tokyo.dateTime(start) == "Tue 2026-12-01 18:00")
    }

    /// "today"/"tomorrow" are the user's days: 23:30 UTC on Dec 1 is already Dec 2 in Tokyo.
    @Test func startsNearTodayAreRelativeInTheUsersDays() throws {
        let utc = TimeDisplay(timeZone: Zone(try #require(TimeZone(identifier: "UTC"))))
        let now = start  // Tue 09:00 UTC
        #expect(utc.relative(start.addingTimeInterval(5 * 3_600), now: now) == "today 14:00")
        #expect(utc.relative(start.addingTimeInterval(86_400 + 1_800), now: now) == "tomorrow 09:30")
        #expect(utc.relative(start.addingTimeInterval(-86_400), now: now) == "yesterday 09:00")
        #expect(utc.relative(start.addingTimeInterval(2 * 86_400), now: now) == "Thu 03 Dec 09:00")
        let tokyo = TimeDisplay(timeZone: Zone(try #require(TimeZone(identifier: "Asia/Tokyo"))))
        let lateUTC = start.addingTimeInterval(14.5 * 3_600)  // 23:30 UTC = 08:30 next day in Tokyo
        #expect(tokyo.relative(lateUTC, now: now) == "tomorrow 08:30")
        #expect(utc.relative(lateUTC, now: now) == "today 23:30")
    }

    @Test func waitingTimes() {
        func age(_ seconds: Double) -> String { TimeDisplay.age(since: start.addingTimeInterval(-seconds), now: start) }
        #expect(age(30) == "now")
        #expect(age(45 * 60) == "45m")
        #expect(age(5 * 3_600 + 59 * 60) == "5h")
        #expect(age(47 * 3_600) == "47h")
        #expect(age(3 * 86_400 + 3_600) == "3d")
        #expect(age(-600) == "now", "a clock behind the server's does not show a negative wait")
    }

    @Test func windows() throws {
        let utc = TimeDisplay(timeZone: Zone(try #require(TimeZone(identifier: "UTC"))))
        #expect(utc.window(start: start, end: start.addingTimeInterval(2_700)) == "Tue 2026-12-01 09:00–09:45")
        #expect(utc.window(start: start, end: start.addingTimeInterval(86_400)) == "Tue 2026-12-01 09:00–Wed 2026-12-02 09:00")
        #expect(utc.window(start: nil, end: nil) == "no time yet")
        #expect(utc.window(start: start, end: nil) == "Tue 2026-12-01 09:00")
    }
}
