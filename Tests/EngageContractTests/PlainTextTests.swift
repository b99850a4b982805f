import EngageContract
import Foundation
import Testing

/// The standard-library text helpers that replace Foundation's NSString-based ones in the
/// program, held against Foundation itself (which the tests may link).
@Suite("Plain text without Foundation", .timeLimit(.minutes(1)))
struct PlainTextTests {
    /// Ends of every kind of white space, hostile text and text without any.
    private static let texts = [
        "", " ", "\t\n", "token", "  token\n", "\u{3000}名前\u{00A0}", "\r\nline one\nline two\r\n", " a b ", "\u{2028}x\u{2029}",
        "é\u{301} ", "\u{200B}zero-width\u{200B}", "👩‍👩‍👧 ", "\u{0085}next line\u{0085}", "\u{000B}\u{000C}v",
    ]

    @Test func trimmingTakesWhatFoundationTakesWithNewlines() {
        for text in Self.texts {
            #expect(PlainText.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
        #expect(PlainText.trimmed(Substring("  x  ").dropFirst()) == "x")
    }

    @Test func fixedDecimalsAsPrintfWrites() {
        let values: [Double] = [0, 1, 52.516667, 4.351721, -0.1234567, -73.98513, 0.5, 63.999, 1_048_576, 123_456.000_004, 0.000_04]
        for value in values {
            for digits in [0, 2, 5] {
                #expect(PlainText.fixed(value, digits: digits) == String(format: "%.\(digits)f", value), "\(value) with \(digits)")
            }
        }
        #expect(PlainText.fixed(.infinity, digits: 2) == "inf")
        #expect(PlainText.fixed(1e300, digits: 2) == String(1e300), "past 2^53 as Swift writes it")
    }

    @Test func percentEncodingAsFoundationEncodesUnreservedOnly() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        for text in Self.texts + ["acme", "a/b?c=d&e", "100%", "Ærø Straße", "status[]", "%2F", "+ +"] {
            #expect(PercentEncoding.encode(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved), "\(text.debugDescription)")
        }
    }

    @Test func percentDecodingAsFoundationDecodes() {
        for text in ["plain", "a%20b", "%C3%A6r%C3%B8", "%2f%2F", "100%", "%G1", "%4", "%C3", "%FF%FE", "user%40corp", "", "%%", "a+b"] {
            #expect(PercentEncoding.decode(text) == text.removingPercentEncoding, "\(text.debugDescription)")
        }
        for text in Self.texts {
            #expect(PercentEncoding.decode(PercentEncoding.encode(text)) == text)
        }
    }
}
