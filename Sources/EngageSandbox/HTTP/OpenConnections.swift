import NIOCore
import Synchronization

/// The connections a sandbox has open, so stopping it closes them too: a stopped sandbox must
/// not keep answering (or hanging) on a kept-alive connection that a later client might reuse.
/// Each gets a serial number, recorded with its requests, so tests can see which were reused.
final class OpenConnections: Sendable {
    private let channels = Mutex<(open: [ObjectIdentifier: any NIOCore.Channel], accepted: Int)>(([:], 0))

    /// Keeps `channel` until it closes; returns its serial number (1, 2, …).
    func add(_ channel: any NIOCore.Channel) -> Int {
        let key = ObjectIdentifier(channel)
        let serial = channels.withLock { state in
            state.open[key] = channel
            state.accepted += 1
            return state.accepted
        }
        channel.closeFuture.whenComplete { _ in
            self.channels.withLock { _ = $0.open.removeValue(forKey: key) }
        }
        return serial
    }

    /// How many are open now.
    var count: Int { channels.withLock { $0.open.count } }

    func closeAll() async {
        let open = channels.withLock { Array($0.open.values) }
        for channel in open { try? await channel.close() }
    }
}
