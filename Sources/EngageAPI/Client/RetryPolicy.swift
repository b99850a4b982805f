/// How often and how patiently the client repeats a request that failed for a passing reason
/// (429, 502/503/504, a dropped connection).
///
/// Only idempotent requests (reads) are ever repeated: `accept` is not idempotent, and repeating
/// it blindly could act twice, so its failures go to the caller as they are.
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

    /// The delay before attempt `attempt + 1`, or `nil` when `error` should not be retried.
    func delay(after error: EngageError, attempt: Int) -> Duration? {
        guard attempt < maxAttempts, error.isTransient else { return nil }
        if let retryAfter = error.retryAfter { return min(retryAfter, maxDelay) }
        return min(initialDelay * (1 << (attempt - 1)), maxDelay)
    }
}
