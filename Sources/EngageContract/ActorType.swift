/// Who created or last changed an appointment (`createdByType`, `updatedByType`).
public enum ActorType: OpenEnum {
    case customer, employee, other
    case unknown(UndocumentedValue)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.customer, "CUSTOMER"), (.employee, "EMPLOYEE"), (.other, "OTHER"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let value) = self { value.rawValue } else { nil }
    }
}
