import EngageContract
import EngageSandbox
import Foundation
import Testing
import TriageCore

/// How the reducer asks for names: what is on screen first, the rest in full batches in the
/// background, every id once, and the ids shown where the tenant will not name them.
@Suite("Names", .timeLimit(.minutes(1)))
struct NameResolutionTests {
    private let size = Size(width: 80, height: 24)

    /// A large list: `count` pending requests of the sandbox's kind (seed 7).
    private func bigList(_ count: Int) -> [Appointment] {
        SandboxSeeder(seed: 7, count: count * 2, referenceDate: TriageFixture.referenceDate).appointments()
            .filter { $0.status == .incomingRequest }.prefix(count).map { $0 }
    }

    private func requests(_ effects: [Effect]) -> [NameRequest] { effects.compactMap(TriageFixture.nameRequest) }

    @Test func theRowsOnScreenAreAskedForFirstAndTheRestInFullBatchesBehindThem() throws {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        let rows = bigList(400)
        let first = requests(Reducer.reduce(&state, .pageLoaded(generation: 1, TriageFixture.pages(rows, size: 100)[0])))
        let visible = first.filter(\.isVisible)
        let onScreen = (0..<state.layout.listRows).map { state.row(at: $0) }
        // One request per customer on screen, one batch per batched kind, all of them visible.
        let customers = Set(onScreen.compactMap { $0.customer?.participant.id })
        #expect(Set(visible.filter { $0.kind == .customer }.flatMap(\.ids)) == customers)
        #expect(visible.filter { $0.kind == .customer }.allSatisfy { $0.ids.count == 1 })
        for kind in [NameKind.subject, .office] {
            let batches = visible.filter { $0.kind == kind }
            #expect(batches.count == 1, "\(kind): one batch for the screen")
            #expect(Set(batches.flatMap(\.ids)) == Set(onScreen.map { kind == .subject ? $0.subject.id : $0.office.id }))
        }
        // Background requests come after them, never more than two at once.
        let background = first.filter { !$0.isVisible }
        #expect(background.count <= NameBook.maxBackgroundRequests)
        #expect(first.firstIndex { !$0.isVisible }.map { $0 >= visible.count } ?? true, "visible ones first")
    }

