import EngageAPI
import Foundation
import Testing
import TriageCore

@Suite("Reducer")
struct ReducerTests {
    private let size = Size(width: 80, height: 24)

    // MARK: Loading

    @Test func startLoadsThePendingRequests() {
        var state = AppState(options: TriageFixture.options(), size: size)
        #expect(Reducer.reduce(&state, .start) == [.loadAppointments(generation: 1)])
        #expect(state.load == .loading(loaded: 0, total: nil))
        #expect(state.wantsTicks)
    }

    @Test func pagesArrivingOutOfOrderAreListedInServerOrderAndKeepTheSelection() {
        var state = AppState(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        let pages = TriageFixture.pages(TriageFixture.pending, size: 10)
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, pages[0]))
        TriageFixture.press(&state, .down, .down)
        let selectedID = state.selected?.id
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, pages[2]))
        #expect(state.load == .loading(loaded: 20, total: TriageFixture.pending.count))
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, pages[1]))
        for page in pages.dropFirst(3) { _ = Reducer.reduce(&state, .pageLoaded(generation: 1, page)) }
        #expect(state.list.items.map(\.id) == TriageFixture.pending.map(\.id))
        #expect(state.selected?.id == selectedID)
        // A page that repeats rows (the list moved between requests) adds none twice.
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, pages[1]))
        #expect(state.list.count == TriageFixture.pending.count)
    }

    @Test func pagesOfAnOlderLoadAreIgnored() {
        var state = TriageFixture.loaded(size)
        #expect(TriageFixture.press(&state, .character("r")) == [.loadAppointments(generation: 2)])
        let stale = TriageFixture.pages([TriageFixture.tenant[1]])[0]
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, stale))
        _ = Reducer.reduce(&state, .loadFinished(generation: 1))
        _ = Reducer.reduce(&state, .loadFailed(generation: 1, TriageFixture.statusInvalid))
        #expect(state.list.count == TriageFixture.pending.count)
        #expect(state.load == .loading(loaded: 0, total: nil))
        #expect(state.banner == nil)
    }

    @Test func reloadKeepsTheOldRowsUntilTheFirstNewPage() throws {
        var state = TriageFixture.loaded(size)
        try TriageFixture.select(&state, id: TriageFixture.pending[3].id)
        TriageFixture.press(&state, .character("r"))
        #expect(state.list.count == TriageFixture.pending.count)
        let fresh = Array(TriageFixture.pending.dropFirst(2))
        _ = Reducer.reduce(&state, .pageLoaded(generation: 2, TriageFixture.pages(fresh, size: 100)[0]))
        #expect(state.list.items.map(\.id) == fresh.map(\.id))
        #expect(state.selected?.id == TriageFixture.pending[3].id, "the selection follows its request")
    }

    @Test func loadFinishedAndFailed() {
        var state = AppState(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        _ = Reducer.reduce(&state, .loadFailed(generation: 1, EngageError(kind: .unauthorized, httpStatus: 401, correlationId: "c-1")))
        #expect(state.load == .failed)
        #expect(state.banner?.kind == .error)
        #expect(state.banner?.text.hasPrefix("Loading the pending requests failed: Not signed in") == true)
        #expect(state.banner?.detail == "HTTP 401 · correlation c-1")
        #expect(!state.wantsTicks)
        _ = Reducer.reduce(&state, .start)
        _ = Reducer.reduce(&state, .loadFinished(generation: 2))
        #expect(state.load == .done)
    }

    // MARK: Moving

    @Test func movementKeysStayInBoundsAndScrollTheList() {
        var state = TriageFixture.loaded(size)
        let last = TriageFixture.pending.count - 1
        TriageFixture.press(&state, .up, .character("k"))
        #expect(state.selection == 0)
        TriageFixture.press(&state, .down, .character("j"))
        #expect(state.selection == 2)
        TriageFixture.press(&state, .character("G"))
        #expect(state.selection == last)
        #expect(state.listTop == last - state.layout.listRows + 1)
        TriageFixture.press(&state, .character("g"))
        #expect(state.selection == 0 && state.listTop == 0)
        TriageFixture.press(&state, .pageDown)
        #expect(state.selection == state.layout.listRows)
        TriageFixture.press(&state, .pageUp, .pageUp)
        #expect(state.selection == 0)
        TriageFixture.press(&state, .end, .home)
        #expect(state.selection == 0)
    }

    @Test func enterFocusesTheDetailWhereMovementScrollsAndEscGoesBack() {
        var state = TriageFixture.loaded(Size(width: 80, height: 16))
        TriageFixture.press(&state, .enter)
        #expect(state.focus == .detail && state.selection == 0)
        TriageFixture.press(&state, .down, .character("j"))
        #expect(state.detailScroll == 2 && state.selection == 0)
        TriageFixture.press(&state, .end)
        let bottom = state.detailScroll
        #expect(bottom > 2)
        TriageFixture.press(&state, .down)
        #expect(state.detailScroll == bottom, "scrolling stops at the end")
        TriageFixture.press(&state, .home)
        #expect(state.detailScroll == 0)
        TriageFixture.press(&state, .escape)
        #expect(state.focus == .list)
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
        let withThree = try #require(TriageFixture.pending.first { ($0.location?.translations.city.count ?? 0) >= 3 })
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
        let target = TriageFixture.pending[0]
        #expect(TriageFixture.press(&state, .character("a")).isEmpty)
        #expect(state.confirming == target.id)
        #expect(TriageFixture.press(&state, .character("y")) == [.accept(id: target.id)])
        #expect(state.confirming == nil && state.acceptsInFlight == [target.id] && state.wantsTicks)
        #expect(TriageFixture.press(&state, .character("a")).isEmpty, "a second a while in flight does nothing")
        #expect(state.confirming == nil)

        let accepted = TriageFixture.accepted(target)
        _ = Reducer.reduce(&state, .acceptFinished(id: target.id, .accepted(EngageResponse(value: accepted, correlationId: "c-42"))))
        #expect(state.acceptsInFlight.isEmpty && !state.wantsTicks)
        #expect(state.list[0] == accepted)
        #expect(state.banner == Banner(.success, "Accepted \(target.id) · \(TimeDisplay(timeZone: TriageFixture.options().timeZone).dateTime(target.start!)) · status ACCEPTED", detail: "correlation c-42"))
    }

    @Test func anyOtherKeyCancelsTheConfirmation() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("a"))
        #expect(TriageFixture.press(&state, .character("n")).isEmpty)
        #expect(state.confirming == nil && state.acceptsInFlight.isEmpty)
        #expect(state.banner == Banner(.info, "Accept cancelled."))
        TriageFixture.press(&state, .character("a"))
        TriageFixture.press(&state, .down)
        #expect(state.selection == 0, "the cancelling key does nothing else")
    }

    @Test func noConfirmSendsAtOnceAndReadOnlySendsNothing() {
        var quick = TriageFixture.loaded(size, options: TriageFixture.options(confirm: false))
        #expect(TriageFixture.press(&quick, .character("a")) == [.accept(id: TriageFixture.pending[0].id)])
        var readOnly = TriageFixture.loaded(size, options: TriageFixture.options(readOnly: true))
        #expect(TriageFixture.press(&readOnly, .character("a"), .character("y")).isEmpty)
        #expect(readOnly.banner?.text.hasPrefix("Read-only") == true)
    }

    @Test func refusedAcceptKeepsTheRowAndSaysWhy() {
        var state = TriageFixture.loaded(size)
        let target = TriageFixture.pending[0]
        TriageFixture.press(&state, .character("a"), .character("y"))
        let current = TriageFixture.accepted(target)
        _ = Reducer.reduce(&state, .acceptFinished(id: target.id, .rejected(TriageFixture.statusInvalid, current: current)))
        #expect(state.list[0].status == .accepted && state.list.count == TriageFixture.pending.count)
        #expect(state.banner == Banner(
            .error, "Already handled: this request is no longer pending (status ACCEPTED).",
            detail: "APPOINTMENT_STATUS_INVALID · correlation 8c1e2f3a-0000-4000-8000-000000000001"))
        TriageFixture.press(&state, .escape)
        #expect(state.banner == nil && state.focus == .list)
    }

    @Test func unknownOutcomesReportWhatTheServerSaysNow() {
        var state = TriageFixture.loaded(size)
        let target = TriageFixture.pending[0]
        let lost = EngageError(kind: .timeout, correlationId: "c-7", detail: "waited 30 seconds")
        _ = Reducer.reduce(&state, .acceptFinished(
            id: target.id, .unknown(lost, current: .success(EngageResponse(value: TriageFixture.accepted(target), correlationId: "c-8")))))
        #expect(state.banner?.kind == .success && state.list[0].status == .accepted)
        _ = Reducer.reduce(&state, .acceptFinished(id: target.id, .unknown(lost, current: .success(EngageResponse(value: target, correlationId: "c-9")))))
        #expect(state.banner?.kind == .error && state.banner?.text.contains("The server now says INCOMING_REQUEST") == true)
        _ = Reducer.reduce(&state, .acceptFinished(id: target.id, .unknown(lost, current: .failure(lost))))
        #expect(state.banner?.text.hasPrefix("The outcome of the accept is unknown") == true)
        #expect(state.banner?.detail == "correlation c-7")
    }

    // MARK: Everything else

    @Test func quitWaitsForAnAcceptOnItsWayOnce() {
        var state = TriageFixture.loaded(size)
        #expect(TriageFixture.press(&state, .character("q")) == [.quit])
        TriageFixture.press(&state, .character("a"), .character("y"))
        #expect(TriageFixture.press(&state, .character("q")).isEmpty)
        #expect(state.quitsWhenIdle && state.banner?.kind == .info)
        let target = TriageFixture.pending[0]
        #expect(Reducer.reduce(&state, .acceptFinished(id: target.id, .rejected(TriageFixture.statusInvalid, current: nil))) == [.quit])
        var impatient = TriageFixture.loaded(size)
        TriageFixture.press(&impatient, .character("a"), .character("y"), .character("q"))
        #expect(TriageFixture.press(&impatient, .character("q")) == [.quit])
    }

    @Test func helpRedrawTickAndResize() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("?"))
        #expect(state.showsHelp)
        TriageFixture.press(&state, .down)
        #expect(state.showsHelp && state.selection == 0, "keys do not reach the list under the help")
        TriageFixture.press(&state, .escape)
        #expect(!state.showsHelp)
        #expect(TriageFixture.press(&state, .control("l")) == [.redraw])
        _ = Reducer.reduce(&state, .tick)
        #expect(state.spinnerFrame == 1)

        TriageFixture.press(&state, .character("G"))
        _ = Reducer.reduce(&state, .resized(Size(width: 120, height: 40)))
        #expect(state.layout.isSideBySide)
        #expect(state.selection >= state.listTop && state.selection < state.listTop + state.layout.listRows)
        _ = Reducer.reduce(&state, .resized(Size(width: 50, height: 10)))
        #expect(state.layout.isTooSmall)
        #expect(TriageFixture.press(&state, .down, .character("a")).isEmpty)
        #expect(TriageFixture.press(&state, .character("q")) == [.quit])
    }
}
