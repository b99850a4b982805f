/// Appointment ids go into a path (`/appointments/{id}`): percent-encoded they cannot leave it,
/// except the three that mean something to a path by themselves.
public enum AppointmentID {
    /// Why `id` cannot name an appointment (empty, `.` or `..`), or nil when it can.
    public static func problem(with id: String) -> String? {
        switch id {
        case "": "an appointment id cannot be empty"
        case ".", "..": "an appointment id cannot be \"\(id)\""
        default: nil
        }
    }
}
