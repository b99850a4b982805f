import Foundation

/// The session's clock: when a message was shown, how long a request has waited, whether a start
/// is today. Injected, so screens are tested at a fixed time.
public struct SessionClock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }
}
