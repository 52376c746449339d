import Foundation

/// How many list pages may be in flight at once and how long one may take, from the latency the server shows:
/// the window grows by one page per window's worth of pages answered as fast as the fastest (flat latency),
/// halves (at most once per window) when latency rises well above it, and the timeout follows the slowest page
/// seen, never below a generous floor, so a slow page is waited for rather than abandoned and asked again.
public struct PageWindow: Sendable, Equatable {
    /// The most pages in flight.
    public let maxPages: Int
    /// The shortest timeout given to a page.
    public let timeoutFloor: TimeInterval
    /// Pages allowed in flight now; fractional, it grows by 1/limit per flat page.
    public private(set) var limit: Double
    /// The reference latency: the fastest page seen, drifting slowly up towards what pages take.
    public private(set) var baseline: TimeInterval?
    /// The slowest page seen.
    public private(set) var slowest: TimeInterval = 0
    /// How many times the window was halved.
    public private(set) var decreases = 0
    var nextSequence = 0
    /// Pages started before this one cannot halve the window again (they were sent under the old window).
    var recoverySequence = 0

    /// Latency up to `baseline × flatFactor + slack` is flat; above `baseline × riseFactor + slack` it has risen.
    static let flatFactor = 1.25
    static let riseFactor = 1.6
    /// Absolute slack for fast servers, whose latency jitters by more than the ratios.
    static let slack: TimeInterval = 0.02

    public init(initial: Int = 2, maxPages: Int = 4, timeoutFloor: TimeInterval = 30) {
        self.maxPages = max(1, maxPages)
        self.timeoutFloor = timeoutFloor
        self.limit = Double(min(max(1, initial), max(1, maxPages)))
    }

    /// Whole pages allowed in flight now (at least one).
    public var pagesInFlight: Int { max(1, min(maxPages, Int(limit.rounded(.down)))) }

    /// The timeout for the next page: four times the slowest page seen, never below the floor.
    public var timeout: TimeInterval { max(timeoutFloor, slowest * 4) }

    /// Records that a page is sent; answers its sequence number for `answered`.
    public mutating func started() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }

    /// Records a page answered `latency` seconds after it was sent (`sequence` from `started`).
    public mutating func answered(sequence: Int, latency: TimeInterval) {
        let latency = max(0, latency)
        slowest = max(slowest, latency)
        guard let reference = baseline else {
            baseline = latency
            return
        }
        if latency > reference * PageWindow.riseFactor + PageWindow.slack {
            if sequence >= recoverySequence {
                limit = max(1, limit / 2)
                decreases += 1
                recoverySequence = nextSequence
            }
        } else if latency <= reference * PageWindow.flatFactor + PageWindow.slack {
            limit = min(Double(maxPages), limit + 1 / limit)
        }
        // The fastest page is the reference; a server that became slower for good moves it up, slowly.
        baseline = latency < reference ? latency : reference + (latency - reference) / 32
    }
}

extension PageWindow {
    /// A duration in seconds.
    static func seconds(_ d: Duration) -> TimeInterval {
        let (s, atto) = d.components
        return TimeInterval(s) + TimeInterval(atto) / 1e18
    }
}
