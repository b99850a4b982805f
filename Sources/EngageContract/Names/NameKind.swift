/// The kinds of things an appointment refers to by id whose names the app shows.
public enum NameKind: String, CaseIterable, Codable, Hashable, Sendable {
    case subject, office, employee, customer

    /// The API's collection: `/subjects`, `/offices`, `/employees`, `/customers`.
    public var path: String { "/\(rawValue)s" }

    /// Whether names of this kind are read many at a time with `id[]` (customers have no
    /// documented list endpoint: one request each).
    public var isBatched: Bool { self != .customer }

    /// Whether the server translates the name by `Accept-Language` (subjects and offices).
    public var isTranslated: Bool { self == .subject || self == .office }

    /// Whether names of this kind may be kept on disk between sessions. Customers are a bank's
    /// customers: their data never touches the disk.
    public var mayBeCached: Bool { self != .customer }

    /// The read scope a token needs for this kind (`engage:subjects:readOnly`, …).
    public var scope: String { "engage:\(rawValue)s:readOnly" }
}
