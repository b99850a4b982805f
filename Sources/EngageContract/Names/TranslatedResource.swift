/// A resource the API names in the language asked for with `Accept-Language`: `{id, name}`
/// where `name` is `{language, value}` or `null` when it has no name in that language.
/// Subjects and offices have exactly this shape.
public struct TranslatedResource: Codable, Hashable, Sendable, Identifiable {
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

    /// The name to show, `nil` when the server has none in the language asked for.
    public var displayName: Name? { Name.nonEmpty(name?.value) }
}

/// A subject of appointments (`GET /subjects`, `GET /subjects/{id}`): what a request is about.
public typealias Subject = TranslatedResource

/// An office (`GET /offices`, `GET /offices/{id}`), inferred from the `engage:offices:readOnly`
/// scope and the office object of the webhook payload; not in the published reference.
public typealias Office = TranslatedResource
