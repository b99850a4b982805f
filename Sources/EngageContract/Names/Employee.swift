/// A colleague (`GET /employees`, `GET /employees/{id}`).
public struct Employee: Codable, Hashable, Sendable, Identifiable {
    /// Whether the employee can work (`status[]=ACTIVE` filters the list).
    public enum Status: OpenEnum {
        case active, inactive
        case unknown(UndocumentedValue)

        public static let documentedValues: [(value: Self, rawValue: String)] = [(.active, "ACTIVE"), (.inactive, "INACTIVE")]

        public var unknownRawValue: String? {
            if case .unknown(let value) = self { value.rawValue } else { nil }
        }
    }

    public var id: String
    public var firstName: String
    public var lastName: String
    public var email: String?
    /// The job title, translated by `Accept-Language` (`nil` when not available in it).
    public var function: LocalizedText?
    public var status: Status?
    /// The offices the employee works for (absent from some answers).
    public var officeRelations: [OfficeRelation]?

    public init(id: String, firstName: String, lastName: String, email: String? = nil,
                function: LocalizedText? = nil, status: Status? = .active, officeRelations: [OfficeRelation]? = nil) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.function = function
        self.status = status
        self.officeRelations = officeRelations
    }

    /// Nullable fields are written as explicit `null`, as the server does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(firstName, forKey: .firstName)
        try container.encode(lastName, forKey: .lastName)
        try container.encode(email, forKey: .email)
        try container.encode(function, forKey: .function)
        try container.encode(status, forKey: .status)
        try container.encode(officeRelations, forKey: .officeRelations)
    }

    /// "First Last", the function as detail; `nil` when both names are blank.
    public var displayName: Name? {
        Name.nonEmpty(Name.joined(firstName, lastName), detail: Name.nonEmpty(function?.value)?.text)
    }
}
