import EngageContract
import Foundation
import Testing
@testable import TriageCore

/// `t` on the screen: the form, the one question, the write on its way, the answer in every
/// pane, a refusal in plain words with the typed time kept, Esc asking before throwing it away.
@Suite("Rescheduling on the screen", .timeLimit(.minutes(1)))
struct RescheduleScreenTests {
    private let size = Size(width: 80, height: 24)

    /// A loaded state in Amsterdam's zone, the first request selected.
    private func state(readOnly: Bool = false) -> AppState {
        var options = TriageFixture.options(readOnly: readOnly)
        options.timeZone = Zone(TimeZone(identifier: "Europe/Amsterdam")!)
        return TriageFixture.loaded(size, options: options)
    }

    /// Replaces the focused field's text with `text`.
    private func type(_ state: inout AppState, _ text: String) {
        guard case .reschedule(let form) = state.modes.current else { return }
        for _ in form.value(form.focus) { TriageFixture.press(&state, .backspace) }
        for character in text { TriageFixture.press(&state, .character(character)) }
    }

    private var form: (AppState) -> RescheduleForm? {
        { state in if case .reschedule(let form) = state.modes.current { form } else { nil } }
    }

    @Test func tOpensTheFormAndYSendsTheTimeInUTCOnce() throws {
        var state = state()
        let target = state.row(at: 0)
        TriageFixture.press(&state, .character("t"))
        let opened = try #require(form(state))
        #expect(opened.appointmentID == target.id && opened.focus == .date)
        let screen = Renderer.render(state).text
        #expect(screen.contains("Propose another time") && screen.contains("Time zone Europe/Amsterdam"), "\(screen)")
        type(&state, "2026-12-14")
        TriageFixture.press(&state, .tab)
        type(&state, "10:00")
        TriageFixture.press(&state, .tab)
        type(&state, "45")
        TriageFixture.press(&state, .tab)
        type(&state, "See you then")
        #expect(Renderer.render(state).text.contains("New       Mon 2026-12-14 10:00–10:45"))
        #expect(TriageFixture.press(&state, .enter).isEmpty, "Enter only asks")
        let question = Renderer.render(state).text.split(separator: "\n", omittingEmptySubsequences: false)[size.height - 2]
        #expect(question.hasPrefix(" Reschedule to Mon 2026-12-14 10:00–10:45: \(target.id) · ") && question.hasSuffix("y/N"), "\(question)")
        let effects = TriageFixture.press(&state, .character("y"))
        let request = RescheduleRequest(start: Timestamp.parse("2026-12-14T09:00:00Z")!, end: Timestamp.parse("2026-12-14T09:45:00Z")!,
                                        messageForCustomer: "See you then")
        #expect(effects.contains(.write(id: target.id, .reschedule(request))))
        #expect(state.modes.current == .list, "the form closes with the question")
        #expect(state.store.state(of: target.id).writeInFlight == .reschedule)
        #expect(TriageFixture.press(&state, .character("t")).isEmpty && form(state) == nil, "no second write while one is out")
        #expect(state.banner?.text.contains("the reschedule is still on its way") == true)
    }

    @Test func theAnswerReplacesTheRequestAndARefusalKeepsWhatWasTyped() throws {
        var state = state()
        let target = state.row(at: 0)
        TriageFixture.press(&state, .character("t"))
        type(&state, "2026-12-14")
        TriageFixture.press(&state, .tab)
        type(&state, "13:15")
        TriageFixture.press(&state, .enter, .character("y"))
        let busy = EngageError(kind: .businessRule, httpStatus: 422, serverErrors: [
            ServerError(message: "No employee is available", code: "APPOINTMENT_NO_AVAILABILITY", type: "BUSINESS", statusCode: "422"),
        ], correlationId: "c-busy")
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .reschedule, .rejected(busy, current: nil)))
        let banner = try #require(state.banner)
        #expect(banner.kind == .error && banner.text.hasSuffix("No colleague is free at that time. Press t to try again."), "\(banner.text)")
        #expect(banner.detail == "APPOINTMENT_NO_AVAILABILITY · correlation c-busy")
        #expect(!state.store.state(of: target.id).isWriting)
        TriageFixture.press(&state, .character("t"))
        #expect(form(state)?.value(.start) == "13:15", "the typed time comes back")
        type(&state, "10:00")
        TriageFixture.press(&state, .enter, .character("y"))
        var moved = target
        moved.start = Timestamp.parse("2026-12-14T09:00:00Z")
        moved.end = moved.start.map { $0.addingTimeInterval(target.end!.timeIntervalSince(target.start!)) }
        moved.updatedAt = target.updatedAt.addingTimeInterval(60)
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .reschedule, .done(EngageResponse(value: moved, correlationId: "c-ok"))))
        #expect(state.banner?.kind == .success && state.banner?.text.hasPrefix("Rescheduled \(target.id) · Mon 2026-12-14 10:00") == true,
                "\(state.banner?.text ?? "")")
        #expect(state.store.appointment(id: target.id)?.start == moved.start, "the answer replaces the request")
        TriageFixture.press(&state, .escape, .character("t"))
        #expect(form(state)?.value(.start) == "10:00" && form(state)?.isEdited == false, "after a success the form starts from the new time")
    }

    @Test func escAsksWhenSomethingWasTypedAndAPastStartIsRefusedBeforeSending() {
        var state = state()
        TriageFixture.press(&state, .character("t"), .escape)
        #expect(state.modes.current == .list, "nothing typed: Esc just closes")
        TriageFixture.press(&state, .character("t"))
        type(&state, "2026-11-01")
        #expect(TriageFixture.press(&state, .enter).isEmpty)
        #expect(state.banner?.text == "Not sent: start: the start is in the past.", "\(state.banner?.text ?? "")")
        #expect(form(state)?.focus == .start, "the cursor goes to the field at fault")
        TriageFixture.press(&state, .escape)
        #expect(state.modes.current == .confirmDiscard)
        TriageFixture.press(&state, .character("n"))
        #expect(form(state)?.value(.date) == "2026-11-01", "a no keeps the form")
        TriageFixture.press(&state, .escape, .character("y"))
        #expect(state.modes.current == .list)
    }

    @Test func readOnlySaysSo() {
        var state = state(readOnly: true)
        TriageFixture.press(&state, .character("t"))
        #expect(state.modes.current == .list)
        #expect(state.banner?.text == "Read-only: rescheduling is disabled (started with --read-only).")
    }
}

extension RescheduleScreenTests {
    @Test func aLostAnswerSaysWhatTheReReadShowsOfTheChange() {
        var state = TriageFixture.loaded(Size(width: 120, height: 40))
        let target = state.row(at: 0)
        let lost = EngageError(kind: .transport, correlationId: "c-lost", detail: "the connection was reset")
        let reread = EngageResponse(value: target, correlationId: "c-reread")
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .reschedule, .unknown(lost, current: .success(reread))))
        #expect(state.banner?.text.contains("The reschedule may not have gone through (Could not reach the server") == true)
        #expect(state.banner?.text.contains("The server shows it without the change: it is at Fri 2026-12-11 17:00.") == true,
                "\(state.banner?.text ?? "")")
        #expect(state.banner?.text.hasSuffix("Check it in the back office before trying again.") == true)
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .reassign, .unknown(lost, current: .success(reread))))
        #expect(state.banner?.text.contains("it is held by Mateo van den Berg.") == true, "\(state.banner?.text ?? "")")
    }
}
