import EngageSandbox
import Foundation
import Testing
@testable import TriageCore

/// The filter's folding, built on the standard library's decomposition and case folding, against
/// Foundation's `folding` with the same options (which the program no longer links).
@Suite("Folded text", .timeLimit(.minutes(1)))
struct FoldedTextTests {
    private static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Names the sandbox and real tenants hold, scripts with accents, ligatures and final sigma,
    /// full-width letters, combining marks typed apart, emoji.
    private static let names = [
        "Amélie Dubois", "DUBOIS", "Straße", "ŒUVRE", "Ærø", "Søren Kierkegaard", "Łukasz Żółć", "Ｆｕｌｌ　Ｗｉｄｔｈ", "İstanbul",
        "Ǆemal", "ﬁne", "Ångström", "Nguyễn Thị Minh Khai", "Ελλάδα Όμηρος", "Дмитрий Йосиф", "ÇAĞLAR ŞİMŞEK", "日本語の名前",
        "Zoë", "naïve café", "a\u{301}", "e\u{308}\u{304}", "ΣΊΣΥΦΟΣ", "👩‍👩‍👧 Family", "Nakamura Trading 株式会社", "Müller-Lüdenscheidt",
    ]

    @Test func foldsAsFoundationFolds() {
        for name in Self.names {
            #expect(FoldedText.fold(name) == Self.foundationFold(name), "\(name)")
        }
    }

    @Test func everyNameTheSandboxGivesFoldsAsFoundationFolds() {
        let customers = (50_000...50_400).compactMap { SandboxDirectory.customer(id: String($0))?.displayName?.text }
        let employees = SandboxDirectory.employeeIDs.compactMap { SandboxDirectory.employee(id: $0, languages: [.en])?.displayName?.text }
        #expect(customers.count > 100)
        for name in customers + employees {
            #expect(FoldedText.fold(name) == Self.foundationFold(name), "\(name)")
        }
    }

    /// Every letter of the Latin, Greek and Cyrillic blocks and every full-width form between
    /// two ASCII letters, and every combining mark after a letter (folded one scalar at a time,
    /// where Foundation decomposes the whole text).
    @Test func everyScalarOfTheNamesScriptsFoldsAsFoundationFolds() {
        let blocks: [ClosedRange<UInt32>] = [0x80...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x1E00...0x1EFF, 0xFF01...0xFF5E]
        var compared = 0
        for value in blocks.joined() {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.isNoncharacterCodePoint else { continue }
            let text = "x" + String(scalar) + "Y"
            #expect(FoldedText.fold(text) == Self.foundationFold(text), "U+\(String(value, radix: 16))")
            compared += 1
        }
        for mark in (0x300...0x36F).compactMap(Unicode.Scalar.init) {
            let text = "E" + String(mark) + "ü" + String(mark)
            #expect(FoldedText.fold(text) == Self.foundationFold(text), "U+\(String(mark.value, radix: 16))")
        }
        #expect(compared > 1_000)
    }

    /// Half-width katakana stay as they are (Foundation widens them): both sides of a search are
    /// folded the same way, so they still find each other.
    @Test func halfWidthKatakanaAreLeftAsTheyAre() {
        #expect(FoldedText.fold("ﾊﾝｶｸ") == "ﾊﾝｶｸ")
        #expect(FoldedText.contains(FoldedText.fold("ﾔﾏﾀﾞ ﾀﾛｳ"), FoldedText.fold("ﾀﾛｳ")))
    }
}
