/// Every translation of a location's address parts, one entry per language.
public struct LocationTranslations: Codable, Hashable, Sendable {
    public var city: [LocalizedText]
    /// Not required by the schema: a missing key decodes as no translations.
    public var state: [LocalizedText]
    public var street1: [LocalizedText]
    /// Not required by the schema: a missing key decodes as no translations.
    public var street2: [LocalizedText]

    public init(city: [LocalizedText], state: [LocalizedText] = [], street1: [LocalizedText], street2: [LocalizedText] = []) {
        self.city = city
        self.state = state
        self.street1 = street1
        self.street2 = street2
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        city = try container.decodeIfPresent([LocalizedText].self, forKey: .city) ?? []
        state = try container.decodeIfPresent([LocalizedText].self, forKey: .state) ?? []
        street1 = try container.decodeIfPresent([LocalizedText].self, forKey: .street1) ?? []
        street2 = try container.decodeIfPresent([LocalizedText].self, forKey: .street2) ?? []
    }
}
