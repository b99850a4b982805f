@testable import engage_triage
import Foundation
import Testing

/// The syntax check that says where a configuration file's JSON breaks, held against
/// Foundation's `JSONSerialization` (which the program no longer links).
@Suite("JSON syntax of a configuration file", .timeLimit(.minutes(1)))
struct JSONSyntaxTests {
    private static let valid = #"""
        {
          "baseURL": "https://api.pexipengage.com/enterprises/acme",
          "pageSize": 25, "requestTimeoutSeconds": 12.5e0, "readOnly": false, "tokenFile": null,
          "keyBindings": {"accept": ["a", "Ctrl-A"], "quit": []},
          "note": "tab\tquote\" slash\/ \u00e6 \ud83d\ude00", "negative": -0.5E+2
        }
        """#

    @Test func saysWhereItBreaksWithLineAndColumn() {
        #expect(JSONSyntax.problem(in: Data(Self.valid.utf8)) == nil)
        #expect(JSONSyntax.problem(in: Data("{\n  \"pageSize\": 25,, }".utf8)) == "Invalid value at line 2, column 18")
        #expect(JSONSyntax.problem(in: Data("{ \"a\" 1 }".utf8)) == "Expected ':' at line 1, column 7")
        #expect(JSONSyntax.problem(in: Data("[1 2]".utf8)) == "Expected ',' or ']' at line 1, column 4")
        #expect(JSONSyntax.problem(in: Data("{\"a\": 01}".utf8)) == "Expected ',' or '}' at line 1, column 8")
        #expect(JSONSyntax.problem(in: Data("{} x".utf8)) == "Unexpected text after the JSON value at line 1, column 4")
        #expect(JSONSyntax.problem(in: Data("{ \"baseURL\": ".utf8)) == "Unexpected end of file during JSON parse")
        #expect(JSONSyntax.problem(in: Data(String(repeating: "[", count: 600).utf8))?.hasPrefix("Too deeply nested") == true)
    }

    /// Every single-byte change of a valid file is judged as Foundation judges it: valid or not.
    @Test func acceptsWhatFoundationAcceptsAndNothingElse() {
        let bytes = Array(Self.valid.utf8)
        let replacements = Array(#"{}[]",:"\ 0-1.eEtfnu"#.utf8) + [0x0A, 0x09]
        var compared = 0
        for offset in bytes.indices {
            for replacement in replacements where replacement != bytes[offset] {
                var mutated = bytes
                mutated[offset] = replacement
                let data = Data(mutated)
                let foundation = (try? JSONSerialization.jsonObject(with: data)) != nil
                #expect((JSONSyntax.problem(in: data) == nil) == foundation, "at \(offset): \(String(decoding: mutated[max(0, offset - 8)..<min(mutated.count, offset + 8)], as: UTF8.self).debugDescription) ours \(JSONSyntax.problem(in: data) ?? "valid")")
                compared += 1
            }
        }
        #expect(compared > 5_000)
    }
}
