import EngageContract

/// The list as the user sees it: every row of the store in a sort order, and of those the rows
/// the filter lets through. It is kept up to date row by row as pages merge (a page of new rows
/// at the end is appended, not re-sorted), re-sorted only when the order changes and re-filtered
/// only when the filter does (a longer filter only looks at what the shorter one let through).
///
/// A sort by name uses each row's name as it was when the row was placed (a binary search needs
/// keys that hold still); a row placed before its name arrived is moved once it does.
public struct ListView: Sendable {
    public private(set) var order: SortOrder
    /// Every row of the store, in order.
    private var ordered: [Int] = []
    /// The rows the filter lets through, in order; nil when nothing is filtered.
    private var filtered: [Int]?
    /// The folded name of each slot's row for a sort by name (empty for the other sorts).
    private var nameKeys: [String?] = []
    /// For a sort by name: the slots placed without a name, by the id whose name they wait for.
    private var awaitingNames: [String: [Int]] = [:]

    public init(order: SortOrder = SortOrder()) {
        self.order = order
    }

    /// Store slots in display order: what the filter lets through.
    public var slots: [Int] { filtered ?? ordered }
    public var count: Int { filtered?.count ?? ordered.count }
    public var isEmpty: Bool { count == 0 }
    /// Whether a filter hides some rows (or could: it is set).
    public var isFiltered: Bool { filtered != nil }
    /// How many rows there are before the filter.
    public var unfilteredCount: Int { ordered.count }

    /// Where the row in `slot` is shown, by binary search over the order (O(log n)); nil when it is not shown.
    public func index(ofSlot slot: Int, in store: RequestStore) -> Int? {
        let slots = slots
        let index = lowerBound(slot, in: slots, store)
        return index < slots.count && slots[index] == slot ? index : nil
    }

    /// Where the row in `slot` is shown, or would be if the filter let it through.
    public func place(ofSlot slot: Int, in store: RequestStore) -> Int { lowerBound(slot, in: slots, store) }

