/// Whether a participant is the tenant's customer or one of its employees.
public enum ParticipantType: OpenEnum {
    case customer, employee
    case unknown(UndocumentedValue)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.customer, "CUSTOMER"), (.employee, "EMPLOYEE"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let value) = self { value.rawValue } else { nil }
    }
}
