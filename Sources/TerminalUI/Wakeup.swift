import CNcurses
import Foundation

/// Blocks the UI thread until a key arrives on stdin or another thread calls `wake()` (an effect
/// finished, a signal came in), or until a timeout: no busy loop, idle CPU stays at zero.
public final class Wakeup: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    public init() throws {
        let pipe = try NonBlockingPipe()
        (readEnd, writeEnd) = (pipe.readEnd, pipe.writeEnd)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Wakes the waiting thread; safe from any thread (and cheap: one byte, dropped if the pipe is full).
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Waits for input or a wake-up; `timeout` nil waits for ever. Returns whether stdin has input.
    public func wait(timeout: Duration?) -> Bool {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds = timeout.map { Int32($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) } ?? -1
        let ready = poll(&descriptors, 2, milliseconds)
        if ready > 0, descriptors[1].revents != 0 {
            var buffer = [UInt8](repeating: 0, count: 64)
            while read(readEnd, &buffer, buffer.count) > 0 {}
        }
        return ready > 0 && descriptors[0].revents != 0
    }
}
