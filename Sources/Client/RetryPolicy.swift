import Foundation

/// How idempotent reads are retried: exponential backoff with jitter on 502/503/504 and connection errors.
/// Writes (POST, DELETE) are never retried automatically.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    /// The longest `Retry-After` a 429 is allowed to make the client wait.
    public var maxRetryAfter: TimeInterval

    public init(maxRetries: Int = 3, baseDelay: TimeInterval = 0.25, maxDelay: TimeInterval = 4, maxRetryAfter: TimeInterval = 30) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    public static let `default` = RetryPolicy()
    public static let none = RetryPolicy(maxRetries: 0)

    /// The delay before retry number `attempt` (1-based): base·2^(attempt-1), capped, with full jitter in its upper half.
    public func delay(forAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval {
        let exp = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
        return exp / 2 + exp / 2 * random
    }
}
