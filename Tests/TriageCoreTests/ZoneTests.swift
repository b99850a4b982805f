import Foundation
import Testing
import TriageCore

/// Local date-times by offset arithmetic (`Zone`), held against Foundation's `Calendar` with
/// the same zone, across daylight-saving changes, half-hour rules and zones without any.
@Suite("Zones and local times", .timeLimit(.minutes(1)))
struct ZoneTests {
    private static let zones = ["Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo",
                                "Pacific/Chatham", "UTC"]

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The instant of a wall-clock time as `Calendar` gives it: none when the clocks skip it,
    /// the earlier of two when they pass it twice.
    private static func calendarInstant(_ local: LocalDateTime, _ timeZone: TimeZone) -> Date? {
        let calendar = calendar(timeZone)
        let fields = DateComponents(year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute)
        guard let date = calendar.date(from: fields) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard back.hour == local.hour, back.minute == local.minute else { return nil }
        let earlier = date.addingTimeInterval(-3_600)
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: earlier) == back ? earlier : date
    }

    @Test(arguments: zones)
    func wallClockOfAnInstantIsCalendars(_ name: String) throws {
        let timeZone = try #require(TimeZone(identifier: name))
        let zone = Zone(timeZone), calendar = Self.calendar(timeZone)
        // Every 97 minutes over two years: every hour of the day, both sides of each change.
        for step in 0..<10_900 {
            let date = Date(timeIntervalSince1970: 1_767_225_600 + Double(step * 97 * 60))
            let fields = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let local = zone.localDateTime(of: date)
            #expect([local.year, local.month, local.day, local.hour, local.minute]
                == [fields.year, fields.month, fields.day, fields.hour, fields.minute], "\(name) \(date)")
        }
    }

    @Test(arguments: zones)
    func instantOfAWallClockIsCalendars(_ name: String) throws {
        let timeZone = try #require(TimeZone(identifier: name))
        let zone = Zone(timeZone)
        var skipped = 0
        for step in 0..<10_900 {
            let minutes = step * 97
            let day = Date(timeIntervalSince1970: 1_767_225_600 + Double(minutes / 1_440 * 86_400))
            let date = zone.localDateTime(of: day)
            let local = LocalDateTime(year: date.year, month: date.month, day: date.day, hour: minutes % 1_440 / 60, minute: minutes % 60)
            let ours = try? local.instant(in: zone)
            #expect(ours == Self.calendarInstant(local, timeZone), "\(name) \(local)")
            if ours == nil { skipped += 1 }
        }
        #expect(name == "UTC" || name == "Asia/Kolkata" || skipped < 10, "\(skipped) wall-clock times skipped in \(name)")
    }

    /// Around each change of 2026: the times the clocks skip are refused, the times they pass
    /// twice are the first, as `Calendar` has them.
    @Test(arguments: ["Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham"])
    func aroundEachChangeAsCalendarHasIt(_ name: String) throws {
        let timeZone = try #require(TimeZone(identifier: name))
        let zone = Zone(timeZone)
        var changes = 0, skipped = 0
        for hour in 0..<(365 * 24) {
            let date = Date(timeIntervalSince1970: 1_767_225_600 + Double(hour * 3_600))
            guard zone.secondsFromGMT(for: date) != zone.secondsFromGMT(for: date.addingTimeInterval(3_600)) else { continue }
            changes += 1
            // Every quarter of an hour of the wall clock from two hours before the change on.
            let before = zone.localDateTime(of: date)
            for quarter in 0..<20 {
                let minutes = (before.hour - 1) * 60 + quarter * 15
                guard minutes >= 0, minutes < 1_440 else { continue }
                let local = LocalDateTime(year: before.year, month: before.month, day: before.day, hour: minutes / 60, minute: minutes % 60)
                let ours = try? local.instant(in: zone)
                #expect(ours == Self.calendarInstant(local, timeZone), "\(name) \(local)")
                if ours == nil { skipped += 1 }
            }
        }
        #expect(changes == 2, "\(name) changes its clocks twice a year")
        #expect(skipped > 0, "some wall-clock times around the change are skipped")
    }

    @Test func localIsTheCLibrarysZoneAsFoundationReadsIt() {
        for step in 0..<2_000 {
            let date = Date(timeIntervalSince1970: 1_700_000_000 + Double(step) * 43_201)
            #expect(Zone.local.secondsFromGMT(for: date) == TimeZone.current.secondsFromGMT(for: date))
        }
    }
}
