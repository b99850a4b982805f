/// Where an appointment is in its life cycle. Only `incomingRequest` can be accepted.
public enum AppointmentStatus: OpenEnum {
    case accepted, alternativeDateRequested, cancelled, completed, incomingRequest, noShow, outgoingInvite
    case unknown(UndocumentedValue)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.accepted, "ACCEPTED"), (.alternativeDateRequested, "ALTERNATIVE_DATE_REQUESTED"),
        (.cancelled, "CANCELLED"), (.completed, "COMPLETED"), (.incomingRequest, "INCOMING_REQUEST"),
        (.noShow, "NO_SHOW"), (.outgoingInvite, "OUTGOING_INVITE"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let value) = self { value.rawValue } else { nil }
    }
}
