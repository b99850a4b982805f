import Synchronization
import TerminalUI
import TriageCore

/// Where effects running on other threads drop their results (and signal handlers their
/// signals) for the UI thread, waking it up.
final class ActionInbox: Sendable {
    private let pending = Mutex<(actions: [Action], signals: [Int32])>(([], []))
    let wakeup: Wakeup

    init(wakeup: Wakeup) { self.wakeup = wakeup }

    func post(_ action: Action) {
        pending.withLock { $0.actions.append(action) }
        wakeup.wake()
    }

    func post(signal: Int32) {
        pending.withLock { $0.signals.append(signal) }
        wakeup.wake()
    }

    /// Everything posted since the last call, in order.
    func drain() -> (actions: [Action], signals: [Int32]) {
        pending.withLock { pending in
            defer { pending = ([], []) }
            return pending
        }
    }
}
