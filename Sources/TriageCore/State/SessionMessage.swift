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
