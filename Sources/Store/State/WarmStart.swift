import Foundation

/// The two loads that bring rows from a snapshot up to date: the `modified`-since delta (merged like a poll) and the
/// uuid sweep (compared at the end). The list is fresh when both have finished.
struct WarmStart: Sendable, Equatable {
    var deltaID: Int
    var sweepID: Int
    /// When both started (the data is complete as of then once they finish).
    var startedAt: Date
    var deltaDone = false
    /// Every order the sweep listed; nil until it finished.
    var listed: Set<RowKey>?
}
