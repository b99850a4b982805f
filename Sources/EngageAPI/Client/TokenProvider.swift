/// Supplies the bearer token for each request, so sources that expire (OAuth2) and sources that
/// do not (a token from the environment or a file) plug into the client the same way.
public protocol TokenProvider: Sendable {
    /// The token to send now.
    func token() async throws(EngageError) -> BearerToken
}

/// A token that never changes: `ENGAGE_TOKEN`, a token file, the sandbox's demo token.
public struct StaticTokenProvider: TokenProvider {
    private let bearer: BearerToken

    public init(_ token: BearerToken) { bearer = token }

    public func token() async throws(EngageError) -> BearerToken { bearer }
}
