import Testing
import TriageCore

@Suite("Key bindings and modes", .timeLimit(.minutes(1)))
struct KeymapTests {
    @Test func configuredKeysReplaceAnActionsKeysOnly() throws {
        let keymap = try Keymap.standard.overriding(["accept": ["x", "Ctrl-A"], "quit": ["F10"]])
        #expect(keymap.command(for: .character("x"), in: .list) == .accept)
        #expect(keymap.command(for: .control("a"), in: .details) == .accept)
        #expect(keymap.command(for: .character("a"), in: .list) == nil)
        #expect(keymap.command(for: .function(10), in: .list) == .quit)
        #expect(keymap.command(for: .character("q"), in: .list) == nil)
        #expect(keymap.command(for: .character("j"), in: .list) == .moveDown)
        #expect(keymap.keys(for: .accept) == "x Ctrl-A")
    }

    @Test func eachModeHasItsOwnKeymap() {
        let keymap = Keymap.standard
        #expect(keymap.command(for: .escape, in: .list) == .back)
        #expect(keymap.command(for: .escape, in: .help) == .closeHelp)
        #expect(keymap.command(for: .escape, in: .confirm) == .cancelAccept)
        #expect(keymap.command(for: .character("q"), in: .help) == .closeHelp)
        #expect(keymap.command(for: .character("y"), in: .confirm) == .confirmAccept)
        #expect(keymap.command(for: .character("y"), in: .list) == .copyId, "y copies in the list, confirms in the question")
        #expect(keymap.command(for: .character("j"), in: .prompt) == nil, "the : line types j")
        #expect(keymap.command(for: .character("a"), in: .help) == nil, "the help does not accept")
        #expect(throws: Never.self) { try Keymap.standard.validate() }
    }

    @Test func aKeyBoundTwiceInOneModeIsRefusedNamingTheKeyAndBothActions() {
        do {
            _ = try Keymap.standard.overriding(["accept": ["j"]])
            Issue.record("expected the conflict to be refused")
        } catch {
            #expect(error.message == "keyBindings: the key j is bound to both moveDown and accept (in the list mode).")
        }
        // The same key in two modes is fine: N says no to the question, and may also accept in the list.
        #expect(throws: Never.self) { try Keymap.standard.overriding(["accept": ["N"]]) }
        // Moving the conflicting action away resolves it.
        #expect(throws: Never.self) { try Keymap.standard.overriding(["accept": ["j"], "moveDown": ["Down"]]) }
        #expect(throws: Keymap.BindingError.self) { try Keymap.standard.overriding(["closeHelp": ["j"]]) }
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

    @Test func theModeStackKeepsTheListAtTheBottom() {
        var modes = ModeStack()
        modes.pop()
        #expect(modes.modes == [.list])
        modes.push(.details)
        modes.push(.help(scroll: 0))
        #expect(modes.base == .details && modes.current == .help(scroll: 0))
        modes.replaceCurrent(.help(scroll: 3))
        #expect(modes.current == .help(scroll: 3))
        modes.push(.confirm(id: "1001", write: .accept))
        modes.popOverlays()
        #expect(modes.modes == [.list, .details])
    }

    @Test func theHelpIsBuiltFromTheBindingsInForce() throws {
        var state = TriageFixture.loaded(Size(width: 80, height: 24))
        state.keymap = try Keymap.standard.overriding(["accept": ["x"], "moveDown": ["Down", "J"]])
        TriageFixture.press(&state, .character("?"))
        let screen = Renderer.render(state).text
        #expect(screen.split(separator: "\n").contains { $0.contains("│  x ") && $0.contains("accept the request") })
        #expect(screen.contains("↓ J") && !screen.contains("↓ j"))
    }
}
