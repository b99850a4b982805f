import Foundation
@testable import TerminalUI
import Testing
import TriageCore
#if canImport(Glibc)
import Glibc
#endif

/// What a frame costs on the wire: ncurses driving a real pseudo-terminal.
@Suite("Frame output", .serialized)
struct FrameOutputTests {
    /// Write system calls made by the calling thread so far (`syscw` of /proc/thread-self/io).
    private func writesByThisThread() throws -> Int {
        let text = try String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("syscw:") })
        return try #require(Int(line.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// A screen whose every row differs from the one before: the worst case for a frame.
    private func frame(_ number: Int) -> Screen {
        var screen = Screen(width: 80, height: 24)
        for row in 0..<24 {
            screen.write("row \(row) of frame \(number)", row: row, column: row % 7 * 5, style: row % 2 == 0 ? .normal : .muted)
        }
        return screen
    }

    @Test func eachFrameGoesOutInOneWrite() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        try #require(openpty(&master, &slave, nil, nil, &size) == 0)
        defer { close(master); close(slave) }
        let output = master
        let drain = Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while read(output, &buffer, buffer.count) > 0 {}
        }
        drain.start()
        setenv("TERM", "xterm-256color", 1)
        let terminal = Terminal()
        try terminal.start(colorPreference: "256", terminal: slave)
        defer { terminal.stop() }
        terminal.draw(frame(0))

        let before = try writesByThisThread()
        for number in 1...10 { terminal.draw(frame(number)) }
        let writes = try writesByThisThread() - before
        // ncurses 6.4 would send each of these frames in about 25 writes, one per cursor jump.
        #expect(writes == 10, "\(writes) writes for 10 frames")
    }
}
