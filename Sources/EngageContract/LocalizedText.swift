/// A text in one language, e.g. a city name in Japanese.
public struct LocalizedText: Codable, Hashable, Sendable {
    public var language: Language
    public var value: String

    public init(_ language: Language, _ value: String) {
        self.language = language
        self.value = value
    }
}
