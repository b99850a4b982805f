import EngageSandbox
import Foundation

/// Times to propose in the write tests, from the sandbox's own availability rules.
enum SandboxSlots {
    /// The first 45-minute slot from 08:00 UTC on a weekday a week or more ahead when request
    /// `id`'s primary employee is free (or, with `free: false`, in the lunch hour, when nobody is).
    static func slot(for id: String, in sandbox: SandboxServer, free: Bool) -> (start: Date, end: Date)? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = calendar.startOfDay(for: Date().addingTimeInterval(8 * 86_400))
        while calendar.isDateInWeekend(day) { day = day.addingTimeInterval(86_400) }
        if !free { return (day.addingTimeInterval(12 * 3_600 + 900), day.addingTimeInterval(12 * 3_600 + 900 + 2_700)) }
        guard let appointment = sandbox.tenant.appointment(id: id) else { return nil }
        let employee = appointment.primaryEmployee?.participant.id
        for quarter in 0..<36 {
            let start = day.addingTimeInterval(8 * 3_600 + Double(quarter) * 900)
            let end = start.addingTimeInterval(2_700)
            if SandboxAvailability.isFree(employee: employee, from: start, to: end, besides: id, in: sandbox.tenant.appointments) {
                return (start, end)
            }
        }
        return nil
    }
}
