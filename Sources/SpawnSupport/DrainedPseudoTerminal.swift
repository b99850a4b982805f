import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal whose output is read and dropped as fast as it comes, as a terminal shows
/// it: for driving the terminal layer in-process (the key-latency benchmark, the frame tests).
public final class DrainedPseudoTerminal {
    /// The terminal end, for `Terminal.start(terminal:)`.
    public let terminal: Int32

    public init(width: Int, height: Int) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.ENXIO) }
        terminal = slave
        let output = master
        DetachedThread.start(name: "pty-drain") {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while read(output, &buffer, buffer.count) > 0 {}
            close(output)  // the terminal end was closed
        }
    }

    deinit {
        close(terminal)
    }

    /// Write system calls the calling thread has made so far (`syscw` in /proc/thread-self/io).
    public static func writeCallsOfThisThread() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("syscw:") })
        else { return nil }
        return Int(line.dropFirst("syscw:".count).filter { $0 != " " })
    }
}
