import EngageContract

/// `n`: the internal note. In the user's editor where `$VISUAL`/`$EDITOR` names one (the screen
/// lends it the terminal), else in a field; then one question, and `y` sends it. A note that
/// comes back unchanged sends nothing.
extension Reducer {
    static func openNote(_ state: inout AppState) -> [Effect] {
        guard let appointment = writable(&state, .note) else { return [] }
        if state.options.hasExternalEditor { return [.editNote(id: appointment.id, note: appointment.internalNotes ?? "")] }
        state.modes.push(.noteEditor(NoteEditor(appointmentID: appointment.id, note: appointment.internalNotes)))
        return []
    }

    /// What the editor left, or why it left nothing.
    static func noteEdited(_ state: inout AppState, id: String, _ result: Result<String, EditorFailure>) -> [Effect] {
        switch result {
        case .success(let text):
            return reviewNote(&state, id: id, text: text)
        case .failure(let failure):
            show(&state, Banner(.error, UntrustedText.sanitize("The note of \(id) was not saved: \(failure.reason).")))
            return []
        }
    }

    /// Asks before saving `text` as the note of `id`; says so when it is the note it has.
    private static func reviewNote(_ state: inout AppState, id: String, text: String) -> [Effect] {
        guard let appointment = state.store.appointment(id: id) else { return [] }
        guard text != (appointment.internalNotes ?? "") else {
            if state.modes.current.kind == .editor { state.modes.pop() }
            show(&state, Banner(.info, "Nothing to save: the note of \(RequestSummary.short(appointment, names: state.names)) is unchanged."))
            return []
        }
        return ask(&state, .internalNotes(InternalNotesUpdate(internalNotes: text.isEmpty ? nil : text)), of: id)
    }

    static func noteKey(_ state: inout AppState, _ editor: NoteEditor, command: Command?, key: Key) -> [Effect] {
        var editor = editor
        switch command {
        case .saveNote: return reviewNote(&state, id: editor.appointmentID, text: editor.text)
        case .newLine: editor.type("\n")
        case .deletePromptCharacter: editor.deleteBackward()
        case .abandonForm:
            if editor.isEdited { state.modes.push(.confirmDiscard) } else { state.modes.pop() }
            return []
        default:
            if case .character(let character) = key { editor.type(character) }
        }
        state.modes.replaceCurrent(.noteEditor(editor))
        return []
    }
}
