import EngageAPI

/// The sandbox's subjects, offices, employees and customers: what the appointments refer to by
/// id, named the way a multilingual bank names them. Subjects and offices are translated
/// (Japanese and Greek among the languages; some have no name in a language, as the API
/// allows); customers come with and without names, companies and emails; one of each kind has
/// a hostile name. Customers are derived from their id, so any id the seeder draws exists.
public struct SandboxDirectory: Sendable {
    /// Subject ids the seeder draws: 300 + 0..<12.
    public static let subjects: [String: [LocalizedText]] = [
        "300": [.init(.en, "Current account"), .init(.nl, "Betaalrekening"), .init(.fr, "Compte courant"),
                .init(.de, "Girokonto"), .init(.ja, "普通預金口座"), .init(.el, "Τρεχούμενος λογαριασμός")],
        "301": [.init(.en, "Savings"), .init(.nl, "Sparen"), .init(.fr, "Épargne"), .init(.ja, "貯蓄")],
        "302": [.init(.en, "Home insurance"), .init(.nl, "Woonverzekering"), .init(.de, "Hausratversicherung")],
        "303": [.init(.en, "Pension planning"), .init(.nl, "Pensioenplanning"), .init(.fr, "Préparer sa retraite"),
                .init(.el, "Σχεδιασμός σύνταξης")],
        "304": [.init(.en, "Investment advice"), .init(.nl, "Beleggingsadvies"), .init(.ja, "資産運用のご相談")],
        "305": [.init(.en, "Business loan"), .init(.nl, "Zakelijke lening"), .init(.fr, "Prêt professionnel")],
        "306": [.init(.en, "Mortgage advice"), .init(.nl, "Hypotheekadvies"), .init(.fr, "Conseil hypothécaire"),
                .init(.de, "Hypothekenberatung"), .init(.ja, "住宅ローンのご相談"), .init(.el, "Στεγαστικό δάνειο")],
        "307": [.init(.en, "Opening an account for a minor"), .init(.nl, "Jongerenrekening openen")],
        // Only in Dutch: in any other language the server sends `"name": null`.
        "308": [.init(.nl, "Schuldhulp")],
        "309": [.init(.en, "Inheritance and estate planning"), .init(.nl, "Erven en schenken"),
                .init(.ja, "相続・贈与のご相談")],
        "310": [.init(.en, "Card blocked\u{1B}[2J\u{1B}]0;pwned\u{07}"), .init(.nl, "Pas geblokkeerd")],
        "311": [.init(.en, "Insurance claim"), .init(.nl, "Schademelding"), .init(.el, "Δήλωση ζημιάς")],
    ]

    /// Office ids the seeder draws: 10 + 0..<8.
    public static let offices: [String: [LocalizedText]] = [
        "10": [.init(.en, "Amsterdam Zuidas"), .init(.nl, "Amsterdam Zuidas")],
        "11": [.init(.en, "Rotterdam Central"), .init(.nl, "Rotterdam Centraal")],
        "12": [.init(.en, "Utrecht Station"), .init(.nl, "Utrecht Centraal")],
        "13": [.init(.en, "Brussels"), .init(.nl, "Brussel"), .init(.fr, "Bruxelles")],
        "14": [.init(.en, "Tokyo Marunouchi"), .init(.ja, "東京 丸の内支店")],
        "15": [.init(.en, "Athens Syntagma"), .init(.el, "Αθήνα Σύνταγμα")],
        "16": [.init(.en, "Paris Opéra"), .init(.fr, "Paris Opéra")],
        "17": [.init(.en, "Remote advice team"), .init(.nl, "Advies op afstand"), .init(.de, "Fernberatung")],
    ]

    private static let firstNames = ["Amélie", "Jan", "Sofia", "Noah", "Émile", "Fatima", "Lars", "Chloé", "Daan",
                                     "Yuki", "Γιώργος", "Marta", "Søren", "Zoë", "Björn", "Anouk", "Mateo", "Ines"]
    private static let lastNames = ["Dubois", "de Vries", "Jansen", "Müller", "Bakker", "Papadopoulos", "Novák",
                                    "van den Berg", "Moreau", "Nakamura", "Παπαδοπούλου", "Kowalski", "Ødegård",
                                    "Smit", "García", "O'Brien", "Lefèvre", "Visser"]
    private static let companies = ["Bakkerij Visser B.V.", "Dubois & Fils SARL", "Nakamura Trading 株式会社",
                                    "Acme Logistics", "Ολυμπιακή Εμπορική Α.Ε.", "Studio Noord"]
    private static let functions: [[LocalizedText]] = [
        [.init(.en, "Mortgage advisor"), .init(.nl, "Hypotheekadviseur"), .init(.ja, "住宅ローン担当")],
        [.init(.en, "Private banker"), .init(.nl, "Private banker"), .init(.fr, "Banquier privé")],
        [.init(.en, "Customer service"), .init(.nl, "Klantenservice"), .init(.el, "Εξυπηρέτηση πελατών")],
        [.init(.en, "Branch manager"), .init(.nl, "Kantoordirecteur")],
    ]

