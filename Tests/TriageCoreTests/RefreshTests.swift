import EngageContract
import Foundation
import Testing
@testable import TriageCore

/// The background refresh: new requests marked `new`, those handled elsewhere said so and gone at
/// the next refresh, the cursor never moved, never while a question is open.
@Suite("Refresh", .timeLimit(.minutes(1)))
struct RefreshTests {
    private let size = Size(width: 120, height: 40)
    private var pending: [Appointment] { TriageFixture.pending }

    /// A request no one has seen yet, listed first by the server.
    private var newcomer: Appointment {
        var appointment = pending[5]
        appointment.id = "2001"
        appointment.createdAt = TriageFixture.now.addingTimeInterval(-120)
        return appointment
    }

    /// Runs a refresh that reads `appointments`; returns the effects of its end.
    @discardableResult
    private func refresh(_ state: inout AppState, reading appointments: [Appointment]) -> [Effect] {
        let effects = TriageFixture.press(&state, .character("R"))
        #expect(effects.contains(.refreshAppointments(generation: state.generation)))
        #expect(state.isRefreshing)
        return TriageFixture.reload(&state, with: appointments)
    }

    @Test func newRequestsComeInMarkedAndHandledOnesAreRecheckedWithTheCursorUnmoved() throws {
        var state = TriageFixture.loaded(size)
        try TriageFixture.select(&state, id: pending[20].id)
        let (selected, row) = (state.selectedID, state.cursorRow)
        let taken = pending[3]
        let effects = refresh(&state, reading: [newcomer] + pending.filter { $0.id != taken.id })

        #expect(state.selectedID == selected && state.cursorRow == row, "the cursor never moves by itself")
        #expect(state.store.state(of: newcomer.id).isNew && state.store.newCount == 1)
        #expect(state.store.state(of: taken.id).handledElsewhere)
        #expect(effects.contains(.recheck(ids: [taken.id])))
        #expect(effects.contains(.scheduleRefresh(seconds: 60)))
        let screen = Renderer.render(state)
        #expect(screen.line(0).contains("1 new") && screen.line(0).contains("updated 09:30"))
        #expect(screen.text.contains("\(newcomer.id)   ") && screen.text.split(separator: "\n").contains { $0.contains(newcomer.id) && $0.contains("NEW") })

        // The re-read says what became of it.
        _ = Reducer.reduce(&state, .recheckFinished(ids: [taken.id], .success([TriageFixture.accepted(taken)])))
        let takenRow = try #require(Renderer.render(state).text.split(separator: "\n").first { $0.contains(" \(taken.id) ") })
        #expect(takenRow.contains("ACCEPTED…"), "beside the details there is no room for more: \(takenRow)")
        var wide = state
        _ = Reducer.reduce(&wide, .resized(Size(width: 108, height: 30)))
        let wideRow = try #require(Renderer.render(wide).text.split(separator: "\n").first { $0.contains(" \(taken.id) ") })
        #expect(wideRow.contains("ACCEPTED · elsewhere"), "\(wideRow)")
        try TriageFixture.select(&wide, id: taken.id)
        TriageFixture.press(&wide, .enter)
        #expect(Renderer.render(wide).text.contains("\(taken.id) · ACCEPTED · elsewhere · "), "the details say it whole")

        // Seen: the cursor went over it.
        try TriageFixture.select(&state, id: newcomer.id)
        #expect(state.store.newCount == 0 && !Renderer.render(state).line(0).contains("new"))

        // The next refresh takes the handled one out.
        refresh(&state, reading: [newcomer] + pending.filter { $0.id != taken.id })
        #expect(state.store.appointment(id: taken.id) == nil && state.view.count == pending.count)
    }

    @Test func aHandledRequestThatIsSelectedStays() throws {
        var state = TriageFixture.loaded(size)
        let taken = pending[3]
        try TriageFixture.select(&state, id: taken.id)
        refresh(&state, reading: pending.filter { $0.id != taken.id })
        refresh(&state, reading: pending.filter { $0.id != taken.id })
        #expect(state.selectedID == taken.id && state.store.appointment(id: taken.id) != nil)
        try TriageFixture.select(&state, id: pending[0].id)
        refresh(&state, reading: pending.filter { $0.id != taken.id })
        #expect(state.store.appointment(id: taken.id) == nil, "gone once the cursor left it")
    }

    @Test func ourOwnAcceptLeavesAtTheRefreshAndARecheckStillPendingIsNotHandled() throws {
        var state = TriageFixture.loaded(size, options: TriageFixture.options(confirm: false))
        let mine = pending[0]
        TriageFixture.press(&state, .character("a"))
        _ = Reducer.reduce(&state, .writeFinished(id: mine.id, .accept, .done(EngageResponse(value: TriageFixture.accepted(mine), correlationId: "c-1"))))
        try TriageFixture.select(&state, id: pending[9].id)
        let gone = pending[4]
        let effects = refresh(&state, reading: pending.filter { $0.id != mine.id && $0.id != gone.id })
        #expect(state.store.appointment(id: mine.id) == nil, "accepted here: it leaves, nothing to re-read")
        #expect(effects.contains(.recheck(ids: [gone.id])))
        _ = Reducer.reduce(&state, .recheckFinished(ids: [gone.id], .success([gone])))
        #expect(!state.store.state(of: gone.id).handledElsewhere, "still pending after all")
    }

