/// A link to another Engage resource by its id (`{"id": "123"}`): subject, office, form, …
public struct Reference: Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    /// The primary identifier of the referenced resource.
    public var id: String

    public init(id: String) { self.id = id }
    public init(stringLiteral id: String) { self.id = id }
}
