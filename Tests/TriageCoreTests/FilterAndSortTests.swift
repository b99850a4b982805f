import EngageContract
import EngageSandbox
import Foundation
import Testing
@testable import TriageCore

/// `/` filters as typed (case and accents aside), `s`/`S` sort; the cursor stays on its request.
@Suite("Filter and sort", .timeLimit(.minutes(1)))
struct FilterAndSortTests {
    private let size = Size(width: 80, height: 24)
    private var pending: [Appointment] { TriageFixture.pending }

    private func type(_ state: inout AppState, _ text: String) {
        for character in text { TriageFixture.press(&state, .character(character)) }
    }

    /// What a row offers the filter, worked out here from the sandbox's directory.
    private func searchable(_ appointment: Appointment) -> [String] {
        var texts = [appointment.id, appointment.internalNotes ?? "", appointment.location?.city?.value ?? ""]
        texts += appointment.answers.compactMap(\.value)
        if let customer = appointment.customer.flatMap({ SandboxDirectory.customer(id: $0.participant.id)?.displayName }) {
            texts += [customer.text, customer.detail ?? ""]
        }
        texts.append(SandboxDirectory.subject(id: appointment.subject.id, languages: [.en])?.displayName?.text ?? appointment.subject.id)
        texts.append(SandboxDirectory.office(id: appointment.office.id, languages: [.en])?.displayName?.text ?? appointment.office.id)
        return texts
    }

