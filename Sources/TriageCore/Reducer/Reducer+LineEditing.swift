/// Typing into a one-line text (the `:` and `/` lines, the picker's filter, the customer's
/// message): the same keys everywhere.
extension Reducer {
    /// `text` after `key`: Backspace takes the last character off, a printable key adds one (up
    /// to `limit` characters); nil when the key does neither.
    static func editedLine(_ text: String, command: Command?, key: Key, limit: Int) -> String? {
        if command == .deletePromptCharacter { return String(text.dropLast()) }
        if case .character(let character) = key, text.count < limit { return text + String(character) }
        return nil
    }
}
