/// A language a translatable text is given in.
public enum Language: OpenEnum {
    case da, de, el, en, es, fr, ja, nl, no, pl
    case unknown(UndocumentedValue)

    public static let documentedValues: [(value: Self, rawValue: String)] = [
        (.da, "da"), (.de, "de"), (.el, "el"), (.en, "en"), (.es, "es"),
        (.fr, "fr"), (.ja, "ja"), (.nl, "nl"), (.no, "no"), (.pl, "pl"),
    ]

    public var unknownRawValue: String? {
        if case .unknown(let value) = self { value.rawValue } else { nil }
    }
}
