import Testing
import TriageCore

@Suite("Display width", .timeLimit(.minutes(2)))
struct DisplayWidthTests {
    @Test(arguments: [
        ("Ghent", 5), ("東京", 4), ("大阪市", 6), ("Αθήνα", 5), ("Θεσσαλονίκη", 11), ("Kraków", 6),
        ("e\u{301}", 1), ("👍", 2), ("🇯🇵", 2), ("👩‍💻", 2), ("❤️", 2), ("ｶ", 1), ("Ａ", 2), ("한국", 4),
        ("a\u{200B}b", 2), ("", 0), ("銀座四丁目5-6", 13),
    ])
    func columns(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("東京都中央区", to: 6) == "東京…")
        #expect(DisplayWidth.truncate("東京都中央区", to: 5) == "東京…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("東京都中央区", to: 4)) <= 4)
        #expect(DisplayWidth.truncate("Copenhagen", to: 6) == "Copen…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("anything", to: 0) == "")
    }

    @Test func fitPadsToExactlyTheWidth() {
        for text in ["東京", "Αθήνα", "e\u{301}te", "a very long street name indeed", "👍ok"] {
            for width in 1...12 {
                #expect(DisplayWidth.of(DisplayWidth.fit(text, to: width)) == width, "\(text) in \(width)")
            }
        }
        #expect(DisplayWidth.fit("東京", to: 6, alignRight: true) == "  東京")
    }
}
