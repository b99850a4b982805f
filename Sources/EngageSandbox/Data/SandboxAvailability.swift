import EngageAPI
import Foundation

/// When the sandbox's employees are free, so that some proposed times are refused with
/// `APPOINTMENT_NO_AVAILABILITY`: offices open Monday to Friday 08:00–18:00 UTC, everyone at
/// lunch 12:00–13:00 UTC, and busy during the other pending or accepted requests they take part in.
public enum SandboxAvailability {
    static let opening = 8 * 3_600
    static let closing = 18 * 3_600
    static let lunch = (12 * 3_600)..<(13 * 3_600)

    /// Whether `employee` (nil: whoever is free, so only the opening hours count) is free from
    /// `start` to `end`, besides the appointment `id` itself.
    public static func isFree(employee: String?, from start: Date, to end: Date, besides id: String, in all: [Appointment]) -> Bool {
        // UTC days by arithmetic: 1970-01-01 (day 0) was a Thursday.
        func day(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }
        let startDay = day(start), weekday = ((startDay + 4) % 7 + 7) % 7  // 0 is Sunday
        guard day(end.addingTimeInterval(-1)) == startDay, weekday != 0, weekday != 6 else { return false }
        let dayStart = Date(timeIntervalSince1970: Double(startDay * 86_400))
        let from = Int(start.timeIntervalSince(dayStart)), to = Int(end.timeIntervalSince(dayStart))
        guard from >= opening, to <= closing, to <= lunch.lowerBound || from >= lunch.upperBound else { return false }
        guard let employee else { return true }
        return !all.contains { other in
            guard other.id != id, [.incomingRequest, .accepted].contains(other.status),
                  let otherStart = other.start, let otherEnd = other.end,
                  other.appointmentParticipants.contains(where: { $0.type == .employee && $0.participant.id == employee })
            else { return false }
            return otherStart < end && start < otherEnd
        }
    }
}
