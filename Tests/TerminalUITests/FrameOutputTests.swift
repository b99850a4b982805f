import Foundation
import SpawnSupport
@testable import TerminalUI
import Testing
import TriageCore

/// What a frame costs on the wire: ncurses driving a real pseudo-terminal.
@Suite("Frame output", .serialized, .timeLimit(.minutes(2)))
struct FrameOutputTests {
    /// A screen whose every row differs from the one before: the worst case for a frame.
    private func frame(_ number: Int) -> Screen {
        var screen = Screen(width: 80, height: 24)
        for row in 0..<24 {
            screen.write("row \(row) of frame \(number)", row: row, column: row % 7 * 5, style: row % 2 == 0 ? .normal : .muted)
        }
        return screen
    }

    @Test func eachFrameGoesOutInOneWrite() throws {
        let pseudoTerminal = try DrainedPseudoTerminal(width: 80, height: 24)
        let terminal = Terminal()
        try terminal.start(colorPreference: "256", environment: ["TERM": "xterm-256color"], terminal: pseudoTerminal.terminal)
        defer { terminal.stop() }
        terminal.draw(frame(0))

        let before = try #require(DrainedPseudoTerminal.writeCallsOfThisThread())
        for number in 1...10 { terminal.draw(frame(number)) }
        let writes = try #require(DrainedPseudoTerminal.writeCallsOfThisThread()) - before
        // ncurses 6.4 would send each of these frames in about 25 writes, one per cursor jump.
        #expect(writes == 10, "\(writes) writes for 10 frames")
    }
}
