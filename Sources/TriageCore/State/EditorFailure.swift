/// Why the user's editor gave no note back (it could not start, it ended with an error, the
/// file could not be read), in words for the banner.
public struct EditorFailure: Error, Sendable, Equatable {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }
}
