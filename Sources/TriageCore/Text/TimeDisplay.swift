import EngageContract
import Foundation

/// Date-times as staff read them: in their own time zone, to the minute.
///
/// The calendar arithmetic is done here (the zone's offset, then civil-date arithmetic) rather
/// than with `Calendar`, because the list formats a start time for every visible row on every key.
public struct TimeDisplay: Sendable {
    public var timeZone: Zone

    public init(timeZone: Zone = .local) {
        self.timeZone = timeZone
    }

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The local calendar fields of `date`.
    private func fields(_ date: Date) -> (day: Int, year: Int, month: Int, dayOfMonth: Int, minuteOfDay: Int, weekday: String) {
        let (days, secondOfDay) = timeZone.localDay(of: date)
        let (year, month, dayOfMonth) = Timestamp.civilDate(daysSinceEpoch: days)
        let weekday = Self.weekdays[((days % 7) + 7) % 7]
        return (days, year, month, dayOfMonth, secondOfDay / 60, weekday)
    }

    /// `Thu 2026-11-26 09:00`.
    public func dateTime(_ date: Date) -> String {
        let parts = fields(date)
        return "\(parts.weekday) \(parts.year)-\(parts.month.twoDigits)-\(parts.dayOfMonth.twoDigits) \(Self.clock(parts.minuteOfDay))"
    }

    /// `Fri 11 Dec 18:00`: short enough for a list column, the year left out.
    public func short(_ date: Date) -> String {
        let parts = fields(date)
        return "\(parts.weekday) \(parts.dayOfMonth.twoDigits) \(Self.months[parts.month - 1]) \(Self.clock(parts.minuteOfDay))"
    }

    /// `today 14:00`, `tomorrow 09:30`, `yesterday 17:00` near `now` (in the user's zone),
    /// else `Fri 11 Dec 18:00`.
    public func relative(_ date: Date, now: Date) -> String {
        let (day, today) = (fields(date), fields(now).day)
        switch day.day - today {
        case 0: return "today " + Self.clock(day.minuteOfDay)
        case 1: return "tomorrow " + Self.clock(day.minuteOfDay)
        case -1: return "yesterday " + Self.clock(day.minuteOfDay)
        default: return short(date)
        }
    }

    /// How long ago `date` was, as the list's WAITING column says it: `now` under a minute,
    /// `45m`, `5h` (under two days), `3d`.
    public static func age(since date: Date, now: Date) -> String {
        let minutes = Int(now.timeIntervalSince(date) / 60)
        switch minutes {
        case ..<1: return "now"
        case ..<60: return "\(minutes)m"
        case ..<(48 * 60): return "\(minutes / 60)h"
        default: return "\(minutes / (24 * 60))d"
        }
    }

    /// `09:00`.
    public func time(_ date: Date) -> String {
        Self.clock(fields(date).minuteOfDay)
    }

    /// `09:00:42`: to the second, for the session's messages.
    public func clockTime(_ date: Date) -> String {
        let seconds = timeZone.localDay(of: date).secondOfDay
        return "\(Self.clock(seconds / 60)):\((seconds % 60).twoDigits)"
    }

    /// `Thu 2026-11-26 09:00–10:00` (the end's date is repeated only when it differs), or
    /// `no time yet` for requests without a start.
    public func window(start: Date?, end: Date?) -> String {
        guard let start else { return "no time yet" }
        guard let end else { return dateTime(start) }
        let sameDay = fields(start).day == fields(end).day
        return dateTime(start) + "–" + (sameDay ? time(end) : dateTime(end))
    }

    /// The time zone's identifier for headings, e.g. `Europe/Brussels`.
    public var zoneName: String { timeZone.identifier }

    private static func clock(_ minuteOfDay: Int) -> String {
        "\((minuteOfDay / 60).twoDigits):\((minuteOfDay % 60).twoDigits)"
    }
}
