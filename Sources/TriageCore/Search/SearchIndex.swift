import EngageContract

/// What the `/` filter looks through, folded once per distinct value: the customer's name (and
/// company, email, number: the name's detail line), subject, office, city, internal notes and
/// answers of every row. Rows hold small value numbers, so a keystroke over 100,000 rows tests
/// each distinct text once and then only reads numbers; the id is read from the row itself.
///
/// Built the first time the filter is used (a session that never filters pays nothing) and then
/// kept in step with the store slot by slot. A name that arrives later is folded into its value
/// when it arrives (`rename`), so a customer found by id at first is found by name after.
struct SearchIndex: Sendable {
    /// The fields of one row, as value numbers (0: the row has none).
    private struct RowValues: Sendable {
        var customer: UInt32 = 0
        var subject: UInt32 = 0
        var office: UInt32 = 0
        var city: UInt32 = 0
        var notes: UInt32 = 0
        var answers: UInt32 = 0

        /// Whether `test` holds for one of the values (no array built: asked for every row a keystroke).
        func contains(where test: (UInt32) -> Bool) -> Bool {
            test(customer) || test(subject) || test(office) || test(city) || test(notes) || test(answers)
        }
    }

    /// What a value is: a named thing (its name may arrive later) or a text of the row.
    private enum ValueKey: Hashable, Sendable {
        case name(NameKind, String)
        case text(String)
    }

    private var rows: [RowValues] = []
    /// The folded text of each value number; number 0 is "no value".
    private var texts: [String] = [""]
    private var numbers: [ValueKey: UInt32] = [:]
    /// Every byte that occurs in an id (ASCII letters lowercased): a text with any other byte
    /// cannot be in an id, and the ids are not searched for it (digits-only ids and `dubois`).
    private var idBytes = [Bool](repeating: false, count: 256)

    /// Indexes every row of `store`.
    init(_ store: RequestStore, names: NameBook) {
        rows.reserveCapacity(store.count)
        for slot in 0..<store.count { set(slot: slot, store[slot], names: names) }
    }

    /// Indexes the row in `slot` (a new row, or one the server changed).
    mutating func set(slot: Int, _ row: Appointment, names: NameBook) {
        let values = RowValues(
            customer: row.customerID.map { number(.name(.customer, $0), names: names) } ?? 0,
            subject: number(.name(.subject, row.subject.id), names: names),
            office: number(.name(.office, row.office.id), names: names),
            city: row.location?.city.map { number(.text($0.value), names: names) } ?? 0,
            notes: row.internalNotes.map { number(.text($0), names: names) } ?? 0,
            answers: Self.answerText(row).map { number(.text($0), names: names) } ?? 0)
        if slot == rows.count { rows.append(values) } else { rows[slot] = values }
        for byte in row.id.utf8 { idBytes[Int(FoldedText.lowercasedASCII(byte))] = true }
    }

    /// Follows a removal from the store (each old slot's new slot, nil for those removed).
    mutating func remap(_ mapping: [Int?]) {
        var kept: [RowValues] = []
        kept.reserveCapacity(rows.count)
        for (slot, values) in rows.enumerated() where mapping[slot] != nil { kept.append(values) }
        rows = kept
    }

    /// Folds the names that just arrived into their values; returns the value numbers renamed.
    mutating func rename(_ kind: NameKind, ids: [String], names: NameBook) -> [Int] {
        var renamed: [Int] = []
        for id in ids {
            guard let number = numbers[.name(kind, id)].map(Int.init) else { continue }
            texts[number] = Self.text(of: .name(kind, id), names: names)
            renamed.append(number)
        }
        return renamed
    }

    /// Whether any of `values` (renamed since `query` was made) now answers it differently: only
    /// then can a row have come into or gone out of the filter.
    func changesAnswers(of query: Query, values: [Int]) -> Bool {
        values.contains { $0 < query.values.count && query.values[$0] != FoldedText.contains(texts[$0], query.needle) }
    }

    /// What the filter looks for, with the answer for every value known when it was typed.
    struct Query: Sendable {
        /// The folded text looked for (not empty).
        var needle: String
        /// By value number: whether its text contains the needle.
        var values: [Bool]
        /// Whether the needle could be part of an id at all.
        var mayBeInAnID: Bool
    }

    /// The query for `needle` (folded): each distinct text is tested once a keystroke.
    func query(_ needle: String) -> Query {
        Query(needle: needle, values: texts.map { FoldedText.contains($0, needle) },
              mayBeInAnID: needle.utf8.allSatisfy { idBytes[Int($0)] })
    }

    /// Whether each row of `store` (by slot) matches: one pass in slot order, so the rows are
    /// read in the order they lie in memory (the list's order jumps about, and a cache miss a row
    /// costs more than the test).
    func hits(in store: RequestStore, _ query: Query) -> [Bool] {
        (0..<rows.count).map { matches(slot: $0, in: store, query) }
    }

    /// Whether the row in `slot` of `store` has the query's text in one of its fields or its id.
    func matches(slot: Int, in store: RequestStore, _ query: Query) -> Bool {
        guard slot < rows.count else { return false }
        let found = rows[slot].contains { number in
            guard number != 0 else { return false }
            let index = Int(number)
            // A value newer than the query (a row that arrived since) is tested as it comes.
            return index < query.values.count ? query.values[index] : FoldedText.contains(texts[index], query.needle)
        }
        return found || (query.mayBeInAnID && FoldedText.containsIgnoringASCIICase(store.id(ofSlot: slot), query.needle))
    }

    private mutating func number(_ key: ValueKey, names: NameBook) -> UInt32 {
        if let number = numbers[key] { return number }
        let number = UInt32(texts.count)
        texts.append(Self.text(of: key, names: names))
        numbers[key] = number
        return number
    }

    /// A value's folded text: a name with its detail line, or its id until the name is known.
    private static func text(of key: ValueKey, names: NameBook) -> String {
        switch key {
        case .text(let text):
            return FoldedText.fold(text)
        case .name(let kind, let id):
            guard let name = names.name(kind, id) else { return FoldedText.fold(id) }
            return FoldedText.fold(name.text + (name.detail.map { "\n" + $0 } ?? ""))
        }
    }

    /// The free-text answers of a row, one per line (answers by option or file have no text).
    private static func answerText(_ row: Appointment) -> String? {
        let values = row.answers.compactMap(\.value).filter { !$0.isEmpty }
        return values.isEmpty ? nil : values.joined(separator: "\n")
    }
}
