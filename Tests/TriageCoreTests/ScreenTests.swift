import Testing
@testable import TriageCore

/// The cell grid itself: characters of one or several scalars, wide characters, comparison.
@Suite("Screen", .timeLimit(.minutes(2)))
struct ScreenTests {
    @Test func charactersOfSeveralScalarsKeepTheirText() {
        var screen = Screen(width: 10, height: 1)
        screen.write("e\u{301}x🇯🇵y", row: 0, column: 0)
        #expect(screen.line(0) == "e\u{301}x🇯🇵y")
        #expect(screen.text(row: 0, column: 0) == "e\u{301}" && screen[0, 0].scalar == nil)
        #expect(screen[0, 1].scalar == "x")
        #expect(screen.text(row: 0, column: 2) == "🇯🇵" && screen[0, 3].isContinuation)
        #expect(screen.text(row: 0, column: 4) == "y")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.write("大阪", row: 0, column: 0)
        screen.write("a", row: 0, column: 1)  // the right half of 大
        screen.write("b", row: 0, column: 2)  // the left half of 阪
        #expect(screen.line(0) == " ab")
        #expect(!screen[0, 3].isContinuation)
    }

    @Test func screensCompareByWhatTheyShowNotByHowTheyWereBuilt() {
        var first = Screen(width: 8, height: 2)
        first.write("e\u{301}", row: 0, column: 0)
        first.write("a\u{308}", row: 1, column: 0)
        var second = Screen(width: 8, height: 2)
        second.write("a\u{308}", row: 1, column: 0)  // the clusters go in the other order
        second.write("e\u{301}", row: 0, column: 0)
        #expect(first == second)
        #expect(first.row(0, equals: second) && first.row(1, equals: second))

        var third = second
        third.write("o\u{308}", row: 1, column: 0)
        #expect(first != third)
        #expect(first.row(0, equals: third) && !first.row(1, equals: third))
        var restyled = first
        restyled.write("e\u{301}", row: 0, column: 0, style: .selected)
        #expect(!first.row(0, equals: restyled))
    }
}
