import EngageAPI
import Foundation
import Synchronization
import TerminalUI
import TriageRuntime

/// A write (an accept, a reschedule, …) that Ctrl-C, SIGTERM or SIGHUP do not cut short: the
/// first signal waits for the answer (up to `patience`), a second one abandons the wait, and the
/// tracker records the outcome as unknown. Either way the audit trail says what became of it.
enum InterruptibleWrite {
    enum Ending: Sendable {
        case finished(WriteOutcome)
        /// The wait was given up; what the tracker recorded for each write on its way.
        case abandoned([WriteReport])
    }

    static func run(
        id: String, kind: AppointmentWrite.Kind, tracker: WriteTracker, patience: Duration,
        _ write: @escaping @Sendable () async -> WriteOutcome
    ) async -> Ending {
        let ending: Ending = await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            let watcher = SignalWatcher(SignalWatcher.ending) { _ in
                guard once.countSignal() == 1 else {
                    once.resume(.abandoned(tracker.abandonAll()))
                    return
                }
                Diagnostics.note("engage-triage: waiting for the answer to \(kind.noun) of \(id); Ctrl-C again stops waiting.")
                Task {
                    if !(await tracker.waitUntilIdle(timeout: patience)) { once.resume(.abandoned(tracker.abandonAll())) }
                }
            }
            once.onResume = { watcher.cancel() }
            Task { once.resume(.finished(await write())) }
        }
        return ending
    }
}

/// Resumes a continuation with the first value it is given, ignoring the rest.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = Mutex(())
    private var continuation: CheckedContinuation<InterruptibleWrite.Ending, Never>?
    var onResume: (() -> Void)?
    private var signals = 0

    init(_ continuation: CheckedContinuation<InterruptibleWrite.Ending, Never>) {
        self.continuation = continuation
    }

    /// Counts one more signal; returns how many there were.
    func countSignal() -> Int {
        lock.withLock { _ in
            signals += 1
            return signals
        }
    }

    func resume(_ ending: InterruptibleWrite.Ending) {
        let (continuation, onResume) = lock.withLock { _ in
            defer { self.continuation = nil }
            return (self.continuation, self.onResume)
        }
        guard let continuation else { return }
        onResume?()
        continuation.resume(returning: ending)
    }
}
