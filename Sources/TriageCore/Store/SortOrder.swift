import EngageContract

/// How the list view orders requests: a key and a direction. Ties are broken by the server's order
/// and then by id, so the order is total and a request's place can be found by binary search. Requests without the key's
/// value (no time yet, no name known) come after the others in either direction.
public struct SortOrder: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        /// Start soonest first.
        case start
        /// Waited longest first (created earliest).
        case waiting
        /// By the customer's name, then the subject's, then the office's (A to Z).
        case customer, subject, office
        /// The order the server listed them in (by first sight).
        case server

        /// What `s` steps through, in order.
        public static let cycle: [Key] = [.start, .waiting, .customer, .subject, .office]

        /// The kind of name the key sorts by, for the sorts by name.
        public var nameKind: NameKind? {
            switch self {
            case .customer: .customer
            case .subject: .subject
            case .office: .office
            case .start, .waiting, .server: nil
            }
        }
    }

    public var key: Key
    public var ascending: Bool

    public init(_ key: Key = .start, ascending: Bool = true) {
        self.key = key
        self.ascending = ascending
    }

    /// The next key of the cycle, in its natural direction.
    public var next: SortOrder {
        let keys = Key.cycle
        let index = keys.firstIndex(of: key).map { ($0 + 1) % keys.count } ?? 0
        return SortOrder(keys[index])
    }

    /// The same key the other way round.
    public var reversed: SortOrder { SortOrder(key, ascending: !ascending) }

    /// How the header says it: `soonest first`, `customer Z-A`.
    public var label: String {
        switch key {
        case .start: ascending ? "soonest first" : "latest first"
        case .waiting: ascending ? "waited longest first" : "newest first"
        case .customer, .subject, .office: "\(key.rawValue) \(ascending ? "A-Z" : "Z-A")"
        case .server: ascending ? "server order" : "server order reversed"
        }
    }

    /// Whether the row in `left` comes before the row in `right`; `nameKeys` are the folded names
    /// by slot for the sorts by name (frozen when the row was placed).
    func precedes(_ left: Int, _ right: Int, in store: RequestStore, nameKeys: [String?]) -> Bool {
        switch key {
        case .server:
            break
        case .start:
            if let first = Self.comesFirst(store[left].start, store[right].start, ascending: ascending) { return first }
        case .waiting:
            let (createdA, createdB) = (store[left].createdAt, store[right].createdAt)
            if createdA != createdB { return ascending == (createdA < createdB) }
        case .customer, .subject, .office:
            if let first = Self.comesFirst(nameKeys[left], nameKeys[right], ascending: ascending, by: FoldedText.precedes) {
                return first
            }
        }
        return tieBreak(left, right, in: store)
    }

    /// Between rows whose keys tie: the server's order (as first seen), then the id; in the
    /// sort's direction, so a reversed list is the same list backwards.
    func tieBreak(_ left: Int, _ right: Int, in store: RequestStore) -> Bool {
        let (rankA, rankB) = (store.rank(ofSlot: left), store.rank(ofSlot: right))
        if rankA != rankB { return ascending ? rankA < rankB : rankA > rankB }
        return Self.idPrecedes(store.id(ofSlot: left), store.id(ofSlot: right), ascending: ascending)
    }

    /// Whether `a` comes before `b` in the direction, nil for a tie; a missing value comes last
    /// whichever the direction.
    private static func comesFirst<Value: Comparable>(
        _ a: Value?, _ b: Value?, ascending: Bool, by precedes: (Value, Value) -> Bool = (<)
    ) -> Bool? {
        switch (a, b) {
        case (let a?, let b?): a == b ? nil : ascending == precedes(a, b)
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): nil
        }
    }

    /// Ids compare as numbers when they are (shorter first), else as text.
    private static func idPrecedes(_ a: String, _ b: String, ascending: Bool) -> Bool {
        let (lengthA, lengthB) = (a.utf8.count, b.utf8.count)
        if lengthA != lengthB { return ascending == (lengthA < lengthB) }
        return ascending ? a < b : a > b
    }
}
