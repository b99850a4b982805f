import Testing
import TriageCore

@Suite("Sanitising untrusted text", .timeLimit(.minutes(2)))
struct UntrustedTextTests {
    @Test func escapeSequencesBecomeVisibleAndInert() {
        let hostile = "Pay attention\u{1B}]0;pwned\u{07}\u{1B}[31m RED \u{1B}[2J\u{1B}[H done"
        let clean = UntrustedText.sanitize(hostile)
        #expect(clean == "Pay attention␛]0;pwned␇␛[31m RED ␛[2J␛[H done")
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
    }

    @Test func bidiOverridesAndC1ControlsAreReplaced() {
        #expect(UntrustedText.sanitize("a\u{202E}evil\u{202C}b") == "a\u{FFFD}evil\u{FFFD}b")
        #expect(UntrustedText.sanitize("x\u{2066}y\u{2069}") == "x\u{FFFD}y\u{FFFD}")
        #expect(UntrustedText.sanitize("c1\u{9B}31m") == "c1\u{FFFD}31m")
        #expect(UntrustedText.sanitize("del\u{7F}") == "del␡")
    }

    @Test func newlinesAndTabs() {
        #expect(UntrustedText.sanitize("one\r\ntwo\tthree") == "one two three")
        #expect(UntrustedText.sanitize("one\r\ntwo", multiline: true) == "one\ntwo")
        #expect(UntrustedText.sanitize("bell\u{07}", multiline: true) == "bell␇")
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["東京都 · Αθήνα", "Kraków – Ghent", "e\u{301}", "👩‍💻 ok", "Ὀδυσσεύς"] {
            #expect(UntrustedText.sanitize(text) == text)
        }
    }
}
