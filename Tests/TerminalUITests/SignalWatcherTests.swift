import Foundation
import Synchronization
@testable import TerminalUI
import Testing

/// Every signal sent reaches the watcher, whichever thread the kernel hands it to. (It passes
/// on Dispatch's signal sources too: it pins the contract. The Ctrl-Z that was lost now and
/// then was ncurses ignoring SIGTSTP during `doupdate`; see the end-to-end tests.)
@Suite("Signal watcher", .serialized, .timeLimit(.minutes(1)))
struct SignalWatcherTests {
    @Test func everySignalReachesTheWatcherWhicheverThreadTakesIt() async throws {
        let seen = Atomic<Int>(0)
        // Made on a thread that then ends, as the screen's thread ends with the session.
        let watcher = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: SignalWatcher([SIGUSR2]) { number in
                    if number == SIGUSR2 { seen.add(1, ordering: .relaxed) }
                })
            }
        }
        defer { watcher.cancel() }
        // Threads that take every signal (as the main thread and threads started from it do),
        // started and ended as dispatch's workers come and go.
        for round in 0..<200 {
            let listener = UnblockedThread()
            if round.isMultiple(of: 2) { listener.signal(SIGUSR2) } else { kill(getpid(), SIGUSR2) }
            let deadline = ContinuousClock.now + .seconds(10)
            while seen.load(ordering: .relaxed) <= round, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(1))
            }
            listener.stop()
            try #require(seen.load(ordering: .relaxed) == round + 1, "signal \(round + 1) of 200 was lost")
        }
    }

    @Test func aCancelledWatcherGivesTheSignalItsDefaultBack() {
        let watcher = SignalWatcher([SIGUSR2]) { _ in }
        watcher.cancel()
        let previous = signal(SIGUSR2, SIG_IGN)
        signal(SIGUSR2, previous)
        #expect(previous == nil, "SIG_DFL is the null handler")
    }
}

/// A thread with no signal blocked, waiting until it is stopped.
private final class UnblockedThread: @unchecked Sendable {
    private let started = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private var thread = pthread_t()

    init() {
        Thread.detachNewThread { [self] in
            var nothing = sigset_t()
            sigemptyset(&nothing)
            pthread_sigmask(SIG_SETMASK, &nothing, nil)
            thread = pthread_self()
            started.signal()
            while !stopping.load(ordering: .relaxed) { usleep(200) }
            finished.signal()
        }
        started.wait()
    }

    func signal(_ number: Int32) { pthread_kill(thread, number) }

    func stop() {
        stopping.store(true, ordering: .relaxed)
        finished.wait()
    }
}
