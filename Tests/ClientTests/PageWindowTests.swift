import Foundation
import Testing
@testable import WaldurClient

/// The window of list pages in flight, fed synthetic latencies: grows while latency is flat, halves once per
/// window when it rises, and the timeout follows the slowest page above the floor.
@Suite struct PageWindowTests {
    /// Feeds the first page alone (as `listOrders` does), then `count` windows of pages, each page taking
    /// `latency(pagesInFlight)` seconds; answers the window sizes used.
    func run(_ window: inout PageWindow, pages count: Int, latency: (Int) -> TimeInterval) -> [Int] {
        let first = window.started()
        window.answered(sequence: first, latency: latency(1))
        var seen: [Int] = []
        for _ in 0..<count {
            let inFlight = window.pagesInFlight
            seen.append(inFlight)
            let sequences = (0..<inFlight).map { _ in window.started() }
            for s in sequences { window.answered(sequence: s, latency: latency(inFlight)) }
        }
        return seen
    }

    @Test func startsAtTwoAndGrowsToTheCapWhileLatencyIsFlat() {
        var window = PageWindow(maxPages: 6, timeoutFloor: 30)
        #expect(window.pagesInFlight == 2)
        let seen = run(&window, pages: 20) { _ in 0.5 }
        #expect(seen.first == 2)
        #expect(seen.last == 6)
        #expect(seen == seen.sorted(), "a flat server never shrinks the window: \(seen)")
        #expect(window.decreases == 0)
    }

    @Test func aServerWhoseLatencyGrowsWithConcurrencyKeepsTheWindowSmall() {
        var window = PageWindow(maxPages: 6, timeoutFloor: 30)
        // Processor sharing: k pages at once take k times as long each.
        let seen = run(&window, pages: 40) { inFlight in 0.4 * Double(inFlight) }
        #expect(seen.dropFirst(2).allSatisfy { $0 <= 2 }, "\(seen)")
        #expect(window.decreases > 0)
    }

    @Test func halvesOncePerWindowNotOncePerSlowPage() {
        var window = PageWindow(initial: 4, maxPages: 8, timeoutFloor: 30)
        let first = window.started()
        window.answered(sequence: first, latency: 1)
        let sent = (0..<4).map { _ in window.started() }
        for s in sent { window.answered(sequence: s, latency: 5) }
        #expect(window.decreases == 1)
        #expect(window.pagesInFlight == 2)
        // A page sent after the decrease may halve it again.
        let later = window.started()
        window.answered(sequence: later, latency: 5)
        #expect(window.decreases == 2)
        #expect(window.pagesInFlight == 1)
    }

    @Test func neverBelowOnePageNorAboveTheCap() {
        var window = PageWindow(initial: 9, maxPages: 3, timeoutFloor: 30)
        #expect(window.pagesInFlight == 3)
        for latency in [1.0, 10, 100, 1000] {
            let s = window.started()
            window.answered(sequence: s, latency: latency)
        }
        #expect(window.pagesInFlight == 1)
    }

    @Test func timeoutFollowsTheSlowestPageAboveTheFloor() {
        var window = PageWindow(maxPages: 4, timeoutFloor: 30)
        #expect(window.timeout == 30)
        var s = window.started()
        window.answered(sequence: s, latency: 2)
        #expect(window.timeout == 30)
        s = window.started()
        window.answered(sequence: s, latency: 12)
        #expect(window.timeout == 48)
        s = window.started()
        window.answered(sequence: s, latency: 3)
        #expect(window.timeout == 48, "a fast page does not shorten the wait for a slow one")
    }
}
