import Dispatch
import Foundation
import Synchronization

/// The write end of the process's signal pipe, set once before the first handler is installed
/// (an atomic, so the handler reads it without a lock).
private let signalPipeWriteEnd = Atomic<Int32>(-1)

/// What a caught signal runs, on whatever thread the kernel picked: one byte with the signal's
/// number into the pipe. `write` is async-signal-safe; nothing else happens here (no lock, no
/// allocation), and `errno` is left as the interrupted code had it.
private func writeSignalNumber(_ number: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd.load(ordering: .relaxed), &byte, 1)
    errno = savedErrno
}

/// The self-pipe behind every `SignalWatcher`: handlers write signal numbers into it, and a
/// read source on one queue hands each to the watchers of that signal. One per process, made
/// when the first watcher starts and kept for the process's life. (Unchecked: the read source is
/// set up in `init` and never touched again; the watches are behind a mutex.)
final class SignalPipe: @unchecked Sendable {
    static let shared = SignalPipe()

    private struct Watch {
        var signals: Set<Int32>
        var handler: @Sendable (Int32) -> Void
    }

    private struct Registry {
        var watches: [Int: Watch] = [:]
        var next = 0

        func isWatched(_ number: Int32) -> Bool {
            watches.values.contains { $0.signals.contains(number) }
        }
    }

    private let registry = Mutex(Registry())
    /// Reads the pipe; kept as long as the pipe lives (nothing cancels it).
    private let source: any DispatchSourceRead

    private init() {
        let pipe: NonBlockingPipe
        do {
            pipe = try NonBlockingPipe()
        } catch {
            fatalError("No pipe for signals: \(error)")
        }
        let readEnd = pipe.readEnd
        signalPipeWriteEnd.store(pipe.writeEnd, ordering: .relaxed)
        source = DispatchSource.makeReadSource(fileDescriptor: readEnd, queue: DispatchQueue(label: "engage-triage.signals"))
        source.setEventHandler { [self] in
            var buffer = [UInt8](repeating: 0, count: 64)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                guard count > 0 else { break }
                for byte in buffer[0..<count] { deliver(Int32(byte)) }
            }
        }
        source.resume()
    }

    private func deliver(_ number: Int32) {
        let handlers = registry.withLock { $0.watches.values.filter { $0.signals.contains(number) }.map(\.handler) }
        for handler in handlers { handler(number) }
    }

    /// Sends `signals` to `handler` from now on; returns what `unwatch` takes.
    func watch(_ signals: Set<Int32>, handler: @escaping @Sendable (Int32) -> Void) -> Int {
        registry.withLock { registry in
            for number in signals { signal(number, writeSignalNumber) }
            registry.next += 1
            registry.watches[registry.next] = Watch(signals: signals, handler: handler)
            return registry.next
        }
    }

    /// Stops a watch; signals nobody watches any more get their default action back.
    func unwatch(_ registration: Int) {
        registry.withLock { registry in
            guard let watch = registry.watches.removeValue(forKey: registration) else { return }
            for number in watch.signals where !registry.isWatched(number) { signal(number, SIG_DFL) }
        }
    }
}
