/// The body of `PATCH /appointments/{id}` that changes the internal notes and nothing else: the
/// PATCH takes other fields too, and only this one is sent (`null` clears the notes).
public struct InternalNotesUpdate: Encodable, Hashable, Sendable {
    public var internalNotes: String?

    public init(internalNotes: String?) {
        self.internalNotes = internalNotes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(internalNotes, forKey: .internalNotes)
    }

    private enum CodingKeys: String, CodingKey {
        case internalNotes
    }
}
