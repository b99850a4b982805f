import EngageContract
import Foundation
import Testing
@testable import TriageCore

/// `o` and `n` on the screen: the picker (read once, `/` narrows it, the holder refused), the
/// message line, the one question; the note in the editor or the field, an unchanged note
/// sending nothing.
@Suite("Reassigning and notes on the screen", .timeLimit(.minutes(1)))
struct ReassignAndNoteScreenTests {
    private let size = Size(width: 80, height: 24)

    private func colleagues(holder: String) -> [Employee] {
        [
            Employee(id: "7101", firstName: "Mateo", lastName: "van den Berg", officeRelations: [OfficeRelation(officeId: "12")]),
            Employee(id: "7102", firstName: "Anouk", lastName: "Zwaanswijk", officeRelations: [OfficeRelation(officeId: "99")]),
            Employee(id: holder, firstName: "Current", lastName: "Holder", officeRelations: []),
        ]
    }

    private func picker(_ state: AppState) -> ColleaguePicker? {
        if case .reassign(let picker) = state.modes.current { picker } else { nil }
    }

    @Test func oReadsTheColleaguesOnceFiltersPicksAndSendsWithTheMessage() throws {
        var state = TriageFixture.loaded(size)
        let target = state.row(at: 0)
        let holder = try #require(target.primaryEmployee?.participant.id)
        #expect(TriageFixture.press(&state, .character("o")) .contains(.loadColleagues))
        #expect(Renderer.render(state).text.contains("Reading the colleagues…"))
        _ = Reducer.reduce(&state, .colleaguesLoaded(.success(colleagues(holder: holder))))
        var screen = Renderer.render(state).text
        #expect(screen.contains("Zwaanswijk") && screen.contains("Current Holder") && screen.contains("holds it"), "\(screen)")
        #expect(state.names.name(.employee, "7101")?.text == "Mateo van den Berg", "the picker's names serve every pane")
        TriageFixture.press(&state, .escape)
        #expect(state.modes.current == .list)
        #expect(!TriageFixture.press(&state, .character("o")).contains(.loadColleagues), "read once a session")

        TriageFixture.press(&state, .character("/"), .character("b"), .character("e"), .character("r"), .character("g"))
        screen = Renderer.render(state).text
        #expect(screen.contains("/berg_") && screen.contains("van den Berg") && !screen.contains("Zwaanswijk"), "\(screen)")
        TriageFixture.press(&state, .enter)
        #expect(picker(state)?.isFiltering == false && picker(state)?.filterText == "berg")
        TriageFixture.press(&state, .enter)
        guard case .reassignMessage(let draft) = state.modes.current else {
            Issue.record("expected the message line, got \(state.modes.current)")
            return
        }
        #expect(draft.employeeID == "7101" && draft.officeID == (target.office.id == "12" ? nil : "12"))
        for character in "Mateo calls you" { TriageFixture.press(&state, .character(character)) }
        TriageFixture.press(&state, .enter)
        let question = Renderer.render(state).text.split(separator: "\n", omittingEmptySubsequences: false)[size.height - 2]
        #expect(question.hasPrefix(" Hand to Mateo van den Berg"), "\(question)")
        let effects = TriageFixture.press(&state, .character("y"))
        let expected = ReassignRequest(officeId: draft.officeID, primaryEmployeeId: "7101", messageForCustomer: "Mateo calls you")
        #expect(effects.contains(.write(id: target.id, .reassign(expected))))
        #expect(state.modes.current == .list && state.store.state(of: target.id).writeInFlight == .reassign)
    }

    @Test func theHolderIsRefusedAndAFailedReadClosesThePicker() throws {
        var state = TriageFixture.loaded(size)
        let holder = try #require(state.row(at: 0).primaryEmployee?.participant.id)
        TriageFixture.press(&state, .character("o"))
        _ = Reducer.reduce(&state, .colleaguesLoaded(.success(colleagues(holder: holder))))
        TriageFixture.press(&state, .enter)  // Holder comes first (by last name: Holder, van den Berg, Zwaanswijk)
        #expect(picker(state) != nil && state.banner?.text == "Current Holder holds it already: pick another colleague.")
        TriageFixture.press(&state, .escape)
        state.colleagues = nil
        TriageFixture.press(&state, .character("o"))
        _ = Reducer.reduce(&state, .colleaguesLoaded(.failure(EngageError(kind: .forbidden, httpStatus: 403, correlationId: "c-403"))))
        #expect(state.modes.current == .list)
        #expect(state.banner?.text.hasPrefix("The colleagues could not be read: Not allowed") == true, "\(state.banner?.text ?? "")")
        #expect(state.banner?.detail == "HTTP 403 · correlation c-403")
    }

    @Test func nInTheFieldWithoutAnEditorAndUnchangedSendsNothing() {
        var state = TriageFixture.loaded(size)
        let target = state.row(at: 0)
        TriageFixture.press(&state, .character("n"))
        guard case .noteEditor(let editor) = state.modes.current else {
            Issue.record("expected the note field, got \(state.modes.current)")
            return
        }
        #expect(editor.text == (target.internalNotes ?? ""))
        #expect(TriageFixture.press(&state, .control("d")).isEmpty)
        #expect(state.modes.current == .list && state.banner?.text.hasPrefix("Nothing to save: the note of \(target.id)") == true)
        TriageFixture.press(&state, .character("n"), .enter)
        for character in "Called back" { TriageFixture.press(&state, .character(character)) }
        #expect(Renderer.render(state).text.contains("Called back_"))
        TriageFixture.press(&state, .escape)
        #expect(state.modes.current == .confirmDiscard, "something was typed: Esc asks")
        TriageFixture.press(&state, .character("n"), .control("d"))
        #expect(Renderer.render(state).text.contains("Save the note: \(target.id) · "))
        let effects = TriageFixture.press(&state, .character("y"))
        let note = (target.internalNotes ?? "") + "\nCalled back"
        #expect(effects.contains(.write(id: target.id, .internalNotes(InternalNotesUpdate(internalNotes: note)))))
        #expect(state.modes.current == .list)
    }

    @Test func nWithAnEditorLendsItTheTerminalAndAsksAboutWhatCameBack() throws {
        var options = TriageFixture.options()
        options.hasExternalEditor = true
        var state = TriageFixture.loaded(size, options: options)
        let target = try #require(TriageFixture.pending.first { $0.internalNotes?.isEmpty == false })
        try TriageFixture.select(&state, id: target.id)
        #expect(TriageFixture.press(&state, .character("n")) == [.editNote(id: target.id, note: target.internalNotes ?? "")])
        _ = Reducer.reduce(&state, .noteEdited(id: target.id, .success(target.internalNotes ?? "")))
        #expect(state.modes.current == .list && state.banner?.text.hasPrefix("Nothing to save") == true)
        _ = Reducer.reduce(&state, .noteEdited(id: target.id, .failure(EditorFailure("the editor (vim) ended with status 1"))))
        #expect(state.banner == Banner(.error, "The note of \(target.id) was not saved: the editor (vim) ended with status 1."))
        _ = Reducer.reduce(&state, .noteEdited(id: target.id, .success("")))
        #expect(state.modes.current == .confirm(id: target.id, write: .internalNotes(InternalNotesUpdate(internalNotes: nil))))
        #expect(Renderer.render(state).text.contains("Clear the note: "))
    }
}
