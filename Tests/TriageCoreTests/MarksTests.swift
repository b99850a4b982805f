import EngageContract
import Foundation
import Testing
import TriageCore

/// Marks (Space, `*`, `U`) and the accept of every marked request (`A`).
@Suite("Marks and bulk accept", .timeLimit(.minutes(1)))
struct MarksTests {
    private let size = Size(width: 80, height: 24)
    private var pending: [Appointment] { TriageFixture.pending }

    private func markedIDs(_ state: AppState) -> [String] {
        state.store.markedSlots.map { state.store[$0].id }.sorted()
    }

    @Test func spaceMarksAndMovesOnStarMarksTheListUClears() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character(" "), .character(" "))
        #expect(markedIDs(state) == [pending[0].id, pending[1].id].sorted())
        #expect(state.selectedID == pending[2].id, "Space moves on")
        TriageFixture.press(&state, .up, .character(" "))
        #expect(markedIDs(state) == [pending[0].id], "Space again unmarks")
        let screen = Renderer.render(state)
        #expect(screen.line(0).contains("41 loaded · 1 marked · "))
        #expect(screen.line(2).hasPrefix("● \(pending[0].id)") && screen.line(3).hasPrefix("  \(pending[1].id)"))
        TriageFixture.press(&state, .character("*"))
        #expect(state.store.markedCount == pending.count)
        TriageFixture.press(&state, .character("U"))
        #expect(state.store.markedCount == 0 && !Renderer.render(state).line(0).contains("marked"))
        // In the details Space marks the request shown, and stays on it.
        TriageFixture.press(&state, .enter, .character(" "))
        #expect(markedIDs(state) == [state.selectedID!] && state.modes.current == .details)
    }

    @Test func marksFollowTheirRequestsThroughAReload() {
        var state = TriageFixture.loaded(size)
        for _ in 0..<3 { TriageFixture.press(&state, .character(" ")) }
        // The first one was handled elsewhere: it leaves the list and its mark with it.
        TriageFixture.press(&state, .character("r"))
        TriageFixture.reload(&state, with: Array(pending.dropFirst()))
        #expect(markedIDs(state) == [pending[1].id, pending[2].id].sorted())
        #expect(state.store.markedCount == 2)
    }

    @Test func nothingMarkedOrReadOnlySaysSo() {
        var state = TriageFixture.loaded(size)
        #expect(TriageFixture.press(&state, .character("A")).isEmpty)
        #expect(state.banner?.text.hasPrefix("Nothing is marked: Space marks the selected request, * every one") == true)
        var readOnly = TriageFixture.loaded(size, options: TriageFixture.options(readOnly: true))
        TriageFixture.press(&readOnly, .character("*"))
        #expect(TriageFixture.press(&readOnly, .character("A")).isEmpty && readOnly.banner?.text.hasPrefix("Read-only") == true)
    }

    @Test func oneQuestionThenOneAcceptEachThenTheResultsWithTheFailedStillMarked() throws {
        var state = TriageFixture.loaded(size)
        let (good, taken, lost) = (pending[0], pending[1], pending[2])
        TriageFixture.press(&state, .character(" "), .character(" "), .character(" "))
        #expect(TriageFixture.press(&state, .character("A")).isEmpty)
        let question = Renderer.render(state).line(state.layout.messageRow)
        #expect(question.hasPrefix(" Accept 3 requests: \(good.id) Amélie Dubois, \(taken.id) "), "\(question)")
        #expect(question.hasSuffix("? y/N"))
        let effects = TriageFixture.press(&state, .character("y"))
        #expect(effects == [.write(id: good.id, .accept), .write(id: taken.id, .accept), .write(id: lost.id, .accept)])
        #expect(state.banner?.text == "Accepting · 0 of 3 done")

        _ = Reducer.reduce(&state, .writeFinished(id: good.id, .accept, .done(EngageResponse(value: TriageFixture.accepted(good), correlationId: "c-1"))))
        _ = Reducer.reduce(&state, .writeFinished(id: lost.id, .accept, .unknown(
            EngageError(kind: .timeout, correlationId: "c-3"), current: .failure(EngageError(kind: .timeout)))))
        #expect(state.banner?.text == "Accepting · 2 of 3 done · 1 failed", "progress, not a banner per accept")
        #expect(state.modes.current == .list, "the screen stays usable meanwhile")
        _ = Reducer.reduce(&state, .writeFinished(id: taken.id, .accept, .rejected(TriageFixture.statusInvalid, current: TriageFixture.accepted(taken))))

        #expect(state.bulk == nil)
        #expect(state.banner?.text == "Accepted 1 of 3 · 1 already handled · 1 failed")
        #expect(state.modes.current == .bulkResults(scroll: 0))
        #expect(markedIDs(state) == [lost.id], "the failed one stays marked for a retry")
        let results = Renderer.render(state).text
        #expect(results.contains("Failed (still marked): 1") && results.contains("Already handled: 1") && results.contains("Accepted: 1"))
        #expect(results.contains("c-3"), "the correlation id of the failed one")
        TriageFixture.press(&state, .escape)
        #expect(state.modes.current == .list)
        // A retry asks for the failed one only.
        TriageFixture.press(&state, .character("A"))
        #expect(state.modes.current == .confirmMarked(ids: [lost.id]))
    }

    @Test func markedRequestsThatAreNotPendingAreLeftOut() {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character(" "), .character(" "))
        _ = Reducer.reduce(&state, .writeFinished(id: pending[0].id, .accept, .done(EngageResponse(value: TriageFixture.accepted(pending[0]), correlationId: "c"))))
        TriageFixture.press(&state, .character("A"))
        #expect(state.modes.current == .confirmMarked(ids: [pending[1].id]))
    }
}
