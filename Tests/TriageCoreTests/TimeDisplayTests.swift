import Foundation
import Testing
import TriageCore

@Suite("Times in the user's zone", .timeLimit(.minutes(2)))
struct TimeDisplayTests {
    private let start = Date(timeIntervalSince1970: 1_796_115_600)  // 2026-12-01T09:00:00Z, a Tuesday

    @Test func localTimeZoneIsApplied() throws {
        let brussels = TimeDisplay(timeZone: try #require(TimeZone(identifier: "Europe/Brussels")))
        #expect(brussels.dateTime(start) == "Tue 2026-12-01 10:00")
        let tokyo = TimeDisplay(timeZone: try #require(TimeZone(identifier: "Asia/Tokyo")))
        #expect(tokyo.dateTime(start) == "Tue 2026-12-01 18:00")
    }

    @Test func windows() throws {
        let utc = TimeDisplay(timeZone: try #require(TimeZone(identifier: "UTC")))
        #expect(utc.window(start: start, end: start.addingTimeInterval(2_700)) == "Tue 2026-12-01 09:00–09:45")
        #expect(utc.window(start: start, end: start.addingTimeInterval(86_400)) == "Tue 2026-12-01 09:00–Wed 2026-12-02 09:00")
        #expect(utc.window(start: nil, end: nil) == "no time yet")
        #expect(utc.window(start: start, end: nil) == "Tue 2026-12-01 09:00")
    }
}
