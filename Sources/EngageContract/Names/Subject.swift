/// A subject of appointments (`GET /subjects`, `GET /subjects/{id}`): what a request is about.
public struct Subject: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    /// In the language asked for with `Accept-Language`; `nil` when the subject has no name in it.
    public var name: LocalizedText?

    public init(id: String, name: LocalizedText?) {
        self.id = id
        self.name = name
    }

    /// Nullable fields are written as explicit `null`, as the server does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
    }

    /// The name to show, `nil` when the server has none in the language asked for.
    public var displayName: Name? { Name.nonEmpty(name?.value) }
}
