import Foundation

/// Live refresh bookkeeping.
public struct RefreshStatus: Sendable, Equatable {
    /// Paused by the user.
    public var isPaused = false
    /// When the last successful load or poll started (its data is at least this fresh).
    public var lastSuccess: Date?
    /// Start of the last successful poll or full load (the next poll asks for `modified` since this minus the overlap).
    var pollAnchor: Date?
    /// When the last full load or reconcile started successfully.
    var lastFullLoad: Date?
    /// When the last load of every order's fields started (a full load; a warm start counts from its own start).
    /// Names of projects, customers and offerings change without changing an order's `modified`: no delta or sweep
    /// brings them, so every order is loaded again after `StoreConfiguration.namesReloadInterval`.
    var lastNamesLoad: Date?
    /// Failed polls in a row (0 when fresh).
    public var consecutiveFailures = 0
    /// When the next poll is due.
    public var nextPollAt: Date?
    /// The last poll failure as the server or network said it.
    public var lastError: String?

    /// A poll failed since the last success: what is shown may be outdated.
    public var isStale: Bool { consecutiveFailures > 0 }

    /// Age of the data, for "stale (2m old)".
    public func age(now: Date) -> TimeInterval? { lastSuccess.map { max(0, now.timeIntervalSince($0)) } }
}
