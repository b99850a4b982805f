import EngageContract
import Foundation

/// A wall-clock date and time as the user types it (`2026-12-14`, `10:00`, or `2026-12-14T10:00`)
/// in their time zone, and the instant it names. The API takes instants (UTC); the user thinks in
/// the clock on the wall, across daylight-saving changes too.
public struct LocalDateTime: Sendable, Equatable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        (self.year, self.month, self.day, self.hour, self.minute) = (year, month, day, hour, minute)
    }

    /// Why a typed date or time names no instant.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `YYYY-MM-DD` and `HH:MM` (24 hours).
    public static func parse(date: String, time: String) throws(Problem) -> LocalDateTime {
        let dateParts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count == 3, dateParts[0].count == 4, dateParts[1].count == 2, dateParts[2].count == 2,
              let year = Int(dateParts[0]), let month = Int(dateParts[1]), let day = Int(dateParts[2])
        else { throw Problem(description: "the date must read YYYY-MM-DD, e.g. 2026-12-14") }
        let timeParts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard timeParts.count == 2, (1...2).contains(timeParts[0].count), timeParts[1].count == 2,
              let hour = Int(timeParts[0]), let minute = Int(timeParts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { throw Problem(description: "the time must read HH:MM (24 hours), e.g. 09:30") }
        guard (1...12).contains(month), (1...31).contains(day) else { throw Problem(description: "there is no \(date)") }
        return LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    /// `2026-12-14T10:00` in `timeZone`, or an instant with its offset (`2026-12-14T10:00+01:00`, `…Z`).
    public static func instant(_ text: String, in timeZone: Zone) throws(Problem) -> Date {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { throw Problem(description: "\"\(text)\" must read YYYY-MM-DDTHH:MM, e.g. 2026-12-14T10:00") }
        let clock = String(parts[1].prefix(5)), offset = String(parts[1].dropFirst(5))
        let local = try parse(date: String(parts[0]), time: clock)
        guard !offset.isEmpty else { return try local.instant(in: timeZone) }
        // An explicit offset (`Z`, `+01:00`, `-0500`): the instant as written, whatever the zone.
        guard let seconds = Self.offsetSeconds(offset) else {
            throw Problem(description: "\"\(offset)\" is not an offset: use Z, +01:00 or -05:00")
        }
        return try local.instant(in: .utc).addingTimeInterval(-Double(seconds))
    }

    /// `Z`, `±HH:MM` or `±HHMM` as seconds east of UTC (at most 14 hours).
    private static func offsetSeconds(_ text: String) -> Int? {
        if text == "Z" { return 0 }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, text.dropFirst().count == (text.contains(":" as Character) ? 5 : 4),
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)), hours <= 14, minutes < 60
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60)
    }

    /// The instant this wall-clock time names in `timeZone`. A time the clocks skip (spring
    /// forward) names none and is refused; a time they pass twice (fall back) is the first.
    public func instant(in timeZone: Zone) throws(Problem) -> Date {
        let days = Timestamp.daysSinceEpoch(year: year, month: month, day: day)
        guard Timestamp.civilDate(daysSinceEpoch: days) == (year, month, day) else {
            throw Problem(description: "there is no \(day.twoDigits) in that month")
        }
        let wall = Double(days * 86_400 + hour * 3_600 + minute * 60)
        // The offsets a day before and a day after: the instant is the wall time less one of
        // them (both when the clocks go back in between, neither when they go forward over it).
        let offsets = [wall - 86_400, wall + 86_400].map { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) }
        let instants = Set(offsets.map { wall - Double($0) }).sorted().map { Date(timeIntervalSince1970: $0) }
        guard let first = instants.first(where: { timeZone.localSeconds(of: $0) == Int(wall) }) else {
            throw Problem(description: "\(clockText) does not exist that day in \(timeZone.identifier) "
                + "(the clocks go forward)")
        }
        return first
    }

    /// The date as `parse` reads it: `2026-12-14`.
    public var dateText: String { "\(year)-\(month.twoDigits)-\(day.twoDigits)" }

    /// The time as `parse` reads it: `09:30`.
    public var clockText: String { "\(hour.twoDigits):\(minute.twoDigits)" }
}
