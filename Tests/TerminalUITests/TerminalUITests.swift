import CNcurses
@testable import TerminalUI
import Testing
import TriageCore

@Suite("Terminal layer", .timeLimit(.minutes(2)))
struct TerminalUITests {
    @Test func colourModeHonoursNoColorThePreferenceAndTheTerminal() {
        #expect(ColorMode.choose(preference: nil, environment: [:], terminalColors: 256, hasColors: true) == .extended)
        #expect(ColorMode.choose(preference: "auto", environment: [:], terminalColors: 8, hasColors: true) == .eight)
        #expect(ColorMode.choose(preference: nil, environment: ["NO_COLOR": "1"], terminalColors: 256, hasColors: true) == .none)
        #expect(ColorMode.choose(preference: nil, environment: ["NO_COLOR": ""], terminalColors: 256, hasColors: true) == .extended)
        #expect(ColorMode.choose(preference: nil, environment: [:], terminalColors: 0, hasColors: false) == .none)
        #expect(ColorMode.choose(preference: "8", environment: [:], terminalColors: 256, hasColors: true) == .eight)
        #expect(ColorMode.choose(preference: "256", environment: [:], terminalColors: 8, hasColors: true) == .eight)
        #expect(ColorMode.choose(preference: "none", environment: [:], terminalColors: 256, hasColors: true) == .none)
    }

    @Test func functionKeysDecode() {
        #expect(KeyDecoding.functionKey(KEY_UP) == .up)
        #expect(KeyDecoding.functionKey(KEY_NPAGE) == .pageDown)
        #expect(KeyDecoding.functionKey(KEY_PPAGE) == .pageUp)
        #expect(KeyDecoding.functionKey(KEY_HOME) == .home && KeyDecoding.functionKey(KEY_END) == .end)
        #expect(KeyDecoding.functionKey(KEY_BTAB) == .backTab)
        #expect(KeyDecoding.functionKey(KEY_F0 + 1) == .function(1))
        #expect(KeyDecoding.functionKey(KEY_MOUSE) == nil)
    }

    @Test func charactersDecode() {
        #expect(KeyDecoding.character(0x0D) == .enter)
        #expect(KeyDecoding.character(0x1B) == .escape)
        #expect(KeyDecoding.character(0x09) == .tab)
        #expect(KeyDecoding.character(0x0C) == .control("l"))
        #expect(KeyDecoding.character(0x7F) == .backspace)
        #expect(KeyDecoding.character(UInt32(UInt8(ascii: "j"))) == .character("j"))
        #expect(KeyDecoding.character(0x6771) == .character("東"))
        #expect(KeyDecoding.character(0x00) == nil)
    }
}
