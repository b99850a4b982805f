import EngageAPI

/// The loaded appointments in server order, filled page by page as pages arrive (possibly out of
/// order), each appointment once; O(1) lookup by id.
public struct AppointmentList: Sendable, Equatable {
    public private(set) var items: [Appointment] = []
    private var positions: [String: Int] = [:]
    /// The pages merged so far, by offset, with how many rows each contributed.
    private var pages: [(offset: Int, count: Int)] = []
    private var interner = ValueInterner()

    public init() {}

    public var count: Int { items.count }
    public var isEmpty: Bool { items.isEmpty }
    public subscript(index: Int) -> Appointment { items[index] }

    public func index(of id: String) -> Int? { positions[id] }

    /// The most rows `merge` reserves room for up front, whatever total a server announces.
    static let maxReservedRows = 1_000_000

    /// Merges a page where its offset says it belongs; returns the row it was inserted at and how
    /// many rows it added (duplicates of rows already listed are skipped). `expectedTotal` (the
    /// page's `totalCount`) sizes the list once, so a big tenant does not make it grow by
    /// doubling, which for a moment holds the old rows and twice their room in memory.
    @discardableResult
    public mutating func merge(_ appointments: [Appointment], offset: Int, expectedTotal: Int? = nil) -> (row: Int, count: Int) {
        if let expectedTotal, items.capacity < expectedTotal {
            let rows = min(expectedTotal, Self.maxReservedRows)
            items.reserveCapacity(rows)
            positions.reserveCapacity(rows)
        }
        let pageIndex = pages.firstIndex { $0.offset > offset } ?? pages.count
        let row = pages[..<pageIndex].reduce(0) { $0 + $1.count }
        var seen = Set<String>()
        let fresh = appointments.filter { positions[$0.id] == nil && seen.insert($0.id).inserted }
            .map { interner.intern($0) }
        pages.insert((offset, fresh.count), at: pageIndex)
        items.insert(contentsOf: fresh, at: row)
        for index in row..<items.count { positions[items[index].id] = index }
        return (row, fresh.count)
    }

    /// Replaces the appointment with the same id (after an accept); `false` if it is not listed.
    @discardableResult
    public mutating func replace(_ appointment: Appointment) -> Bool {
        guard let index = positions[appointment.id] else { return false }
        items[index] = interner.intern(appointment)
        return true
    }

    public static func == (left: AppointmentList, right: AppointmentList) -> Bool {
        left.items == right.items
    }
}
