import EngageAPI

/// Real-looking places whose names span the API's languages, Japanese and Greek among them,
/// so that display width, translations and language preference are exercised by the demo.
struct SandboxPlace: Sendable {
    var city: [LocalizedText]
    var state: [LocalizedText]
    var streets: [[LocalizedText]]
    var street2: [LocalizedText]
    var postalCode: String?
    var countryCode: String
    var latitude: Double
    var longitude: Double

    static let all: [SandboxPlace] = [
        SandboxPlace(
            city: [.init(.ja, "東京"), .init(.en, "Tokyo")],
            state: [.init(.ja, "東京都"), .init(.en, "Tokyo Metropolis")],
            streets: [[.init(.ja, "銀座四丁目5-6"), .init(.en, "4-5-6 Ginza")],
                      [.init(.ja, "丸の内二丁目7-2"), .init(.en, "2-7-2 Marunouchi")]],
            street2: [.init(.ja, "中央区"), .init(.en, "Chuo City")],
            postalCode: "104-0061", countryCode: "JP", latitude: 35.6717, longitude: 139.7650),
        SandboxPlace(
            city: [.init(.ja, "大阪市"), .init(.en, "Osaka")],
            state: [.init(.ja, "大阪府"), .init(.en, "Osaka Prefecture")],
            streets: [[.init(.ja, "梅田三丁目1-3"), .init(.en, "3-1-3 Umeda")]],
            street2: [], postalCode: "530-0001", countryCode: "JP", latitude: 34.7025, longitude: 135.4959),
        SandboxPlace(
            city: [.init(.el, "Αθήνα"), .init(.en, "Athens"), .init(.fr, "Athènes"), .init(.de, "Athen")],
            state: [.init(.el, "Αττική"), .init(.en, "Attica")],
            streets: [[.init(.el, "Οδός Ερμού 23"), .init(.en, "23 Ermou Street")],
                      [.init(.el, "Λεωφόρος Βασιλίσσης Σοφίας 1"), .init(.en, "1 Vasilissis Sofias Avenue")]],
            street2: [], postalCode: "105 63", countryCode: "GR", latitude: 37.9763, longitude: 23.7269),
        SandboxPlace(
            city: [.init(.el, "Θεσσαλονίκη"), .init(.en, "Thessaloniki")],
            state: [], streets: [[.init(.el, "Οδός Τσιμισκή 45"), .init(.en, "45 Tsimiski Street")]],
            street2: [], postalCode: "546 23", countryCode: "GR", latitude: 40.6317, longitude: 22.9446),
        SandboxPlace(
            city: [.init(.nl, "Gent"), .init(.fr, "Gand"), .init(.en, "Ghent"), .init(.de, "Gent")],
            state: [.init(.nl, "Oost-Vlaanderen"), .init(.fr, "Flandre-Orientale"), .init(.en, "East Flanders")],
            streets: [[.init(.nl, "Korenmarkt 16"), .init(.fr, "Marché aux Grains 16")],
                      [.init(.nl, "Veldstraat 82")]],
            street2: [.init(.nl, "Bus 3"), .init(.fr, "Boîte 3")],
            postalCode: "9000", countryCode: "BE", latitude: 51.0548, longitude: 3.7218),
        SandboxPlace(
            city: [.init(.pl, "Kraków"), .init(.en, "Krakow"), .init(.de, "Krakau")],
            state: [.init(.pl, "Małopolskie")],
            streets: [[.init(.pl, "ulica Floriańska 14")]],
            street2: [], postalCode: "31-019", countryCode: "PL", latitude: 50.0625, longitude: 19.9398),
        SandboxPlace(
            city: [.init(.da, "København"), .init(.en, "Copenhagen"), .init(.de, "Kopenhagen")],
            state: [], streets: [[.init(.da, "Strøget 34")], [.init(.da, "Nørrebrogade 112")]],
            street2: [.init(.da, "2. sal")], postalCode: "1160", countryCode: "DK", latitude: 55.6786, longitude: 12.5744),
        SandboxPlace(
            city: [.init(.no, "Tromsø"), .init(.en, "Tromso")],
            state: [.init(.no, "Troms")], streets: [[.init(.no, "Storgata 88")]],
            street2: [], postalCode: "9008", countryCode: "NO", latitude: 69.6492, longitude: 18.9553),
        SandboxPlace(
            city: [.init(.de, "München"), .init(.en, "Munich"), .init(.fr, "Munich"), .init(.es, "Múnich")],
            state: [.init(.de, "Bayern"), .init(.en, "Bavaria"), .init(.fr, "Bavière"), .init(.es, "Baviera")],
            streets: [[.init(.de, "Maximilianstraße 17")], [.init(.de, "Leopoldstraße 250")]],
            street2: [], postalCode: "80539", countryCode: "DE", latitude: 48.1391, longitude: 11.5802),
        SandboxPlace(
            city: [.init(.es, "A Coruña"), .init(.en, "A Coruna")],
            state: [.init(.es, "Galicia")], streets: [[.init(.es, "Calle Real 58")]],
            street2: [.init(.es, "Piso 2º")], postalCode: "15003", countryCode: "ES", latitude: 43.3713, longitude: -8.3960),
        SandboxPlace(
            city: [.init(.fr, "Besançon"), .init(.en, "Besancon")],
            state: [], streets: [[.init(.fr, "12 Grande Rue")]],
            street2: [], postalCode: nil, countryCode: "FR", latitude: 47.2378, longitude: 6.0241),
    ]
}
