import NIOCore
import Synchronization

/// The connections a sandbox has open, so stopping it closes them too: a stopped sandbox must
/// not keep answering (or hanging) on a kept-alive connection that a later client might reuse.
final class OpenConnections: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any NIOCore.Channel]>([:])

    func add(_ channel: any NIOCore.Channel) {
        let key = ObjectIdentifier(channel)
        channels.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { _ in
            self.channels.withLock { _ = $0.removeValue(forKey: key) }
        }
    }

    func closeAll() async {
        let open = channels.withLock { Array($0.values) }
        for channel in open { try? await channel.close() }
    }
}
