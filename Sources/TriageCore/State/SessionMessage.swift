import Foundation

/// One banner the session showed, kept for the messages overlay (`m`): what support asks for
/// later is there (its time, the server's code, the correlation id) after the banner is gone.
public struct SessionMessage: Sendable, Equatable {
    public var time: Date
    public var banner: Banner

    public init(time: Date, banner: Banner) {
        self.time = time
        self.banner = banner
    }

    /// The most messages kept; older ones go.
    public static let limit = 500
}

/// Where the reducer reads the time a message is shown at: the wall clock, or a fixed one in tests.
public struct MessageClock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }
}
