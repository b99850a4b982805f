import EngageAPI
import Foundation
import EngageSandbox
import Testing
import TriageCore

/// Every screen the issue names, at 80x24 and 120x40, compared as text with `Snapshots/`.
@Suite("Screens", .timeLimit(.minutes(2)))
struct ScreenSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    private func name(_ base: String, _ size: Size) -> String { "\(base)-\(size)" }

    @Test(arguments: sizes)
    func list(size: Size) throws {
        try assertSnapshot(Renderer.render(TriageFixture.loaded(size)), named: name("list", size))
    }

    @Test(arguments: sizes)
    func listWhileLoading(size: Size) throws {
        var state = TriageFixture.state(options: TriageFixture.options(), size: size)
        _ = Reducer.reduce(&state, .start)
        _ = Reducer.reduce(&state, .pageLoaded(generation: 1, TriageFixture.pages(TriageFixture.pending)[0]))
        try assertSnapshot(Renderer.render(state), named: name("loading", size))
    }

    @Test(arguments: sizes)
    func everyDetailSection(size: Size) throws {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .enter)
        for tab in DetailTab.allCases {
            TriageFixture.press(&state, .character(Character(String(tab.rawValue + 1))))
            try assertSnapshot(Renderer.render(state), named: name("detail-\(tab.title.lowercased())", size))
        }
    }

    @Test(arguments: sizes)
    func confirmation(size: Size) throws {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("a"))
        try assertSnapshot(Renderer.render(state), named: name("confirm", size))
    }

    @Test(arguments: sizes)
    func acceptInFlightSpinsOnItsRow(size: Size) throws {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .down, .character("a"), .character("y"))
        let screen = Renderer.render(state)
        #expect(screen.line(3).hasPrefix("⠋"))
        #expect(!screen.line(2).hasPrefix("⠋"))
    }

    @Test(arguments: sizes)
    func successBanner(size: Size) throws {
        var state = TriageFixture.loaded(size)
        let target = TriageFixture.pending[0]
        TriageFixture.press(&state, .character("a"), .character("y"))
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .done(EngageResponse(
            value: TriageFixture.accepted(target), correlationId: "d884da1f-5a6b-464c-8a21-7f8d5ef9e1fb"))))
        let screen = Renderer.render(state)
        try assertSnapshot(screen, named: name("banner-success", size))
        let row = state.layout.messageRow
        #expect(screen[row, 1].style == .bannerSuccess)
    }

    @Test(arguments: sizes)
    func errorBanner(size: Size) throws {
        var state = TriageFixture.loaded(size)
        let target = TriageFixture.pending[0]
        TriageFixture.press(&state, .character("a"), .character("y"))
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .rejected(TriageFixture.statusInvalid, current: TriageFixture.accepted(target))))
        let screen = Renderer.render(state)
        try assertSnapshot(screen, named: name("banner-error", size))
        #expect(screen[state.layout.messageRow, 1].style == .bannerError)
    }

    @Test(arguments: sizes)
    func helpOverlay(size: Size) throws {
        var state = TriageFixture.loaded(size)
        TriageFixture.press(&state, .character("?"))
        try assertSnapshot(Renderer.render(state), named: name("help", size))
    }

    @Test(arguments: sizes, [Language.ja, Language.el])
    func japaneseAndGreekLocations(size: Size, language: Language) throws {
        var state = TriageFixture.loaded(size)
        let appointment = try #require(TriageFixture.pending.first {
            $0.location?.translations.city.contains { $0.language == language } == true
        })
        try TriageFixture.select(&state, id: appointment.id)
        TriageFixture.press(&state, .enter, .character("3"))
        while state.language != language { TriageFixture.press(&state, .character("L")) }
        let screen = Renderer.render(state)
        try assertSnapshot(screen, named: name("location-\(language)", size))
        // Wide characters take two cells: the text of every line still fits the terminal's width.
        for row in 0..<screen.height { #expect(DisplayWidth.of(screen.line(row)) <= size.width) }
    }

    /// Subject and office names in a session in Japanese or Greek: wide characters truncated by
    /// display width, names the tenant has not translated shown as their ids.
    @Test(arguments: sizes, [Language.ja, Language.el])
    func namesInTheSessionLanguage(size: Size, language: Language) throws {
        var options = TriageFixture.options()
        options.preferredLanguage = language
        var state = TriageFixture.loaded(size, options: options)
        let appointment = try #require(TriageFixture.pending.first { SandboxDirectory.subjects[$0.subject.id]?
            .contains { $0.language == language } == true })
        try TriageFixture.select(&state, id: appointment.id)
        let screen = Renderer.render(state)
        try assertSnapshot(screen, named: name("names-\(language)", size))
        let subject = try #require(SandboxDirectory.subjects[appointment.subject.id]?.first { $0.language == language })
        #expect(screen.text.contains(String(subject.value.prefix(3))))
        for row in 0..<screen.height { #expect(DisplayWidth.of(screen.line(row)) <= size.width) }
    }

    @Test(arguments: sizes)
    func hostileServerText(size: Size) throws {
        var state = TriageFixture.loaded(size)
        let hostile = try #require(TriageFixture.pending.first { $0.internalNotes?.contains("\u{1B}") == true })
        try TriageFixture.select(&state, id: hostile.id)
        TriageFixture.press(&state, .enter)
        let screen = Renderer.render(state)
        try assertSnapshot(screen, named: name("hostile", size))
        let controls = screen.cells.flatMap { screen.text(of: $0).unicodeScalars }.filter {
            $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || (0x202A...0x202E).contains($0.value)
        }
        #expect(controls.isEmpty)
    }

    @Test func tooSmall() throws {
        try assertSnapshot(Renderer.render(TriageFixture.loaded(Size(width: 59, height: 14))), named: "too-small-59x14")
    }

    @Test func asciiFallbackDrawsOnlyASCII() throws {
        var state = TriageFixture.loaded(Size(width: 120, height: 40), options: {
            var options = TriageFixture.options()
            options.asciiOnly = true
            return options
        }())
        let appointment = try #require(TriageFixture.pending.first { $0.location?.city?.language == .ja })
        try TriageFixture.select(&state, id: appointment.id)
        TriageFixture.press(&state, .character("3"))
        let screen = Renderer.render(state)
        #expect(screen.cells.allSatisfy { screen.text(of: $0).unicodeScalars.allSatisfy(\.isASCII) && !$0.isContinuation })
        try assertSnapshot(screen, named: "ascii-120x40")
    }

    @Test func anASCIIScreenKeepsTheBaseLettersOfAccentedOnes() {
        var screen = Screen(width: 40, height: 1)
        screen.write("Marché aux Grains · Ærø Straße 東京", row: 0, column: 0)
        #expect(Glyphs.asciiOnly(screen).line(0) == "Marche aux Grains - Aro Strase ????")
    }

    @Test func selectionAndBadgesCarryTheirStyles() {
        var state = TriageFixture.loaded(Size(width: 120, height: 40))
        let target = TriageFixture.pending[1]
        _ = Reducer.reduce(&state, .writeFinished(id: target.id, .accept, .done(EngageResponse(
            value: TriageFixture.accepted(target), correlationId: "c"))))
        let screen = Renderer.render(state)
        let statusColumn = screen.line(1).range(of: "STATUS").map { screen.line(1).distance(from: screen.line(1).startIndex, to: $0.lowerBound) }!
        #expect(screen[2, 0].style == .selected && screen[2, statusColumn].style == .selected)
        #expect(screen[3, statusColumn].style == .badgeAccepted)
        #expect(screen[4, statusColumn].style == .badgePending)
        #expect(screen[0, 0].style == .title && screen[39, 0].style == .statusBar)
    }
}
