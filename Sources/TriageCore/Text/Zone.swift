import EngageContract
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A time zone as the screen and the commands use it: a name for headings and the offset from
/// UTC at an instant, daylight saving included.
///
/// `Zone.local` is the C library's local time, as `date` and `ls` show it (`TZ`, else
/// `/etc/localtime`). Foundation's `TimeZone.current` would need FoundationInternationalization
/// and ICU's time zones in the program: 40 MB of the binary and half a millisecond of every
/// start. Tests pin zones with `Zone(TimeZone(identifier:))`.
public struct Zone: Sendable, Equatable, CustomStringConvertible {
    /// `Europe/Brussels`, as headings show it.
    public let identifier: String
    private let offset: @Sendable (Date) -> Int

    public init(identifier: String, secondsFromGMT: @escaping @Sendable (Date) -> Int) {
        self.identifier = identifier
        offset = secondsFromGMT
    }

    /// Foundation's time zone.
    public init(_ timeZone: TimeZone) {
        self.init(identifier: timeZone.identifier) { timeZone.secondsFromGMT(for: $0) }
    }

    /// Coordinated Universal Time.
    public static let utc = Zone(identifier: "UTC") { _ in 0 }

    /// The local time of this process, from the C library.
    public static let local: Zone = {
        tzset()
        return Zone(identifier: localIdentifier()) { date in
            var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
            var parts = tm()
            return localtime_r(&seconds, &parts) == nil ? 0 : Int(parts.tm_gmtoff)
        }
    }()

    /// Seconds east of UTC at `date`.
    public func secondsFromGMT(for date: Date) -> Int {
        offset(date)
    }

    /// The wall-clock seconds since 1970-01-01 00:00 at `date`, to the second.
    public func localSeconds(of date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down)) + offset(date)
    }

    /// The wall-clock day of `date` (days since 1970-01-01) and the second of that day.
    public func localDay(of date: Date) -> (days: Int, secondOfDay: Int) {
        let local = localSeconds(of: date)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (days, local - days * 86_400)
    }

    /// The wall-clock date and time of `date`, to the minute.
    public func localDateTime(of date: Date) -> LocalDateTime {
        let (days, secondOfDay) = localDay(of: date)
        let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: days)
        return LocalDateTime(year: year, month: month, day: day, hour: secondOfDay / 3_600, minute: secondOfDay % 3_600 / 60)
    }

    public var description: String { identifier }

    /// Zones with the same name are the same zone.
    public static func == (a: Zone, b: Zone) -> Bool {
        a.identifier == b.identifier
    }

    /// `TZ` (`:Europe/Oslo`, `Europe/Oslo` or a path under a zoneinfo folder), else the zone
    /// `/etc/localtime` links to, else "local time".
    private static func localIdentifier() -> String {
        func zoneName(_ text: String) -> String {
            text.firstRange(of: "zoneinfo/").map { String(text[$0.upperBound...]) } ?? text
        }
        if let variable = getenv("TZ"), case let setting = String(cString: variable), !setting.isEmpty {
            return zoneName(setting.hasPrefix(":") ? String(setting.dropFirst()) : setting)
        }
        var target = [CChar](repeating: 0, count: 4_096)
        let length = readlink("/etc/localtime", &target, target.count - 1)
        guard length > 0 else { return "local time" }
        let path = String(decoding: target.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.firstRange(of: "zoneinfo/") == nil ? "local time" : zoneName(path)
    }
}
