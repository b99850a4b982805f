import Testing
import TriageCore

@Suite("Key bindings")
struct KeymapTests {
    @Test func configuredKeysReplaceAnActionsKeysOnly() throws {
        let keymap = try Keymap.standard.overriding(["accept": ["A", "Ctrl-A"], "quit": ["F10"]])
        #expect(keymap.command(for: .character("A")) == .accept)
        #expect(keymap.command(for: .control("a")) == .accept)
        #expect(keymap.command(for: .character("a")) == nil)
        #expect(keymap.command(for: .function(10)) == .quit)
        #expect(keymap.command(for: .character("q")) == nil)
        #expect(keymap.command(for: .character("j")) == .moveDown)
        #expect(keymap.keys(for: .accept) == "A Ctrl-A")
    }

    @Test func keyNames() {
        #expect(Key(name: "Enter") == .enter && Key(name: "esc") == .escape && Key(name: "Shift-Tab") == .backTab)
        #expect(Key(name: "PgDn") == .pageDown && Key(name: "Space") == .character(" ") && Key(name: "F1") == .function(1))
        #expect(Key(name: "Ctrl-L") == .control("l") && Key(name: "?") == .character("?"))
        #expect(Key(name: "Hyper-X") == nil && Key(name: "F13") == nil && Key(name: "") == nil)
    }

    @Test func unknownActionsAndKeysAreNamed() {
        #expect(throws: Keymap.BindingError.self) { try Keymap.standard.overriding(["launch": ["x"]]) }
        do {
            _ = try Keymap.standard.overriding(["accept": ["Meta-A"]])
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("keyBindings.accept: unknown key \"Meta-A\""))
        }
    }
}
