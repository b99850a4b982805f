/// An office (`GET /offices`, `GET /offices/{id}`), inferred from the `engage:offices:readOnly`
/// scope and the office object of the webhook payload; not in the published reference.
public struct Office: Codable, Hashable, Sendable, Identifiable {
    public var id: String
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

    public var displayName: Name? { Name.nonEmpty(name?.value) }
}
