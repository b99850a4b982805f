/// Supplies the bearer token for each request, so sources that expire (OAuth2) and sources that
/// do not (a token from the environment or a file) plug into the client the same way.
public protocol TokenProvider: Sendable {
    /// The token to send now.
    func token() async throws(EngageError) -> BearerToken

    /// The server answered 401 to `token`: forget it. Returns whether the next `token()` can be a
    /// different, fresh one (then the client retries the request once); fixed tokens return false.
    func invalidate(_ token: BearerToken) async -> Bool
}

extension TokenProvider {
    public func invalidate(_ token: BearerToken) async -> Bool { false }
}

/// A token that never changes: `ENGAGE_TOKEN`, a token file, the sandbox's demo token.
public struct StaticTokenProvider: TokenProvider {
    private let bearer: BearerToken

    public init(_ token: BearerToken) { bearer = token }

    public func token() async throws(EngageError) -> BearerToken { bearer }
}