    private func matching(_ needle: String) -> [String] {
        pending.filter { appointment in
            searchable(appointment).contains { $0.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }.map(\.id)
    }

    @Test func slashFiltersAsTypedWithoutCaseOrAccentsAndTheHeaderSaysHowMany() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("/"))
        #expect(state.modes.current == .filter)
        type(&state, "DUBOIS")
        let dubois = matching("dubois")
        #expect(dubois.count > 1 && dubois.count < pending.count)
        #expect(TriageFixture.ids(state) == dubois, "in the list's order, nothing else")
        #expect(Renderer.render(state).line(0).contains("\(dubois.count) of \(pending.count) · /DUBOIS"))
        for _ in 0..<6 { TriageFixture.press(&state, .backspace) }
        #expect(TriageFixture.ids(state) == pending.map(\.id), "an empty filter shows everything")
        type(&state, "amelie")
        #expect(TriageFixture.ids(state) == matching("amélie") && TriageFixture.ids(state).contains("1001"))
        // Enter keeps it and hands the keys back to the list; Esc in the line clears it.
        TriageFixture.press(&state, .enter)
        #expect(state.modes.current == .list && state.view.isFiltered)
        TriageFixture.press(&state, .character("j"))
        #expect(state.view.isFiltered, "j moves in the filtered list, it is not typed")
        TriageFixture.press(&state, .character("/"), .escape)
        #expect(state.modes.current == .list && !state.view.isFiltered && state.filterText.isEmpty)
        #expect(state.view.count == pending.count)
    }

    @Test func theFilterLooksAtNotesAnswersCityOfficeAndTheId() throws {
        var state = TriageFixture.loaded(size)
        let noted = try #require(pending.first { ($0.internalNotes ?? "").contains("prefers mornings") })
        TriageFixture.press(&state, .character("/"))
        type(&state, "PREFERS MORNINGS")
        #expect(TriageFixture.ids(state).contains(noted.id) && TriageFixture.ids(state) == matching("prefers mornings"))
        TriageFixture.press(&state, .escape, .character("/"))
        type(&state, "1042")
        #expect(TriageFixture.ids(state) == ["1042"])
        TriageFixture.press(&state, .escape, .character("/"))
        let cities = pending.compactMap { $0.location?.city?.value }
        let city = try #require(cities.first)
        type(&state, city)
        #expect(!TriageFixture.ids(state).isEmpty && TriageFixture.ids(state) == matching(city))
    }

    @Test func theCursorStaysOnItsRequestWhileItMatchesAndGoesToTheNextWhenHidden() throws {
        var state = TriageFixture.loaded(size)
        try TriageFixture.select(&state, id: "1001")
        let row = state.cursorRow
        TriageFixture.press(&state, .character("/"))
        type(&state, "dub")
        #expect(state.selectedID == "1001", "Amélie Dubois still matches")
        type(&state, "zzz")
        #expect(state.view.isEmpty && Renderer.render(state).text.contains("0 of \(pending.count)"))
        #expect(Renderer.render(state).text.contains("No request matches /dubzzz. Esc clears the filter."))
        for _ in 0..<3 { TriageFixture.press(&state, .backspace) }
        #expect(state.selectedID == "1001" && state.cursorRow == row)
        // A filter that hides the selection selects the first match after it in the order;
        // Enter keeps that, Esc (never mind) goes back to where the cursor was.
        TriageFixture.press(&state, .escape, .character("/"))
        type(&state, "savings")
        let savings = matching("savings")
        let next = try #require(savings.first { Int($0)! > 1001 })
        #expect(state.selectedID == next)
        TriageFixture.press(&state, .escape)
        #expect(state.selectedID == "1001" && !state.view.isFiltered)
        TriageFixture.press(&state, .character("/"))
        type(&state, "savings")
        TriageFixture.press(&state, .enter, .escape)
        #expect(state.selectedID == "1001", "Esc in the list clears it the same way")
        TriageFixture.press(&state, .character("/"))
        type(&state, "savings")
        TriageFixture.press(&state, .enter, .character("j"), .character("/"), .enter)
        #expect(state.view.isFiltered && state.selectedID != "1001")
    }

    @Test func marksFollowTheirRequestsThroughFilterChanges() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character(" "), .character(" "))
        TriageFixture.press(&state, .character("/"))
        type(&state, "dubois")
        TriageFixture.press(&state, .enter, .character("*"))
        let dubois = Set(matching("dubois"))
        #expect(state.store.markedCount == dubois.union([pending[0].id, pending[1].id]).count, "* marks what the filter shows")
        TriageFixture.press(&state, .escape)
        #expect(!state.view.isFiltered, "Esc in the list clears the filter")
        let marked = Set(state.store.markedSlots.map { state.store[$0].id })
        #expect(marked == dubois.union([pending[0].id, pending[1].id]))
    }

    @Test func aNameThatArrivesLaterIsFound() {
        var state = TriageFixture.state(size: size)
        _ = Reducer.reduce(&state, .start)
        let asked = TriageFixture.reload(&state, with: pending)
        TriageFixture.press(&state, .character("/"))
        type(&state, "amélie")
        #expect(state.view.isEmpty, "no names yet: nobody is called Amélie")
        TriageFixture.answerNames(&state, asked)
        #expect(TriageFixture.ids(state) == matching("amélie") && TriageFixture.ids(state).contains("1001"))
    }

    /// The filter hides rows whose names were asked for on screen: those requests are cancelled
    /// before their turn, and the background asks again, so the names still arrive and match.
    @Test func namesCancelledByTheFilterAreAskedForAgainAndMatch() {
        var state = TriageFixture.state(size: size)
        _ = Reducer.reduce(&state, .start)
        var effects = TriageFixture.reload(&state, with: pending)
        effects += TriageFixture.press(&state, .character("/"))
        for character in "dubois" { effects += TriageFixture.press(&state, .character(character)) }
        var cancelled = 0
        var rounds = 0
        while !effects.isEmpty, rounds < 10_000 {
            rounds += 1
            let effect = effects.removeFirst()
            switch effect {
            case .cancel(.names(let request)):
                cancelled += 1
                effects += Reducer.reduce(&state, .namesResolved(request, .failure(EngageError(kind: .cancelled))))
            case .resolveNames(let request):
                if effects.contains(.cancel(.names(request))) { continue }
                let names = SandboxDirectory.names(for: request, sessionLanguage: .en)
                effects += Reducer.reduce(&state, .namesResolved(request, .success(names)))
            default:
                continue
            }
        }
        #expect(cancelled > 0, "the filter took rows off screen before their names came")
        #expect(TriageFixture.ids(state) == matching("dubois"), "every Dubois found once named")
    }

    @Test func sCyclesTheKeysAndCapitalSReversesWithTheCursorOnItsRequest() throws {
        var state = TriageFixture.loaded(size, options: TriageFixture.options(sortOrder: TriageCore.SortOrder()))
        #expect(Renderer.render(state).line(0).contains("soonest first"))
        let byStart = pending.filter { $0.start != nil }.sorted { ($0.start!, $0.id) < ($1.start!, $1.id) }.map(\.id)
            + pending.filter { $0.start == nil }.map(\.id).sorted()
        #expect(TriageFixture.ids(state) == byStart, "the default: start soonest first, no time yet last")
        try TriageFixture.select(&state, id: "1001")
        let row = state.cursorRow

        TriageFixture.press(&state, .character("s"))
        #expect(state.view.order == TriageCore.SortOrder(.waiting) && state.selectedID == "1001" && state.cursorRow == row)
        #expect(TriageFixture.ids(state) == pending.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map(\.id))
        #expect(Renderer.render(state).line(0).contains("waited longest first"))

        TriageFixture.press(&state, .character("s"))
        func customer(_ id: String) -> String? {
            state.names.name(.customer, state.store.appointment(id: id)!.customer!.participant.id).map { FoldedText.fold($0.text) }
        }
        let named = pending.map(\.id).filter { customer($0) != nil }
        let unnamed = pending.map(\.id).filter { customer($0) == nil }
        #expect(!named.isEmpty && !unnamed.isEmpty)
        let byCustomer = named.sorted { (customer($0)!, $0) < (customer($1)!, $1) } + unnamed.sorted()
        #expect(TriageFixture.ids(state) == byCustomer && state.selectedID == "1001")
        TriageFixture.press(&state, .character("S"))
        #expect(TriageFixture.ids(state) == named.sorted { (customer($0)!, $0) > (customer($1)!, $1) } + unnamed.sorted(by: >),
                "Z-A, and those without a name still last")
        #expect(Renderer.render(state).line(0).contains("customer Z-A"))

        TriageFixture.press(&state, .character("s"), .character("s"))
        #expect(state.view.order == TriageCore.SortOrder(.office))
        // Ties keep a stable order: by id within each office.
        let offices = TriageFixture.ids(state).map { state.store.appointment(id: $0)!.office.id }
        let runs = Dictionary(grouping: TriageFixture.ids(state)) { state.store.appointment(id: $0)!.office.id }
        #expect(runs.values.allSatisfy { $0 == $0.sorted() } && Set(offices).count > 1)

        TriageFixture.press(&state, .character("s"), .character("S"))
        #expect(state.view.order == TriageCore.SortOrder(.start, ascending: false))
        let latestFirst = pending.filter { $0.start != nil }.sorted { ($0.start!, $0.id) > ($1.start!, $1.id) }.map(\.id)
            + pending.filter { $0.start == nil }.map(\.id).sorted(by: >)
        #expect(TriageFixture.ids(state) == latestFirst, "latest first, and no time yet still last")
        #expect(state.selectedID == "1001")
    }

    @Test func aSortByNameMovesARowWhenItsNameArrives() {
        var state = TriageFixture.state(options: TriageFixture.options(sortOrder: TriageCore.SortOrder(.customer)), size: size)
        _ = Reducer.reduce(&state, .start)
        let asked = TriageFixture.reload(&state, with: pending)
        #expect(TriageFixture.ids(state) == pending.map(\.id), "no names yet: in id order")
        let selected = state.selectedID
        TriageFixture.answerNames(&state, asked)
        let named = TriageFixture.ids(state).map { id in
            state.names.name(.customer, state.store.appointment(id: id)!.customer!.participant.id).map { FoldedText.fold($0.text) }
        }
        #expect(named.compactMap { $0 } == named.compactMap { $0 }.sorted(), "in name order once named")
        #expect(named.first != nil && state.selectedID == selected)
    }
}
