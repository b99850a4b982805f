import Foundation
import Synchronization

/// The sandbox's OAuth2 side: which client credentials it accepts and which access tokens it
/// issued, until when. The API accepts the fixed token or any issued token not yet expired.
public final class SandboxTokens: Sendable {
    public let clientID: String
    public let clientSecret: String
    /// `expires_in` of each issued token.
    public let lifetime: Duration
    private let issued = Mutex<[String: Date]>([:])
    private let now: @Sendable () -> Date

    public init(clientID: String, clientSecret: String, lifetime: Duration, now: @escaping @Sendable () -> Date = { Date() }) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.lifetime = lifetime
        self.now = now
    }

    /// A new access token for valid credentials, `nil` otherwise.
    func issue(clientID: String, clientSecret: String) -> String? {
        guard clientID == self.clientID, clientSecret == self.clientSecret else { return nil }
        let token = "sbx-" + UUID().uuidString.lowercased()
        let expires = now().addingTimeInterval(Double(lifetime.components.seconds))
        issued.withLock { $0[token] = expires }
        return token
    }

    func isValid(_ token: String) -> Bool {
        issued.withLock { $0[token] }.map { now() < $0 } ?? false
    }

    /// How many tokens were issued so far (tests check the client's caching).
    public var issuedCount: Int { issued.withLock { $0.count } }

    /// Makes every issued token expire now, as if their lifetime had passed.
    public func expireAll() {
        let moment = now()
        issued.withLock { tokens in for key in tokens.keys { tokens[key] = moment } }
    }
}