    /// Employee ids the seeder draws (7000 + 0..<40, and the next one as a second employee).
    public static let employeeIDs = (7_000...7_040).map(String.init)

    /// The subject `id` with its name in the first of `languages` it has (`nil` name otherwise).
    public static func subject(id: String, languages: [Language]) -> Subject? {
        subjects[id].map { Subject(id: id, name: translation($0, languages)) }
    }

    public static func office(id: String, languages: [Language]) -> Office? {
        offices[id].map { Office(id: id, name: translation($0, languages)) }
    }

    /// What employee `id` may do (`available-role[]` filters by it; the API returns no such
    /// field): every one takes appointments (AGENT) but every tenth, who manages an office.
    public static func roles(of id: String) -> Set<String> {
        Int(id).map { $0 % 10 == 9 ? ["OFFICE_MANAGER"] : ["AGENT"] } ?? []
    }

    /// One of the sandbox's colleagues; every seventh is inactive, one has a hostile first name.
    /// Each works for one office, every third for two.
    public static func employee(id: String, languages: [Language]) -> Employee? {
        guard let number = Int(id), (7_000...7_040).contains(number) else { return nil }
        var random = SeededGenerator(seed: UInt64(number) &* 31)
        let first = number == 7_013 ? "Eve\u{1B}[31m\u{202E}" : firstNames.randomElement(using: &random)!
        let last = lastNames.randomElement(using: &random)!
        return Employee(
            id: id, firstName: first, lastName: last, email: "employee.\(number)@bank.sandbox.pexipengage.test",
            function: translation(functions[number % functions.count], languages),
            status: number % 7 == 6 ? .inactive : .active,
            officeRelations: officeIDs(of: number).map(OfficeRelation.init(officeId:)))
    }

    private static func officeIDs(of employee: Int) -> [String] {
        let all = offices.keys.sorted()
        let first = all[employee % all.count], second = all[(employee / 3) % all.count]
        return employee % 3 == 0 && second != first ? [first, second] : [first]
    }

    /// A customer for any id the seeder draws (50000 and up): mostly people, some only a company,
    /// an email, or nothing at all. Customer 53998 is Amélie Dubois, as in the README.
    public static func customer(id: String) -> Customer? {
        guard let number = Int(id), (50_000..<60_000).contains(number) else { return nil }
        if number == 53_998 {
            return Customer(id: id, firstName: "Amélie", lastName: "Dubois", email: "amelie.dubois@example.test",
                            phoneNumber: "+33 6 12 34 56 78", customerNumber: "C-53998")
        }
        var random = SeededGenerator(seed: UInt64(number) &* 7_919)
        let first = firstNames.randomElement(using: &random)!, last = lastNames.randomElement(using: &random)!
        let email = "customer\(number)@example.test"
        let phone = "+31 6 \(10_000_000 + number * 37 % 90_000_000)"
        switch number % 20 {
        case 0: return Customer(id: id, company: companies[number % companies.count], email: email)
        case 1: return Customer(id: id, email: email)
        case 2: return Customer(id: id)
        case 3: return Customer(id: id, firstName: first, lastName: last, company: companies[number % companies.count],
                                email: email, phoneNumber: phone, customerNumber: "C-\(number)")
        case 4: return Customer(id: id, lastName: last, phoneNumber: phone)
        default: return Customer(id: id, firstName: first, lastName: last, email: email, phoneNumber: phone)
        }
    }

    /// What the sandbox answers to `request`, in `request.language` or else `sessionLanguage`
    /// (for tests and benchmarks that skip the HTTP round trip).
    public static func names(for request: NameRequest, sessionLanguage: Language = .en) -> [String: Name] {
        let languages = [request.language ?? sessionLanguage]
        var names: [String: Name] = [:]
        for id in request.ids {
            names[id] = switch request.kind {
            case .subject: subject(id: id, languages: languages)?.displayName
            case .office: office(id: id, languages: languages)?.displayName
            case .employee: employee(id: id, languages: languages)?.displayName
            case .customer: customer(id: id)?.displayName
            }
        }
        return names
    }

    /// The text in the most preferred language that has one.
    static func translation(_ texts: [LocalizedText], _ languages: [Language]) -> LocalizedText? {
        for language in languages {
            if let text = texts.first(where: { $0.language == language }) { return text }
        }
        return nil
    }
}
