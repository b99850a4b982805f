import Foundation

/// Date-times as staff read them: in their own time zone, to the minute.
public struct TimeDisplay: Sendable {
    public var timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `Thu 2026-11-26 09:00`.
    public func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .year, .month, .day, .hour, .minute], from: date)
        let weekday = Self.weekdays[((parts.weekday ?? 1) - 1) % 7]
        return "\(weekday) \(parts.year ?? 0)-\(Self.two(parts.month))-\(Self.two(parts.day)) \(time(date))"
    }

    /// `Fri 11 Dec 18:00`: short enough for a list column, the year left out.
    public func short(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .month, .day], from: date)
        let weekday = Self.weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = Self.months[((parts.month ?? 1) - 1) % 12]
        return "\(weekday) \(Self.two(parts.day)) \(month) \(time(date))"
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `09:00`.
    public func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(Self.two(parts.hour)):\(Self.two(parts.minute))"
    }

    /// `Thu 2026-11-26 09:00–10:00` (the end's date is repeated only when it differs), or
    /// `no time yet` for requests without a start.
    public func window(start: Date?, end: Date?) -> String {
        guard let start else { return "no time yet" }
        guard let end else { return dateTime(start) }
        let sameDay = calendar.isDate(start, inSameDayAs: end)
        return dateTime(start) + "–" + (sameDay ? time(end) : dateTime(end))
    }

    /// The time zone's identifier for headings, e.g. `Europe/Brussels`.
    public var zoneName: String { timeZone.identifier }

    private static func two(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : String(value)
    }
}
