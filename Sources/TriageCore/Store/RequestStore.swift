import EngageContract

/// Every loaded request, keyed by appointment id, with the per-row state of each (an accept in
/// flight, the last error) in the same place. Rows live in slots (an index that stays put until
/// rows are removed), so the list view orders small integers instead of copying appointments.
///
/// Nothing outside holds a position in it: views and the cursor hold ids or slots, and removal
/// hands back how slots moved.
public struct RequestStore: Sendable {
    private var rows: [Appointment] = []
    /// The row's place in the server's order when it was first seen (`offset + index` of its page).
    private var ranks: [Int] = []
    /// The load that last read the row (its generation): at a load's end, the rows it did not read have left.
    private var seenByLoad: [Int32] = []
    /// Whether the user marked the row (Space, `*`) for a bulk action: a byte a row, so marking
    /// 100,000 is a pass over an array.
    private var marked: [Bool] = []
    /// How many rows are marked.
    public private(set) var markedCount = 0
    private var slotsByID: [String: Int] = [:]
    private var states: [String: RowState] = [:]
    private var interner = ValueInterner()

    public init() {}

    /// The most rows `reserve` makes room for up front, whatever total a server announces.
    static let maxReservedRows = 1_000_000

    public var count: Int { rows.count }
    /// The rows there is room for without growing.
    public var capacity: Int { rows.capacity }
    public var isEmpty: Bool { rows.isEmpty }
    public subscript(slot: Int) -> Appointment { rows[slot] }
    public func rank(ofSlot slot: Int) -> Int { ranks[slot] }
    /// The id of the row in `slot`, without copying the row.
    public func id(ofSlot slot: Int) -> String { rows[slot].id }
    public func slot(of id: String) -> Int? { slotsByID[id] }
    public func appointment(id: String) -> Appointment? { slotsByID[id].map { rows[$0] } }

    /// Makes room for `total` rows at once (a load's `totalCount`), so a big tenant does not make
    /// the store grow by doubling, which for a moment holds the old rows and twice their room.
    public mutating func reserve(_ total: Int) {
        let wanted = min(max(0, total), Self.maxReservedRows)
        guard rows.capacity < wanted else { return }
        rows.reserveCapacity(wanted)
        ranks.reserveCapacity(wanted)
        seenByLoad.reserveCapacity(wanted)
        marked.reserveCapacity(wanted)
        slotsByID.reserveCapacity(wanted)
    }

    /// What `merge` did to one row.
    public enum Change: Equatable, Sendable {
        case inserted(slot: Int)
        case updated(slot: Int)
        case unchanged(slot: Int)
    }

    /// Adds `appointment`, or replaces the stored copy when this one is not older (`updatedAt`;
    /// `authoritative` replaces regardless: the answer to our own accept). A new row takes `rank`;
    /// a known row keeps its own, so a reload does not reshuffle what the user sees.
    @discardableResult
    public mutating func merge(_ appointment: Appointment, rank: Int, authoritative: Bool = false) -> Change {
        if let slot = slotsByID[appointment.id] {
            guard replaces(appointment, authoritative: authoritative) != nil else { return .unchanged(slot: slot) }
            rows[slot] = interner.intern(appointment)
            return .updated(slot: slot)
        }
        let slot = rows.count
        rows.append(interner.intern(appointment))
        ranks.append(rank)
        seenByLoad.append(0)
        marked.append(false)
        slotsByID[appointment.id] = slot
        return .inserted(slot: slot)
    }

    /// The slot whose row `merge` would replace with `appointment` (a known row, a different copy,
    /// not older, or `authoritative`), or nil when it would keep the stored copy or add a new row.
    public func replaces(_ appointment: Appointment, authoritative: Bool = false) -> Int? {
        guard let slot = slotsByID[appointment.id] else { return nil }
        let stored = rows[slot]
        guard authoritative || appointment.updatedAt >= stored.updatedAt, appointment != stored else { return nil }
        return slot
    }

    /// Removes the rows `keep` rejects (given each row's slot and the row); returns each surviving
    /// row's new slot by old slot.
    public mutating func removeAll(keeping keep: (_ slot: Int, _ row: Appointment) -> Bool) -> [Int?] {
        var mapping = [Int?](repeating: nil, count: rows.count)
        var kept = 0
        for slot in rows.indices {
            let row = rows[slot]
            if keep(slot, row) {
                rows[kept] = row
                ranks[kept] = ranks[slot]
                seenByLoad[kept] = seenByLoad[slot]
                marked[kept] = marked[slot]
                slotsByID[row.id] = kept
                mapping[slot] = kept
                kept += 1
            } else {
                if marked[slot] { markedCount -= 1 }
                slotsByID[row.id] = nil
                if states[row.id]?.isWriting != true { states[row.id] = nil }
            }
        }
        rows.removeLast(rows.count - kept)
        ranks.removeLast(ranks.count - kept)
        seenByLoad.removeLast(seenByLoad.count - kept)
        marked.removeLast(marked.count - kept)
        return mapping
    }

    /// Records that load `load` read the row in `slot`; `true` the first time it does.
    public mutating func markSeen(slot: Int, byLoad load: Int) -> Bool {
        let stamp = Int32(truncatingIfNeeded: load)
        guard seenByLoad[slot] != stamp else { return false }
        seenByLoad[slot] = stamp
        return true
    }

    /// Whether load `load` read the row in `slot`.
    public func wasSeen(slot: Int, byLoad load: Int) -> Bool { seenByLoad[slot] == Int32(truncatingIfNeeded: load) }

    // MARK: Marks

    public func isMarked(slot: Int) -> Bool { marked[slot] }

    public mutating func setMarked(_ value: Bool, slot: Int) {
        guard marked[slot] != value else { return }
        marked[slot] = value
        markedCount += value ? 1 : -1
    }

    /// Marks every slot of `slots` (the rows in view).
    public mutating func mark(_ slots: [Int]) {
        for slot in slots where !marked[slot] {
            marked[slot] = true
            markedCount += 1
        }
    }

    public mutating func clearMarks() {
        guard markedCount > 0 else { return }
        for slot in marked.indices { marked[slot] = false }
        markedCount = 0
    }

    /// The marked slots, in slot order.
    public var markedSlots: [Int] { marked.indices.filter { marked[$0] } }

    // MARK: Per-row state

    /// The row's state; `RowState()` for a row nothing happened to.
    public func state(of id: String) -> RowState { states[id] ?? RowState() }

    /// Changes the state of row `id` (kept sparse: an idle state takes no room).
    public mutating func updateState(of id: String, _ change: (inout RowState) -> Void) {
        var state = states[id] ?? RowState()
        change(&state)
        states[id] = state.isIdle ? nil : state
    }

    /// The ids with a write on its way, and which.
    public var writesInFlight: [(id: String, write: AppointmentWrite.Kind)] {
        states.compactMap { entry in entry.value.writeInFlight.map { (entry.key, $0) } }.sorted { $0.id < $1.id }
    }

    /// How many rows a refresh brought that the cursor has not been on yet.
    public var newCount: Int { states.values.count(where: \.isNew) }

    /// Whether a row was handled elsewhere (the status column needs room to say so).
    public var hasHandledElsewhere: Bool { states.values.contains(where: \.handledElsewhere) }

    /// Whether any write is on its way (asked on every turn of the screen's loop: no list built).
    public var hasWritesInFlight: Bool { states.values.contains(where: \.isWriting) }
}
