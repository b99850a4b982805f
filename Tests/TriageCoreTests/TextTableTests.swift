import Testing
import TriageCore

@Suite("Text tables", .timeLimit(.minutes(2)))
struct TextTableTests {
    @Test func columnsAlignByDisplayWidthWithWideAndCombiningText() {
        let table = TextTable(columns: [.init("ID"), .init("CITY", maxWidth: 8), .init("NOTE")])
        let lines = table.render([
            ["1001", "東京", "a"], ["1002", "Αθήνα", "b"], ["1003", "Ghent", "c"], ["1004", "Cafe\u{301}", "d"],
            ["1005", "大阪市中央区梅田", "e"],
        ])
        #expect(lines == [
            "ID    CITY      NOTE",
            "1001  東京      a",
            "1002  Αθήνα     b",
            "1003  Ghent     c",
            "1004  Café      d",
            "1005  大阪市…   e",
        ])
    }

    @Test func cellsAreSanitised() {
        let lines = TextTable(columns: [.init("A"), .init("B")]).render([["x\u{1B}[2Jy", "z"]])
        #expect(lines[1] == "x␛[2Jy  z")
    }
}
