import EngageContract

/// How the list view orders requests: a key and a direction. Ties are broken by id, so the order
/// is total and a request's place can be found by binary search.
public struct SortOrder: Sendable, Equatable {
    public enum Key: String, Sendable, CaseIterable {
        /// The order the server listed them in (by first sight).
        case serverOrder = "server order"
        /// Start soonest first; requests with no time yet after them, in either direction.
        case start
    }

    public var key: Key
    public var ascending: Bool

    public init(_ key: Key = .serverOrder, ascending: Bool = true) {
        self.key = key
        self.ascending = ascending
    }

    /// Whether the row in `left` comes before the row in `right`.
    func precedes(_ left: Int, _ right: Int, in store: RequestStore) -> Bool {
        switch key {
        case .serverOrder:
            let (rankA, rankB) = (store.rank(ofSlot: left), store.rank(ofSlot: right))
            if rankA != rankB { return ascending ? rankA < rankB : rankA > rankB }
        case .start:
            switch (store[left].start, store[right].start) {
            case (let startA?, let startB?) where startA != startB: return ascending ? startA < startB : startA > startB
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
        }
        let (idA, idB) = (store[left].id, store[right].id)
        return ascending ? idA < idB : idA > idB
    }
}
