import EngageContract

/// The list as the user sees it: the slots of the store's rows that match a predicate, in a sort
/// order. It is kept up to date row by row as pages merge (a page of new rows at the end is
/// appended, not re-sorted), and rebuilt only when the predicate or the order changes.
public struct ListView: Sendable {
    public private(set) var order: SortOrder
    public private(set) var predicate: RowPredicate
    /// Store slots in display order.
    public private(set) var slots: [Int] = []

    public init(order: SortOrder = SortOrder(), predicate: RowPredicate = .everything) {
        self.order = order
        self.predicate = predicate
    }

    public var count: Int { slots.count }
    public var isEmpty: Bool { slots.isEmpty }

    /// Where the row in `slot` is shown, by binary search over the order (O(log n)); nil when it is not shown.
    public func index(ofSlot slot: Int, in store: RequestStore) -> Int? {
        let index = lowerBound(slot, in: store)
        return index < slots.count && slots[index] == slot ? index : nil
    }

    /// The first position whose row does not come before the row in `slot`.
    private func lowerBound(_ slot: Int, in store: RequestStore) -> Int {
        var (low, high) = (0, slots.count)
        while low < high {
            let middle = (low + high) / 2
            if order.precedes(slots[middle], slot, in: store) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Shows the rows of `store` in `order` filtered by `predicate`.
    public mutating func rebuild(_ store: RequestStore, order: SortOrder? = nil, predicate: RowPredicate? = nil) {
        if let order { self.order = order }
        if let predicate { self.predicate = predicate }
        slots = (0..<store.count).filter { self.predicate.matches(store[$0]) }
        slots.sort { self.order.precedes($0, $1, in: store) }
    }

    /// Takes the row in `slot` out, before its sort key changes (the search needs the old key).
    mutating func remove(slot: Int, in store: RequestStore) {
        if let index = index(ofSlot: slot, in: store) { slots.remove(at: index) }
    }

    /// Puts the rows of `newSlots` (not shown yet) in their places, those the predicate accepts.
    mutating func insert(_ newSlots: [Int], in store: RequestStore) {
        let order = order
        let incoming = newSlots.filter { predicate.matches(store[$0]) }.sorted { order.precedes($0, $1, in: store) }
        guard let first = incoming.first else { return }
        if let last = slots.last, !order.precedes(first, last, in: store) {
            slots.append(contentsOf: incoming)
            return
        }
        // A page's rows are consecutive in the order: they usually fill one gap, in place.
        let gap = lowerBound(first, in: store)
        if gap == slots.count || order.precedes(incoming[incoming.count - 1], slots[gap], in: store) {
            slots.insert(contentsOf: incoming, at: gap)
            return
        }
        if incoming.count < 8 {
            for slot in incoming { slots.insert(slot, at: lowerBound(slot, in: store)) }
            return
        }
        var merged: [Int] = []
        merged.reserveCapacity(slots.count + incoming.count)
        var (i, j) = (0, 0)
        while i < slots.count, j < incoming.count {
            if order.precedes(incoming[j], slots[i], in: store) {
                merged.append(incoming[j]); j += 1
            } else {
                merged.append(slots[i]); i += 1
            }
        }
        merged += slots[i...]
        merged += incoming[j...]
        slots = merged
    }

    /// Follows a removal from the store: drops the removed rows, renumbers the rest.
    mutating func remap(_ mapping: [Int?]) {
        slots = slots.compactMap { mapping[$0] }
    }
}