    /// The first position of `array` whose row does not come before the row in `slot`.
    private func lowerBound(_ slot: Int, in array: [Int], _ store: RequestStore) -> Int {
        var (low, high) = (0, array.count)
        while low < high {
            let middle = (low + high) / 2
            if precedes(array[middle], slot, store) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func precedes(_ left: Int, _ right: Int, _ store: RequestStore) -> Bool {
        order.precedes(left, right, in: store, nameKeys: nameKeys)
    }

    // MARK: Order

    /// Shows every row of `store` in `order` (the filter keeps what it let through).
    public mutating func sort(_ store: RequestStore, by order: SortOrder, names: NameBook) {
        self.order = order
        nameKeys = []
        awaitingNames = [:]
        let shown = filtered.map { Self.membership($0, count: store.count) }
        if order.key.nameKind != nil {
            ordered = []
            sortByName(store, names)
        } else {
            ordered = Array(0..<store.count)
            ordered.sort { order.precedes($0, $1, in: store, nameKeys: []) }
        }
        if let shown { filtered = ordered.filter { shown[$0] } }
    }

    /// The sort by name in bulk: each distinct name is folded once and ranked, and the rows are
    /// sorted as small records (name's rank, slot) lying side by side, not through
    /// their slots (comparing strings, or reading rows all over memory, 100,000 times log over is
    /// too slow for a key press); the folded names stay as the keys rows are placed by later.
    private mutating func sortByName(_ store: RequestStore, _ names: NameBook) {
        guard let kind = order.key.nameKind else { return }
        // Each distinct id once: its folded name, and which rows have it.
        var distinctOfID: [String: Int32] = [:]
        var distinctKeys: [String?] = []
        var distinctOfSlot = [Int32](repeating: -1, count: store.count)
        nameKeys.reserveCapacity(store.count)
        for slot in 0..<store.count {
            guard let id = store[slot].nameID(kind) else {
                nameKeys.append(nil)
                continue
            }
            let distinct: Int32
            if let known = distinctOfID[id] {
                distinct = known
            } else {
                distinct = Int32(distinctKeys.count)
                distinctOfID[id] = distinct
                distinctKeys.append(names.sortKey(kind, id))
            }
            distinctOfSlot[slot] = distinct
            nameKeys.append(distinctKeys[Int(distinct)])
            if distinctKeys[Int(distinct)] == nil { awaitingNames[id, default: []].append(slot) }
        }
        // Rank the distinct names (rows without a name last, in either direction).
        let ascending = order.ascending
        let named = distinctKeys.indices.filter { distinctKeys[$0] != nil }
            .sorted { FoldedText.precedes(distinctKeys[$0]!, distinctKeys[$1]!) }
        var rankOfDistinct = [UInt32](repeating: .max, count: distinctKeys.count)
        var rank: UInt32 = 0
        for (position, distinct) in named.enumerated() {
            if position > 0, distinctKeys[distinct] != distinctKeys[named[position - 1]] { rank += 1 }
            rankOfDistinct[distinct] = rank
        }
        /// Eight bytes a row: 100,000 of them are sorted while the list is held too.
        struct Record { var name: UInt32; var slot: UInt32 }
        var records = (0..<store.count).map { slot -> Record in
            let distinct = Int(distinctOfSlot[slot])
            var name = distinct < 0 ? UInt32.max : rankOfDistinct[distinct]
            if !ascending, name != .max { name = rank - name }
            return Record(name: name, slot: UInt32(slot))
        }
        distinctOfSlot = []
        let sortOrder = order
        records.sort { left, right in
            left.name != right.name ? left.name < right.name : sortOrder.tieBreak(Int(left.slot), Int(right.slot), in: store)
        }
        ordered = records.map { Int($0.slot) }
    }

    /// The folded name the row in `slot` sorts by; nil (sorted last) while it is not known, and
    /// then the slot waits for it.
    private mutating func nameKey(_ slot: Int, _ store: RequestStore, _ names: NameBook) -> String? {
        guard let kind = order.key.nameKind, let id = store[slot].nameID(kind) else { return nil }
        if let key = names.sortKey(kind, id) { return key }
        awaitingNames[id, default: []].append(slot)
        return nil
    }

    /// Moves the rows that waited for the names just resolved (for a sort by `kind`) to their places.
    mutating func namesArrived(_ kind: NameKind, ids: [String], in store: RequestStore, names: NameBook,
                               keep: (Int) -> Bool) {
        guard order.key.nameKind == kind, !awaitingNames.isEmpty else { return }
        for id in ids {
            guard let slots = awaitingNames.removeValue(forKey: id), names.sortKey(kind, id) != nil else { continue }
            for slot in slots where slot < store.count && store[slot].nameID(kind) == id {
                // Out under its old key (none), in again under its name (`insert` reads it).
                remove(slot: slot, in: store)
                insert([slot], in: store, names: names, keep: keep)
            }
        }
    }

    // MARK: Filter

    /// Shows only the rows `keep` accepts; `narrowing` when it accepts a subset of what the
    /// current filter does (the user typed one more letter), so only those are looked at.
    public mutating func filter(narrowing: Bool, _ keep: (Int) -> Bool) {
        filtered = ((narrowing ? filtered : nil) ?? ordered).filter(keep)
    }

    /// Shows every row again.
    public mutating func clearFilter() { filtered = nil }

    // MARK: Row by row

    /// Takes the row in `slot` out, before its sort key changes (the search needs the old key).
    mutating func remove(slot: Int, in store: RequestStore) {
        let index = lowerBound(slot, in: ordered, store)
        guard index < ordered.count, ordered[index] == slot else { return }
        ordered.remove(at: index)
        if let shown = filtered {
            let index = lowerBound(slot, in: shown, store)
            if index < shown.count, shown[index] == slot { filtered!.remove(at: index) }
        }
    }

    /// Puts the rows of `newSlots` (not shown yet) in their places; under a filter, those `keep` accepts.
    mutating func insert(_ newSlots: [Int], in store: RequestStore, names: NameBook, keep: (Int) -> Bool = { _ in true }) {
        if order.key.nameKind != nil {
            if nameKeys.count < store.count { nameKeys += [String?](repeating: nil, count: store.count - nameKeys.count) }
            for slot in newSlots { nameKeys[slot] = nameKey(slot, store, names) }
        }
        let incoming = newSlots.sorted { precedes($0, $1, store) }
        merge(incoming, into: &ordered, store)
        if filtered != nil { merge(incoming.filter(keep), into: &filtered!, store) }
    }

    /// Merges `incoming` (sorted) into `array` (sorted).
    private func merge(_ incoming: [Int], into array: inout [Int], _ store: RequestStore) {
        guard let first = incoming.first else { return }
        if let last = array.last, !precedes(first, last, store) {
            array.append(contentsOf: incoming)
            return
        }
        // A page's rows are consecutive in the order: they usually fill one gap, in place.
        let gap = lowerBound(first, in: array, store)
        if gap == array.count || precedes(incoming[incoming.count - 1], array[gap], store) {
            array.insert(contentsOf: incoming, at: gap)
            return
        }
        if incoming.count < 8 {
            for slot in incoming { array.insert(slot, at: lowerBound(slot, in: array, store)) }
            return
        }
        var merged: [Int] = []
        merged.reserveCapacity(array.count + incoming.count)
        var (i, j) = (0, 0)
        while i < array.count, j < incoming.count {
            if precedes(incoming[j], array[i], store) {
                merged.append(incoming[j]); j += 1
            } else {
                merged.append(array[i]); i += 1
            }
        }
        merged += array[i...]
        merged += incoming[j...]
        array = merged
    }

    /// Follows a removal from the store: drops the removed rows, renumbers the rest.
    mutating func remap(_ mapping: [Int?]) {
        ordered = ordered.compactMap { mapping[$0] }
        filtered = filtered?.compactMap { mapping[$0] }
        guard !nameKeys.isEmpty else { return }
        var keys = [String?](repeating: nil, count: mapping.count { $0 != nil })
        for (old, new) in mapping.enumerated() {
            if let new, old < nameKeys.count { keys[new] = nameKeys[old] }
        }
        nameKeys = keys
        awaitingNames = awaitingNames.compactMapValues { slots in
            let moved = slots.compactMap { mapping[$0] }
            return moved.isEmpty ? nil : moved
        }
    }

    private static func membership(_ slots: [Int], count: Int) -> [Bool] {
        var shown = [Bool](repeating: false, count: count)
        for slot in slots where slot < count { shown[slot] = true }
        return shown
    }
}
