/// An API access token. Its description is redacted, so interpolating it into a log line,
/// an error or a test failure cannot leak it; only the request builder reads `secret`.
public struct BearerToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The token itself. Read it only to build the `Authorization` header.
    public let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var description: String { "BearerToken(<redacted>)" }
    public var debugDescription: String { description }
}
