import Foundation

/// The two loads that bring rows from a snapshot up to date, and that reconcile loaded rows periodically: the
/// `modified`-since delta (merged like a poll) and the uuid sweep (compared at the end). The list is fresh when the delta is in and the server's count (the sweep's first
/// page) equals the rows held, or else when both have finished; the sweep always runs to its end and removes what the
/// server no longer lists.
struct WarmStart: Sendable, Equatable {
    var deltaID: Int
    var sweepID: Int
    /// When both started (the data is complete as of then once they finish).
    var startedAt: Date
    var deltaDone = false
    /// Every order the sweep listed; nil until it finished.
    var listed: Set<RowKey>?
    /// How many orders the server lists (the sweep's first page); nil until it came. (Declared fresh on the count
    /// before the sweep ends: `AppState.cachedSince` is nil while this warm start still runs.)
    var serverCount: Int?
}