    @Test func everyIdIsAskedForOnceAndBatchesAreFull() throws {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        let rows = bigList(3_000)
        let effects = TriageFixture.reload(&state, with: rows, pageSize: 100)
        let answered = TriageFixture.answerNames(&state, effects)
        var asked: [NameKey: Int] = [:]
        for request in answered { for id in request.ids { asked[NameKey(request.kind, id), default: 0] += 1 } }
        #expect(asked.values.allSatisfy { $0 == 1 }, "no id asked for twice")
        let employees = Set(rows.compactMap { $0.primaryEmployee?.participant.id })
        let customers = Set(rows.compactMap { $0.customer?.participant.id })
        #expect(employees.isSubset(of: Set(asked.keys.filter { $0.kind == .employee }.map(\.id))))
        #expect(customers.isSubset(of: Set(asked.keys.filter { $0.kind == .customer }.map(\.id))))
        // The background's batches are full but for the last of each kind.
        for kind in [NameKind.employee] {
            let batches = answered.filter { $0.kind == kind && !$0.isVisible }.map(\.ids.count)
            #expect(batches.dropLast().allSatisfy { $0 == NameRequest.batchLimit }, "\(kind) batches: \(batches)")
        }
        // Everything named: no row shows an id where the directory has a name.
        for row in rows.prefix(200) {
            if let customer = row.customer, let name = SandboxDirectory.customer(id: customer.participant.id)?.displayName {
                #expect(state.names.name(.customer, customer.participant.id)?.text == name.text)
            }
        }
        #expect(state.names.requestsSent == answered.count)
        // Scrolling over named rows asks only for what the selected one's details name besides
        // (a second customer, who changed it), and nothing twice.
        let more = requests(TriageFixture.press(&state, .pageDown, .pageDown, .end))
        for request in more { for id in request.ids { #expect(asked[NameKey(request.kind, id)] == nil, "\(id) asked again") } }
        #expect(more.count <= 6)
    }

    @Test func idsAreShownDimmedUntilTheirNamesArriveThenTheNames() throws {
        var state = TriageFixture.loaded(size, names: false)
        // The second row: the first is drawn selected.
        let second = TriageFixture.pending[1]
        var screen = Renderer.render(state)
        let customerID = try #require(second.customer?.participant.id)
        let line = screen.line(3)
        let column = try #require(line.range(of: customerID).map { line.distance(from: line.startIndex, to: $0.lowerBound) })
        #expect(screen[3, column].style == .muted)
        _ = Reducer.reduce(&state, .namesResolved(
            NameRequest(kind: .customer, ids: [customerID], isVisible: true),
            .success([customerID: Name("Amélie Dubois")])))
        screen = Renderer.render(state)
        #expect(screen.line(3).contains("Amélie Dubois") && !screen.line(3).contains(customerID))
    }

    @Test func aForbiddenKindIsShownAsIdsLoggedOnceAndNotAskedForAgain() throws {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        let effects = TriageFixture.reload(&state, with: TriageFixture.pending)
        let forbidden = EngageError(kind: .forbidden, httpStatus: 403, correlationId: "c-403")
        let pendingCustomers = requests(effects).filter { $0.kind == .customer }
        #expect(!pendingCustomers.isEmpty)
        var logs: [String] = []
        for request in pendingCustomers {
            for effect in Reducer.reduce(&state, .namesResolved(request, .failure(forbidden))) {
                if case .log(let line) = effect { logs.append(line) }
            }
        }
        #expect(logs == ["Names of customers are not shown (ids are): the token lacks engage:customers:readOnly (HTTP 403)."])
        #expect(state.banner == nil, "never an error banner")
        #expect(state.names.unavailable[.customer] != nil)
        #expect(Renderer.render(state).line(2).contains(TriageFixture.pending[0].customer!.participant.id))
        let more = requests(TriageFixture.press(&state, .pageDown, .pageDown))
        #expect(!more.contains { $0.kind == .customer })
    }

    @Test func aMissingOfficesEndpointMeansNoOfficeNamesAndAMissingCustomerOnlyThatOne() throws {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        let effects = TriageFixture.reload(&state, with: TriageFixture.pending)
        let notFound = EngageError(kind: .notFound, httpStatus: 404)
        for request in requests(effects) where request.kind == .office || request.ids == ["53998"] {
            _ = Reducer.reduce(&state, .namesResolved(request, .failure(notFound)))
        }
        #expect(state.names.unavailable[.office] != nil)
        #expect(state.names.unavailable[.customer] == nil)
        #expect(state.names.entries[NameKey(.customer, "53998")] == NameBook.Entry.none)
    }

    @Test func aFailedRequestLeavesIdsAndIsAskedAgainOnlyAfterAReload() throws {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        let effects = TriageFixture.reload(&state, with: TriageFixture.pending)
        let timeout = EngageError(kind: .timeout)
        let subjects = try #require(requests(effects).first { $0.kind == .subject })
        _ = Reducer.reduce(&state, .namesResolved(subjects, .failure(timeout)))
        #expect(!requests(TriageFixture.press(&state, .down, .up)).contains { $0.kind == .subject && $0.isVisible })
        let again = requests(TriageFixture.press(&state, .character("r")) + TriageFixture.reload(&state, with: TriageFixture.pending))
        #expect(again.contains { $0.kind == .subject && Set($0.ids).isSuperset(of: subjects.ids) })
    }

    @Test func theDetailsAskForTranslatedNamesInTheLanguageLPicksAndFallBackWhereThereIsNone() throws {
        var state = TriageFixture.loaded(size)
        // A request whose subject has a Japanese name and whose location (if any) has Japanese.
        let target = try #require(TriageFixture.pending.first { appointment in
            SandboxDirectory.subjects[appointment.subject.id]?.contains { $0.language == .ja } == true
                && SandboxDirectory.offices[appointment.office.id]?.contains { $0.language == .ja } != true
                && (appointment.location.map { AppointmentDetail(time: TimeDisplay(timeZone: .utc)).languages(in: $0.translations).contains(.ja) } ?? true)
        })
        try TriageFixture.select(&state, id: target.id)
        TriageFixture.press(&state, .enter)
        var asked: [Effect] = []
        for _ in 0..<Language.documentedValues.count where state.language != .ja {
            asked += TriageFixture.press(&state, .character("L"))
        }
        #expect(state.language == .ja)
        let japanese = requests(asked).filter { $0.language == .ja }
        #expect(japanese.contains { $0.kind == .subject && $0.ids == [target.subject.id] })
        TriageFixture.answerNames(&state, asked)
        let overview = DetailLines(target, tab: .overview, state: state).lines.map(\.value)
        let subject = try #require(SandboxDirectory.subject(id: target.subject.id, languages: [.ja])?.name?.value)
        #expect(overview.contains("\(subject) (\(target.subject.id))"), "\(overview)")
        // The office has no Japanese name: the session language's stays.
        let office = try #require(SandboxDirectory.office(id: target.office.id, languages: [.en])?.name?.value)
        #expect(overview.contains("\(office) (\(target.office.id))"), "\(overview)")
    }

