/// Whether a participant leads the appointment (`primary`) or joins it (`secondary`).
public enum ParticipantRole: OpenEnum {
    case primary, secondary
    case unknown(UndocumentedValue)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.primary, "PRIMARY"), (.secondary, "SECONDARY"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let value) = self { value.rawValue } else { nil }
    }
}
