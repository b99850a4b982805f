import Dispatch
import Foundation

/// Turns signals into calls on a queue, so the UI thread can restore the terminal, wait for the
/// accepts on their way, or adopt the new size in its own time: every signal whose default ends
/// the process (SIGINT, SIGTERM, SIGHUP when the SSH connection drops, SIGQUIT, SIGUSR1, SIGALRM,
/// …), SIGWINCH, SIGTSTP (Ctrl-Z: the screen suspends itself, on its own thread, instead of
/// ncurses doing it from a signal handler while another thread draws) and SIGCONT.
public final class SignalWatcher {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]

    /// The signals that end the process unless handled (SIGKILL and SIGSTOP cannot be; the crash
    /// signals are the crash handler's).
    public static let ending: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                                         SIGXCPU, SIGXFSZ]

    public init(_ signals: [Int32] = SignalWatcher.ending + [SIGWINCH, SIGTSTP, SIGCONT], handler: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
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
        for number in signals { signal(number, SIG_DFL) }
    }
}