    @Test func namesFromTheServerAreSanitisedOnTheWayIn() {
        var state = TriageFixture.loaded(size)
        let hostile = TriageFixture.pending.first { $0.subject.id == "310" }!
        let name = state.names.name(.subject, hostile.subject.id)!.text
        #expect(!name.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        _ = Reducer.reduce(&state, .namesResolved(
            NameRequest(kind: .employee, ids: ["9"], isVisible: true), .success(["9": Name("Eve\u{1B}]0;x\u{07}", detail: "\u{202E}x")])))
        #expect(state.names.name(.employee, "9")?.text.contains("\u{1B}") == false)
        #expect(state.names.name(.employee, "9")?.detail?.contains("\u{202E}") == false)
    }

    @Test func cachedNamesNeverIncludeCustomersAndAreNotAskedForAgain() {
        let book = NameBook(cached: [NameKey(.subject, "306"): .named(Name("Mortgage advice")), NameKey(.customer, "53998"): .named(Name("Amélie"))])
        #expect(book.name(.subject, "306")?.text == "Mortgage advice")
        #expect(book.name(.customer, "53998") == nil)
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        state.names = book
        _ = Reducer.reduce(&state, .start)
        let asked = requests(TriageFixture.reload(&state, with: TriageFixture.pending))
        #expect(!asked.contains { $0.kind == .subject && $0.ids.contains("306") })
    }
}

extension NameResolutionTests {
    @Test func scrollingOnCancelsTheRequestsForNamesThatLeftTheScreenAndAsksForTheNewOnesFirst() throws {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        let rows = bigList(400)
        let first = requests(Reducer.reduce(&state, .pageLoaded(generation: 1, TriageFixture.pages(rows, size: 100)[0])))
        let onFirstScreen = first.filter { $0.isVisible && $0.kind == .customer }
        #expect(!onFirstScreen.isEmpty)
        // Three pages on before any answer came: the first screens' customers are not on screen.
        let passing = TriageFixture.press(&state, .pageDown, .pageDown)
        let effects = TriageFixture.press(&state, .pageDown)
        let cancelled: [NameRequest] = (passing + effects).compactMap { effect in
            if case .cancel(.names(let request)) = effect { request } else { nil }
        }
        #expect(Set(cancelled.filter { $0.kind == .customer }).isSuperset(of: onFirstScreen))
        let onScreen = Set(state.visibleNameKeys)
        #expect(!cancelled.contains { request in
            request.ids.contains { onScreen.contains(NameKey(request.kind, $0, language: request.language)) }
        }, "nothing on screen is cancelled")
        let asked = requests(effects).filter(\.isVisible)
        #expect(!asked.isEmpty && asked.allSatisfy { request in
            request.ids.contains { onScreen.contains(NameKey(request.kind, $0, language: request.language)) }
        })
        // A cancelled request's ids are asked for again when they come back into view.
        for request in cancelled {
            _ = Reducer.reduce(&state, .namesResolved(request, .failure(EngageError(kind: .cancelled))))
        }
        let back = requests(TriageFixture.press(&state, .home))
        #expect(Set(back.filter { $0.kind == .customer }.flatMap(\.ids)).isSuperset(of: onFirstScreen.flatMap(\.ids)))
    }
}
