/// How the customer and the employee meet.
public enum MeetingType: OpenEnum {
    case office, onLocation, phone, video
    case unknown(UndocumentedValue)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.office, "OFFICE"), (.onLocation, "ON_LOCATION"), (.phone, "PHONE"), (.video, "VIDEO"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let value) = self { value.rawValue } else { nil }
    }
}
