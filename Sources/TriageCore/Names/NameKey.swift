import EngageContract

/// One thing to name: a subject, office, employee or customer by id, in a language where the
/// server translates it (`nil`: the session's own language).
public struct NameKey: Hashable, Sendable {
    public var kind: NameKind
    public var id: String
    public var language: Language?

    public init(_ kind: NameKind, _ id: String, language: Language? = nil) {
        self.kind = kind
        self.id = id
        self.language = kind.isTranslated ? language : nil
    }
}
