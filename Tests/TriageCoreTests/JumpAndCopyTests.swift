import EngageContract
import Foundation
import Testing
import TriageCore

/// The `:` line and copying through the terminal.
@Suite("Jump and copy", .timeLimit(.minutes(1)))
struct JumpAndCopyTests {
    private let size = Size(width: 80, height: 24)
    private var pending: [Appointment] { TriageFixture.pending }

    private func type(_ state: inout AppState, _ text: String) -> [Effect] {
        TriageFixture.press(&state, .character(":")) + text.flatMap { TriageFixture.press(&state, .character($0)) }
    }

    @Test func anIdInTheListIsSelectedWithTheCursorWhereItCanStay() {
        var state = TriageFixture.loaded(size)
        let target = pending[30]
        #expect(type(&state, target.id).isEmpty)
        #expect(state.modes.current == .prompt(text: target.id))
        #expect(Renderer.render(state).line(state.layout.messageRow).hasPrefix(":\(target.id)_"))
        TriageFixture.press(&state, .enter)
        #expect(state.modes.current == .list && state.selectedID == target.id)
        #expect(state.listTop <= 30 && 30 < state.listTop + state.layout.listRows, "the selection is on screen")
    }

    @Test func backspaceEscAndAnEmptyLine() {
        var state = TriageFixture.loaded(size)
        _ = type(&state, "10x")
        TriageFixture.press(&state, .backspace)
        #expect(state.modes.current == .prompt(text: "10"))
        TriageFixture.press(&state, .escape)
        #expect(state.modes.current == .list && state.selectedID == pending[0].id)
        _ = type(&state, "")
        #expect(TriageFixture.press(&state, .enter).isEmpty && state.modes.current == .list)
        // Keys bound elsewhere are typed here: q, j, y are text on the line.
        _ = type(&state, "qjy")
        #expect(state.modes.current == .prompt(text: "qjy"))
    }

    @Test func qQuits() {
        var state = TriageFixture.loaded(size)
        _ = type(&state, "q")
        #expect(TriageFixture.press(&state, .enter) == [.quit])
    }

    @Test func anIdNotInTheListIsReadAndShownAtTheEnd() throws {
        var state = TriageFixture.loaded(size)
        let accepted = try #require(TriageFixture.tenant.first { $0.status == .accepted })
        _ = type(&state, accepted.id)
        #expect(TriageFixture.press(&state, .enter) == [.fetchAppointment(id: accepted.id)])
        #expect(state.banner?.text == "Looking up \(accepted.id)…")
        _ = Reducer.reduce(&state, .appointmentFetched(id: accepted.id, .success(EngageResponse(value: accepted, correlationId: "c"))))
        #expect(state.selectedID == accepted.id && state.selectionIndex == pending.count)
        #expect(state.banner?.text == "Found \(accepted.id). It is ACCEPTED, not pending.")
        // It leaves at the next reload, which does not list it.
        TriageFixture.press(&state, .character("r"))
        TriageFixture.reload(&state, with: pending)
        #expect(state.store.appointment(id: accepted.id) == nil && state.selectedID != accepted.id)
    }

    @Test func anUnknownIdAndAFailedReadSaySo() {
        var state = TriageFixture.loaded(size)
        _ = type(&state, "9999")
        TriageFixture.press(&state, .enter)
        _ = Reducer.reduce(&state, .appointmentFetched(id: "9999", .failure(EngageError(kind: .notFound, httpStatus: 404))))
        #expect(state.banner == Banner(.info, "There is no request 9999."))
        _ = Reducer.reduce(&state, .appointmentFetched(id: "9999", .failure(EngageError(kind: .timeout, correlationId: "c-1"))))
        #expect(state.banner?.kind == .error && state.banner?.text.hasPrefix("Looking up 9999 failed: ") == true)
        _ = type(&state, "..")
        #expect(TriageFixture.press(&state, .enter).isEmpty, "an id that would change the path is not sent")
    }

    @Test func yCopiesTheIdAndYTheCustomersVideoLink() throws {
        var state = TriageFixture.loaded(size)
        #expect(TriageFixture.press(&state, .character("y")) == [.copy(pending[0].id)])
        #expect(state.banner?.text == "Copied the id \(pending[0].id) to the clipboard.")
        let video = try #require(pending.first { $0.customer?.videoUrl != nil })
        try TriageFixture.select(&state, id: video.id)
        #expect(TriageFixture.press(&state, .character("Y")) == [.copy(video.customer!.videoUrl!)])
        let office = try #require(pending.first { $0.customer?.videoUrl == nil })
        try TriageFixture.select(&state, id: office.id)
        #expect(TriageFixture.press(&state, .character("Y")).isEmpty)
        #expect(state.banner?.text.contains("has no customer video link") == true)
    }

    @Test func textWithControlCharactersIsNotCopied() throws {
        var state = TriageFixture.loaded(size)
        var hostile = pending[0]
        hostile.appointmentParticipants[0].videoUrl = "https://meet.example/v/x\n rm -rf ~\n"
        _ = Reducer.reduce(&state, .writeFinished(id: hostile.id, .accept, .rejected(TriageFixture.statusInvalid, current: hostile)))
        #expect(TriageFixture.press(&state, .character("Y")).isEmpty)
        #expect(state.banner?.kind == .error && state.banner?.text.hasPrefix("Not copied") == true)
    }

    @Test func theNewKeysAreInTheHelp() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("?"))
        let top = Renderer.render(state).text
        TriageFixture.press(&state, .end)
        let help = top + Renderer.render(state).text
        #expect(help.contains("jump to a request by id") && help.contains("copy the request's id"))
        #expect(help.contains("accept every marked request") && help.contains("mark the request (and move on)"))
    }
}
