import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM, SIGHUP (the SSH connection dropped) and SIGWINCH into calls on a
/// queue, so the UI thread can restore the terminal or adopt the new size in its own time.
public final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]

    public init(_ signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH], handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "engage-triage.signals")
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    /// Stops watching and gives the signals their default behaviour back.
    public func cancel() {
        for source in sources { source.cancel() }
        for number in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { signal(number, SIG_DFL) }
    }
}
