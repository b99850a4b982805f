/// Whether a participant is the tenant's customer or one of its employees.
public enum ParticipantType: OpenEnum {
    case customer, employee
    case unknown(String)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.customer, "CUSTOMER"), (.employee, "EMPLOYEE"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let raw) = self { raw } else { nil }
    }
}
