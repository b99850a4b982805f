/// The `n` field where no `$VISUAL`/`$EDITOR` is set: the internal note of one request, edited
/// at its end (typing, Enter for a new line, Backspace), as typed so far.
public struct NoteEditor: Sendable, Equatable {
    /// The longest note the field takes (a paste gone wrong stops here).
    public static let limit = 4_000

    public let appointmentID: String
    /// The note as the request has it.
    public let original: String
    public private(set) var text: String

    public init(appointmentID: String, note: String?) {
        self.appointmentID = appointmentID
        original = note ?? ""
        text = original
    }

    /// Something differs from the request's note (Esc asks before throwing it away).
    public var isEdited: Bool { text != original }

    public mutating func type(_ character: Character) {
        guard text.count < Self.limit else { return }
        text.append(character)
    }

    public mutating func deleteBackward() {
        if !text.isEmpty { text.removeLast() }
    }
}
