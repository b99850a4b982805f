/// A customer (`GET /customers/{id}`; no list endpoint is documented). Every field may be null.
///
/// Personal data of the tenant's customers: kept in memory for the session only, never written
/// to the disk (not in the name cache, the log or the audit trail).
public struct Customer: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var firstName: String?
    public var lastName: String?
    public var company: String?
    public var email: String?
    public var phoneNumber: String?
    public var customerNumber: String?

    public init(id: String, firstName: String? = nil, lastName: String? = nil, company: String? = nil,
                email: String? = nil, phoneNumber: String? = nil, customerNumber: String? = nil) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.company = company
        self.email = email
        self.phoneNumber = phoneNumber
        self.customerNumber = customerNumber
    }

    /// Nullable fields are written as explicit `null`, as the server does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(company, forKey: .company)
        try container.encode(email, forKey: .email)
        try container.encode(phoneNumber, forKey: .phoneNumber)
        try container.encode(customerNumber, forKey: .customerNumber)
    }

    /// The person's name; without first and last name the company, then the email; `nil` when
    /// there is none of them (the id is shown then). The detail line has what the name left out.
    public var displayName: Name? {
        let company = Name.joined(company), email = Name.joined(email)
        guard let text = Name.joined(firstName, lastName) ?? company ?? email else { return nil }
        let detail = Name.joined(company == text ? nil : company, email == text ? nil : email, phoneNumber,
                                 customerNumber.map { "no. \($0)" }, separator: " · ")
        return Name(text, detail: detail)
    }
}
