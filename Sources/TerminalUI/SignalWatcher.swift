import Dispatch
import Foundation

/// Turns signals into calls on a queue, so the UI thread can restore the terminal, wait for the
/// writes on their way, or adopt the new size in its own time: every signal whose default ends
/// the process (SIGINT, SIGTERM, SIGHUP when the SSH connection drops, SIGQUIT, SIGUSR1, SIGALRM,
/// …), SIGWINCH, SIGTSTP (Ctrl-Z: the screen suspends itself, on its own thread, instead of
/// ncurses doing it from a signal handler while another thread draws) and SIGCONT.
///
/// Not Dispatch's signal sources: on Linux they read a signalfd, which sees a signal only while
/// every thread blocks it, and the main thread and the threads started from it do not. Here a
/// handler runs on whichever thread the kernel picks and writes the signal's number into a pipe
/// (`SignalPipe`). For the screen, start watching before ncurses starts (`Terminal.start`'s
/// `onSignal`): otherwise ncurses ignores SIGTSTP while each frame goes out.
public final class SignalWatcher: Sendable {
    private let registration: Int

    /// The signals that end the process unless handled (SIGKILL and SIGSTOP cannot be; the crash
    /// signals are the crash handler's).
    public static let ending: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                                         SIGXCPU, SIGXFSZ]

    /// Starts watching `signals`: from now on they call `handler` (on a queue of their own)
    /// instead of their default action.
    public init(_ signals: [Int32] = SignalWatcher.ending + [SIGWINCH, SIGTSTP, SIGCONT], handler: @escaping @Sendable (Int32) -> Void) {
        registration = SignalPipe.shared.watch(Set(signals), handler: handler)
    }

    /// Stops watching and gives the signals their default behaviour back.
    public func cancel() {
        SignalPipe.shared.unwatch(registration)
    }
}
