/// Whether a participant leads the appointment (`primary`) or joins it (`secondary`).
public enum ParticipantRole: OpenEnum {
    case primary, secondary
    case unknown(String)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.primary, "PRIMARY"), (.secondary, "SECONDARY"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let raw) = self { raw } else { nil }
    }
}