    @Test func theTimerWaitsForAnOpenQuestionAndIsOffAtZero() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("a"))
        #expect(state.modes.current.kind == .confirm)
        #expect(Reducer.reduce(&state, .refreshDue).isEmpty && !state.isRefreshing, "not while y/N is asked")
        let effects = TriageFixture.press(&state, .character("n"))
        #expect(effects.contains(.refreshAppointments(generation: state.generation)), "once it is answered")
        TriageFixture.press(&state, .character("/"))
        _ = TriageFixture.reload(&state, with: pending)
        #expect(Reducer.reduce(&state, .refreshDue).isEmpty, "nor while the filter line is open")
        #expect(TriageFixture.press(&state, .enter).contains { if case .refreshAppointments = $0 { true } else { false } })

        var off = TriageFixture.state(options: TriageFixture.options(refreshSeconds: 0), size: size)
        _ = Reducer.reduce(&off, .start)
        let ending = TriageFixture.reload(&off, with: pending)
        #expect(!ending.contains { if case .scheduleRefresh = $0 { true } else { false } })
    }

    @Test func aFailedRefreshKeepsTheListAndSaysHowOldItIs() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("R"))
        let effects = Reducer.reduce(&state, .loadFailed(generation: state.generation, TriageFixture.statusInvalid))
        #expect(effects.contains(.scheduleRefresh(seconds: 60)))
        #expect(state.view.count == pending.count && state.load == .done && !state.isRefreshing)
        #expect(state.banner?.text.hasPrefix("Refreshing failed: ") == true && state.banner?.text.contains("as of 09:30") == true)
        // A refresh asked for while a full load runs is not sent.
        TriageFixture.press(&state, .character("r"))
        #expect(TriageFixture.press(&state, .character("R")).isEmpty)
    }

    @Test func afterAFailedFirstLoadTheTimerLoadsAgainAndNothingIsNew() {
        var state = TriageFixture.state(size: size)
        _ = Reducer.reduce(&state, .start)
        let effects = Reducer.reduce(&state, .loadFailed(generation: state.generation, TriageFixture.statusInvalid))
        #expect(effects.contains(.scheduleRefresh(seconds: 60)), "the list is tried again by itself")
        #expect(Reducer.reduce(&state, .refreshDue) == [.loadAppointments(generation: state.generation)])
        TriageFixture.reload(&state, with: pending)
        #expect(state.load == .done && state.store.newCount == 0 && state.view.count == pending.count)
    }

    @Test func onlyTheFirstOfFailingRefreshesInARowGetsABanner() {
        var state = TriageFixture.loaded(size)
        let failure = EngageError(kind: .serverFailure, httpStatus: 500, correlationId: "c-500")
        _ = Reducer.reduce(&state, .refreshDue)
        _ = Reducer.reduce(&state, .loadFailed(generation: state.generation, failure))
        #expect(state.banner?.text.hasPrefix("Refreshing failed") == true)
        _ = Reducer.reduce(&state, .key(.escape))
        _ = Reducer.reduce(&state, .refreshDue)
        let second = Reducer.reduce(&state, .loadFailed(generation: state.generation, failure))
        #expect(state.banner == nil, "the second in a row goes to the log")
        #expect(second.contains { if case .log(let line) = $0 { line.contains("correlation c-500") } else { false } })
        #expect(Renderer.render(state).line(0).contains("refresh failing"))
        // `R` always says it; a refresh that works clears the mark.
        TriageFixture.press(&state, .character("R"))
        _ = Reducer.reduce(&state, .loadFailed(generation: state.generation, failure))
        #expect(state.banner?.text.hasPrefix("Refreshing failed") == true)
        _ = Reducer.reduce(&state, .refreshDue)
        TriageFixture.reload(&state, with: pending)
        #expect(state.refreshFailures == 0 && !Renderer.render(state).line(0).contains("failing"))
    }

    @Test func underAFilterARefreshShowsOnlyTheNewOnesThatMatch() throws {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("/"))
        for character in "dubois" { TriageFixture.press(&state, .character(character)) }
        TriageFixture.press(&state, .enter)
        let shown = TriageFixture.ids(state)
        var matching = newcomer
        matching.id = "2002"
        matching.internalNotes = "Asked for Mme Dubois at the desk"
        var other = newcomer
        other.internalNotes = nil
        let gone = try #require(shown.first)
        refresh(&state, reading: [matching, other] + pending.filter { $0.id != gone })
        #expect(TriageFixture.ids(state).contains("2002") && !TriageFixture.ids(state).contains(other.id))
        #expect(state.store.newCount == 2, "both are new; the filter shows one")
        #expect(state.store.state(of: gone).handledElsewhere && TriageFixture.ids(state).contains(gone))
        TriageFixture.press(&state, .escape)
        #expect(TriageFixture.ids(state).contains(other.id) && state.view.count == pending.count + 2)
    }
}
