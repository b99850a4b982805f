import EngageAPI

extension Location {
    /// The location as the server answers a client that prefers `languages`: the top-level
    /// city/state/street texts are taken from the first preferred language that has a translation,
    /// else from the first translation.
    func localized(preferring languages: [Language]) -> Location {
        func pick(_ translations: [LocalizedText]) -> LocalizedText? {
            for language in languages {
                if let match = translations.first(where: { $0.language == language }) { return match }
            }
            return translations.first
        }
        var copy = self
        copy.city = pick(translations.city)
        copy.state = pick(translations.state)
        copy.street1 = pick(translations.street1)
        copy.street2 = pick(translations.street2)
        return copy
    }
}
