/// One page of `GET /appointments`, as the client hands pages over while it loads the rest.
public struct AppointmentPage: Sendable, Hashable {
    public var appointments: [Appointment]
    public var meta: PageMeta
    public var correlationId: String

    public init(appointments: [Appointment], meta: PageMeta, correlationId: String) {
        self.appointments = appointments
        self.meta = meta
        self.correlationId = correlationId
    }
}
