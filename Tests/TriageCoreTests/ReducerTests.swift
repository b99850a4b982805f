import EngageContract
import Foundation
import Testing
import TriageCore

@Suite("Reducer", .timeLimit(.minutes(1)))
struct ReducerTests {
    private let size = Size(width: 80, height: 24)
    private var pending: [Appointment] { TriageFixture.pending }

    // MARK: Loading

    @Test func startLoadsThePendingRequests() {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        #expect(Reducer.reduce(&state, .start) == [.loadAppointments(generation: 1)])
        #expect(state.load == .loading(loaded: 0, total: nil))
        #expect(state.wantsTicks)
    }

    @Test func pagesArrivingOutOfOrderAreListedInServerOrderAndKeepTheSelection() {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        let pages = TriageFixture.pages(pending, size: 10)
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, pages[0]))
        TriageFixture.press(&state, .down, .down)
        let selectedID = state.selected?.id
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, pages[2]))
        #expect(state.load == .loading(loaded: 20, total: pending.count))
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, pages[1]))
        for page in pages.dropFirst(3) { _ = Reducer.reduce(&state, .pageLoaded(generation: 1, page)) }
        #expect(TriageFixture.ids(state) == pending.map(\.id))
        #expect(state.selected?.id == selectedID)
        // A page that repeats rows (overlapping pages, a repaired boundary) adds none twice.
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, pages[1]))
        #expect(state.view.count == pending.count && state.store.count == pending.count)
    }

    @Test func pagesOfAnOlderLoadAreIgnored() {
        var state = TriageFixture.loaded(size)
        #expect(TriageFixture.press(&state, .character("r")) == [.loadAppointments(generation: 2)])
        let stale = TriageFixture.pages([TriageFixture.tenant[1]])[0]
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, stale))
        _ = Reducer.reduce(&state, .loadFinished(generation: 1, isComplete: true))
        _ = Reducer.reduce(&state, .loadFailed(generation: 1, TriageFixture.statusInvalid))
        #expect(state.view.count == pending.count)
        #expect(state.load == .loading(loaded: 0, total: nil))
        #expect(state.banner == nil)
    }

    @Test func aReloadKeepsEveryRowUntilItEndsThenDropsWhatLeftAndKeepsTheSelection() throws {
        var state = TriageFixture.loaded(size)
        let selected = pending[30]
        try TriageFixture.select(&state, id: selected.id)
        let row = state.selectionIndex.map { $0 - state.listTop }
        TriageFixture.press(&state, .character("r"))
        // Two requests were accepted elsewhere: the new first page no longer has them.
        let fresh = Array(pending.dropFirst(2))
        _ = Reducer.reduce(&state, .pageLoaded(generation: 2, TriageFixture.pages(fresh)[0]))
        #expect(state.view.count == pending.count, "nothing is thrown away before the load ends")
        #expect(state.selected?.id == selected.id)
        for page in TriageFixture.pages(fresh).dropFirst() { _ = Reducer.reduce(&state, .pageLoaded(generation: 2, page)) }
        _ = Reducer.reduce(&state, .loadFinished(generation: 2, isComplete: true))
        #expect(TriageFixture.ids(state) == fresh.map(\.id))
        #expect(state.selected?.id == selected.id, "the selection follows its request across the reload")
        #expect(state.selectionIndex.map { $0 - state.listTop } == row, "and stays on its screen row")
    }

    @Test func aSelectedRequestThatLeavesHandsTheSelectionToItsNeighbour() throws {
        var state = TriageFixture.loaded(size)
        try TriageFixture.select(&state, id: pending[5].id)
        TriageFixture.press(&state, .character("r"))
        let fresh = pending.filter { ![pending[4].id, pending[5].id, pending[6].id].contains($0.id) }
        TriageFixture.reload(&state, with: fresh)
        #expect(state.selected?.id == pending[7].id)
        // The last row leaves: the one before it is selected.
        TriageFixture.press(&state, .character("G"))
        TriageFixture.press(&state, .character("r"))
        TriageFixture.reload(&state, with: Array(fresh.dropLast()))
        #expect(state.selected?.id == fresh[fresh.count - 2].id)
        // Everything leaves.
        TriageFixture.press(&state, .character("r"))
        TriageFixture.reload(&state, with: [])
        #expect(state.selected == nil && state.view.isEmpty && state.load == .done)
    }

    @Test func aRowWithAnAcceptOnItsWayStaysAcrossAReload() {
        var state = TriageFixture.loaded(size, options: TriageFixture.options(confirm: false))
        TriageFixture.press(&state, .character("a"))
        TriageFixture.press(&state, .character("r"))
        TriageFixture.reload(&state, with: Array(pending.dropFirst()))
        #expect(state.view.count == pending.count && state.selected?.id == pending[0].id)
        #expect(state.writesInFlight.map(\.id) == [pending[0].id])
    }

    @Test func aNewerCopyReplacesARowAndAnOlderOneDoesNot() {
        var state = TriageFixture.loaded(size)
        var accepted = TriageFixture.accepted(pending[2])
        accepted.updatedAt = pending[2].updatedAt.addingTimeInterval(10)
        TriageFixture.press(&state, .character("r"))
        _ = Reducer.reduce(&state, .pageLoaded(generation: 2, AppointmentPage(
            appointments: [accepted], meta: PageMeta(offset: 2, limit: 25, totalCount: pending.count), correlationId: "x")))
        #expect(state.store.appointment(id: accepted.id)?.status == .accepted)
        _ = Reducer.reduce(&state, .pageLoaded(generation: 2, TriageFixture.pages(pending)[0]))
        #expect(state.store.appointment(id: accepted.id)?.status == .accepted, "the page read earlier is older")
        #expect(TriageFixture.ids(state) == pending.map(\.id))
    }

    @Test func anIncompleteLoadSaysSomeRequestsMayBeMissing() {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        _ = Reducer.reduce(&state, .loadFinished(generation: 1, isComplete: false))
        #expect(state.banner?.text.hasPrefix("Some requests may be missing") == true)
    }

    @Test func loadFinishedAndFailed() {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        _ = Reducer.reduce(&state, .loadFailed(generation: 1, EngageError(kind: .unauthorized, httpStatus: 401, correlationId: "c-1")))
        #expect(state.load == .failed)
        #expect(state.banner?.kind == .error)
        #expect(state.banner?.text.hasPrefix("Loading the pending requests failed: Not signed in") == true)
        #expect(state.banner?.detail == "HTTP 401 · correlation c-1")
        #expect(!state.wantsTicks)
        _ = Reducer.reduce(&state, .start)
        _ = Reducer.reduce(&state, .loadFinished(generation: 2, isComplete: true))
        #expect(state.load == .done)
    }

    // MARK: Moving

    @Test func movementKeysStayInBoundsAndScrollTheList() {
        var state = TriageFixture.loaded(size)
        let last = pending.count - 1
        TriageFixture.press(&state, .up, .character("k"))
        #expect(state.selectionIndex == 0)
        TriageFixture.press(&state, .down, .character("j"))
        #expect(state.selectionIndex == 2)
        TriageFixture.press(&state, .character("G"))
        #expect(state.selectionIndex == last)
        #expect(state.listTop == last - state.layout.listRows + 1)
        TriageFixture.press(&state, .character("g"))
        #expect(state.selectionIndex == 0 && state.listTop == 0)
        TriageFixture.press(&state, .pageDown)
        #expect(state.selectionIndex == state.layout.listRows)
        TriageFixture.press(&state, .pageUp, .pageUp)
        #expect(state.selectionIndex == 0)
        TriageFixture.press(&state, .end, .home)
        #expect(state.selectionIndex == 0)
    }

    @Test func enterOpensTheDetailsWhereMovementScrollsAndEscGoesBack() {
        var state = TriageFixture.loaded(Size(width: 80, height: 16))
        TriageFixture.press(&state, .enter)
        #expect(state.modes.current == .details && state.focus == .detail && state.selectionIndex == 0)
        TriageFixture.press(&state, .down, .character("j"))
        #expect(state.detailScroll == 2 && state.selectionIndex == 0)
        TriageFixture.press(&state, .end)
        let bottom = state.detailScroll
        #expect(bottom > 2)
        TriageFixture.press(&state, .down)
        #expect(state.detailScroll == bottom, "scrolling stops at the end")
        TriageFixture.press(&state, .home)
        #expect(state.detailScroll == 0)
        TriageFixture.press(&state, .escape)
        #expect(state.modes.current == .list && state.focus == .list)
        TriageFixture.press(&state, .escape)
        #expect(state.modes.modes == [.list], "the list stays at the bottom")
    }

    @Test func sectionsByTabShiftTabAndNumbers() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .tab)
        #expect(state.tab == .participants)
        TriageFixture.press(&state, .backTab, .backTab)
        #expect(state.tab == .answers)
        TriageFixture.press(&state, .character("3"))
        #expect(state.tab == .location)
        TriageFixture.press(&state, .character("1"))
        #expect(state.tab == .overview)
    }

    @Test func languageCyclesThroughTheSelectedRequestsTranslations() throws {
        var state = TriageFixture.loaded(size)
        let withThree = try #require(pending.first { ($0.location?.translations.city.count ?? 0) >= 3 })
        try TriageFixture.select(&state, id: withThree.id)
        let languages = Set(withThree.location!.translations.city.map(\.language) + withThree.location!.translations.street1.map(\.language))
        var seen: [Language] = []
        for _ in 0..<languages.count {
            TriageFixture.press(&state, .character("L"))
            seen.append(state.language)
        }
        #expect(Set(seen) == languages)
        #expect(state.tab == .location)
    }

    // MARK: Accepting

    @Test func acceptAsksThenSendsOnceAndShowsTheReturnedAppointment() throws {
        var state = TriageFixture.loaded(size)
        let target = pending[0]
        #expect(TriageFixture.press(&state, .character("a")).isEmpty)
        #expect(state.modes.current == .confirm(id: target.id, write: .accept))
        #expect(TriageFixture.press(&state, .character("y")) == [.write(id: target.id, .accept)])
        #expect(state.modes.current == .list && state.writesInFlight.map(\.id) == [target.id] && state.wantsTicks)
        #expect(TriageFixture.press(&state, .character("a")).isEmpty, "a second a while in flight does nothing")
        #expect(state.modes.current == .list)

        let accepted = TriageFixture.accepted(target)
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .done(EngageResponse(value: accepted, correlationId: "c-42"))))
        #expect(state.writesInFlight.map(\.id).isEmpty && !state.wantsTicks)
        #expect(state.row(at: 0) == accepted)
        #expect(state.banner == Banner(.success, "Accepted 1001 · Fri 2026-12-11 17:00 · Mortgage advice · Amélie Dubois · status ACCEPTED", detail: "correlation c-42"))
    }

    @Test func acceptOnARowAlreadyNotPendingSaysSoAndSendsNothing() {
        var state = TriageFixture.loaded(size)
        let target = pending[0]
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .done(EngageResponse(value: TriageFixture.accepted(target), correlationId: "c-1"))))
        #expect(TriageFixture.press(&state, .character("a")).isEmpty)
        #expect(state.modes.current == .list, "no question is asked")
        #expect(state.banner == Banner(.info, "\(target.id) is ACCEPTED (as of Wed 2026-11-25 00:00): nothing to accept. Press r to reload."))
    }

    @Test func anyOtherKeyCancelsTheConfirmation() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("a"))
        #expect(TriageFixture.press(&state, .character("n")).isEmpty)
        #expect(state.modes.current == .list && state.writesInFlight.map(\.id).isEmpty)
        #expect(state.banner == Banner(.info, "Accept cancelled."))
        TriageFixture.press(&state, .character("a"))
        TriageFixture.press(&state, .down)
        #expect(state.selectionIndex == 0, "the cancelling key does nothing else")
    }

    @Test func noConfirmSendsAtOnceAndReadOnlySendsNothing() {
        var quick = TriageFixture.loaded(size, options: TriageFixture.options(confirm: false))
        #expect(TriageFixture.press(&quick, .character("a")) == [.write(id: pending[0].id, .accept)])
        var readOnly = TriageFixture.loaded(size, options: TriageFixture.options(readOnly: true))
        #expect(TriageFixture.press(&readOnly, .character("a")).isEmpty)
        #expect(readOnly.banner?.text.hasPrefix("Read-only") == true && readOnly.modes.current == .list, "no question")
    }

    @Test func refusedAcceptKeepsTheRowAndSaysWhy() {
        var state = TriageFixture.loaded(size)
        let target = pending[0]
        TriageFixture.press(&state, .character("a"), .character("y"))
        let current = TriageFixture.accepted(target)
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .rejected(TriageFixture.statusInvalid, current: current)))
        #expect(state.row(at: 0).status == .accepted && state.view.count == pending.count)
        let expected = Banner(
            .error, "1001 · Amélie Dubois: Already handled: this request is no longer pending (status ACCEPTED). Press r to reload.",
            detail: "APPOINTMENT_STATUS_INVALID · correlation 8c1e2f3a-0000-4000-8000-000000000001")
        #expect(state.banner == expected)
        #expect(state.store.state(of: target.id).lastError == expected, "the row remembers why")
        TriageFixture.press(&state, .escape)
        #expect(state.banner == nil && state.focus == .list)
    }

    @Test func unknownAndUnsentOutcomesReportWhatTheServerSaysNow() {
        var state = TriageFixture.loaded(size)
        let target = pending[0]
        let lost = EngageError(kind: .timeout, correlationId: "c-7", detail: "waited 30 seconds")
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .confirmed(lost, EngageResponse(value: TriageFixture.accepted(target), correlationId: "c-8"))))
        #expect(state.banner?.kind == .success && state.row(at: 0).status == .accepted)
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .unknown(lost, current: .success(EngageResponse(value: target, correlationId: "c-9")))))
        #expect(state.banner?.kind == .error && state.banner?.text.contains("The server now says INCOMING_REQUEST") == true)
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .unknown(lost, current: .failure(lost))))
        #expect(state.banner?.text.hasPrefix("1001 · Amélie Dubois: The outcome of the accept is unknown") == true)
        #expect(state.banner?.detail == "correlation c-7")
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .notSent(EngageError(kind: .transport, detail: "no token"))))
        #expect(state.banner?.text.hasPrefix("1001 · Amélie Dubois: Not sent: ") == true)
    }

    @Test func longBannersWrapSoTheEndIsSeenAndEveryBannerIsKeptWithItsTime() throws {
        var state = TriageFixture.loaded(size)
        state.clock = SessionClock { TriageFixture.referenceDate.addingTimeInterval(9 * 3_600 + 62) }
        let target = pending[0]
        let lost = EngageError(kind: .timeout, correlationId: "1f823feb-0482-44f7-9044-ca072fe0e82f", detail: "waited 30 seconds")
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .unknown(lost, current: .success(EngageResponse(value: target, correlationId: "c-9")))))
        let screen = Renderer.render(state).text
        #expect(screen.contains("The server now says INCOMING_REQUEST."), "the part that matters is on screen:\n\(screen)")
        #expect(screen.contains("back office before trying again."))
        #expect(screen.contains("correlation 1f823feb-0482-44f7-9044-ca072fe0e82f"))
        TriageFixture.press(&state, .escape, .character("a"), .character("n"))
        TriageFixture.press(&state, .character("m"))
        #expect(state.modes.current == .messages(scroll: 0))
        let messages = Renderer.render(state).text
        #expect(messages.contains("Messages of this session"))
        #expect(messages.contains("09:01:02 -- Accept cancelled."), "newest first, with its time:\n\(messages)")
        #expect(messages.contains("09:01:02 !! 1001 · Amélie Dubois: The accept may not have gone"))
        #expect(messages.contains("1f823feb-0482-44f7-9044-ca072fe0e82f"))
        TriageFixture.press(&state, .character("m"))
        #expect(state.modes.current == .list && state.messages.count == 2)
    }

    // MARK: Everything else

    @Test func quitEndsTheSessionAndTheShutdownTakesNoMoreKeys() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("a"), .character("y"))
        #expect(TriageFixture.press(&state, .character("q")) == [.quit])
        _ = Reducer.reduce(&state, .shutdownStarted)
        #expect(state.isShuttingDown)
        #expect(TriageFixture.press(&state, .character("j"), .character("a"), .character("r")).isEmpty)
        #expect(state.selectionIndex == 0)
        let screen = Renderer.render(state).text
        #expect(screen.contains("Quitting: waiting for the accept of \(pending[0].id) on its way."))
    }

    @Test func helpScrollsOverTheListAndRedrawTickAndResize() {
        var state = TriageFixture.loaded(Size(width: 60, height: 15))
        TriageFixture.press(&state, .character("?"))
        #expect(state.modes.current == .help(scroll: 0))
        TriageFixture.press(&state, .down, .down)
        #expect(state.modes.current == .help(scroll: 2) && state.selectionIndex == 0, "keys do not reach the list under the help")
        TriageFixture.press(&state, .end)
        guard case .help(let bottom) = state.modes.current else { Issue.record("help closed"); return }
        #expect(Renderer.render(state).text.contains("Esc or ? closes this help."), "the last line shows at the bottom")
        TriageFixture.press(&state, .down)
        #expect(state.modes.current == .help(scroll: bottom))
        TriageFixture.press(&state, .escape)
        #expect(state.modes.current == .list)
        #expect(TriageFixture.press(&state, .control("l")) == [.redraw])
        _ = Reducer.reduce(&state, .tick)
        #expect(state.spinnerFrame == 1)

        _ = Reducer.reduce(&state, .resized(size))
        TriageFixture.press(&state, .character("G"))
        _ = Reducer.reduce(&state, .resized(Size(width: 120, height: 40)))
        #expect(state.layout.isSideBySide)
        let index = state.selectionIndex ?? -1
        #expect(index >= state.listTop && index < state.listTop + state.layout.listRows)
        _ = Reducer.reduce(&state, .resized(Size(width: 50, height: 10)))
        #expect(state.layout.isTooSmall)
        #expect(TriageFixture.press(&state, .down, .character("a")).isEmpty)
        #expect(TriageFixture.press(&state, .character("q")) == [.quit])
    }
}
