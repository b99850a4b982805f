/// How a 429 is waited out: the server did nothing, so the same request (an accept too) goes
/// again after `Retry-After`, or after an exponential backoff with jitter when it says nothing.
public struct RateLimitPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The first backoff; doubled for each further attempt.
    public var initialDelay: Duration
    /// No wait is longer, the server's `Retry-After` included.
    public var maxDelay: Duration

    public init(maxAttempts: Int = 5, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30)) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    public static let standard = RateLimitPolicy()

    /// The wait before attempt `attempt + 1`: `Retry-After` when given, else `initialDelay`·2ⁿ
    /// scaled by a random factor in [0.5, 1] so that clients limited together do not return together.
    public func delay(retryAfter: Duration?, attempt: Int) -> Duration {
        if let retryAfter { return min(retryAfter, maxDelay) }
        let backoff = min(initialDelay * (1 << min(attempt - 1, 20)), maxDelay)
        return backoff * Double.random(in: 0.5...1.0)
    }
}
