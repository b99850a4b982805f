/// Which application created or last changed an appointment (`createdFrom`, `updatedFrom`).
public enum SourceApplication: OpenEnum {
    case backofficeApp, other, partnerBookingApp, plugin
    case unknown(UndocumentedValue)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.backofficeApp, "BACKOFFICE_APP"), (.other, "OTHER"),
        (.partnerBookingApp, "PARTNER_BOOKING_APP"), (.plugin, "PLUGIN"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let value) = self { value.rawValue } else { nil }
    }
}
