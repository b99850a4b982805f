/// Where an appointment takes place (for ON_LOCATION and OFFICE meetings).
///
/// `city`, `state`, `street1` and `street2` are the texts in the language the server picked from
/// `Accept-Language`; `translations` holds every language the tenant has.
public struct Location: Codable, Hashable, Sendable {
    public var city: LocalizedText?
    public var state: LocalizedText?
    public var street1: LocalizedText?
    public var street2: LocalizedText?
    public var postalCode: String?
    /// ISO 3166-1 alpha-2, e.g. `BE`.
    public var countryCode: String
    public var formattedAddress: String
    public var geolocation: Geolocation
    public var translations: LocationTranslations

    public init(
        city: LocalizedText?, state: LocalizedText?, street1: LocalizedText?, street2: LocalizedText?,
        postalCode: String?, countryCode: String, formattedAddress: String, geolocation: Geolocation,
        translations: LocationTranslations
    ) {
        self.city = city
        self.state = state
        self.street1 = street1
        self.street2 = street2
        self.postalCode = postalCode
        self.countryCode = countryCode
        self.formattedAddress = formattedAddress
        self.geolocation = geolocation
        self.translations = translations
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(city, forKey: .city)
        try container.encode(state, forKey: .state)
        try container.encode(street1, forKey: .street1)
        try container.encode(street2, forKey: .street2)
        try container.encode(postalCode, forKey: .postalCode)
        try container.encode(countryCode, forKey: .countryCode)
        try container.encode(formattedAddress, forKey: .formattedAddress)
        try container.encode(geolocation, forKey: .geolocation)
        try container.encode(translations, forKey: .translations)
    }
}
