/// How often and how patiently a request that failed for a passing reason is repeated.
///
/// The client repeats reads after a 429, a 502/503/504 or a dropped connection (`delay(after:attempt:)`).
/// `accept` is not idempotent: the client never repeats it, and only a 429 (the server did nothing)
/// sends it again, from the runtime's request budget (`rateLimitDelay`, with `rateLimits`).
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts, the first included; 1 means no retry.
    public var maxAttempts: Int
    /// Delay before the second attempt; doubled for each further one.
    public var initialDelay: Duration
    /// Upper bound of any delay, including the server's `Retry-After`.
    public var maxDelay: Duration

    public init(maxAttempts: Int = 3, initialDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5)) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// Three attempts, 200 ms then 400 ms apart, or as long as `Retry-After` asks up to 5 s.
    public static let standard = RetryPolicy()
    /// One attempt only: the error comes back as the server sent it.
    public static let none = RetryPolicy(maxAttempts: 1)
    /// Five attempts in all after 429s, from 500 ms doubling, or `Retry-After` up to 30 s.
    public static let rateLimits = RetryPolicy(maxAttempts: 5, initialDelay: .milliseconds(500), maxDelay: .seconds(30))

    /// The delay before attempt `attempt + 1`, or `nil` when `error` should not be retried.
    public func delay(after error: EngageError, attempt: Int) -> Duration? {
        guard attempt < maxAttempts, error.isTransient else { return nil }
        if let retryAfter = error.retryAfter { return min(retryAfter, maxDelay) }
        return min(initialDelay * (1 << (attempt - 1)), maxDelay)
    }

    /// The wait after a 429 before attempt `attempt + 1`: `Retry-After` when given (up to
    /// `maxDelay`), else the backoff scaled by a random factor in [0.5, 1], so that clients limited
    /// together do not come back together.
    public func rateLimitDelay(retryAfter: Duration?, attempt: Int) -> Duration {
        if let retryAfter { return min(retryAfter, maxDelay) }
        return min(initialDelay * (1 << min(attempt - 1, 20)), maxDelay) * Double.random(in: 0.5...1.0)
    }
}
