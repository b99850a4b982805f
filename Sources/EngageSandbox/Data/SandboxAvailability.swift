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
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.startOfDay(for: start)
        guard calendar.isDate(end.addingTimeInterval(-1), inSameDayAs: start), !calendar.isDateInWeekend(start) else { return false }
        let from = Int(start.timeIntervalSince(day)), to = Int(end.timeIntervalSince(day))
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
