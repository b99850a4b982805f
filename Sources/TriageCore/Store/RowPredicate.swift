import EngageContract

/// Which requests the list view shows. Named, so two views can be compared and the header can
/// say what is filtered.
public struct RowPredicate: Sendable {
    public var name: String
    public var matches: @Sendable (Appointment) -> Bool

    public init(_ name: String, matches: @escaping @Sendable (Appointment) -> Bool) {
        self.name = name
        self.matches = matches
    }

    /// Every request in the store.
    public static let everything = RowPredicate("everything") { _ in true }
}
