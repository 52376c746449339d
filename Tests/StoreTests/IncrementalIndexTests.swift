import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The index keeps its derived arrays up to date page by page (only merged rows evaluated); these tests check that
/// what it serves is exactly what a full recompute from its rows serves, through the reducer, for several sorts,
/// filters, queues and orders of arrival.
@Suite struct IncrementalIndexTests {
    static let userQueues: [(name: String, filter: String)] = [
        (name: "VMs", filter: "offering:vm type:create"), (name: "Not done", filter: "-state:done"), (name: "Kilo", filter: "kilo cost>50"),
    ]

    /// A varied order: known and unknown states, a missing cost, inexact costs, shared and unique names.
    static func order(_ n: Int, version: Int = 0) -> Order {
        let states: [OrderState] = [.pendingConsumer, .pendingProvider, .executing, .done, .erred, .canceled, .rejected,
                                    .unknown("archived"), .pendingProject, .unknown("frozen")]
        let words = ["alpha", "bravo", "kilo", "delta", "echo", "hotel", "ação"]
        let v = n + version * 7
        var o = makeOrder(n, state: states[v % states.count], type: [.create, .update, .terminate][n % 3],
                          offering: "\(words[n % words.count].capitalized) VM \(n % 5)", project: "Project \(words[(n / 3) % words.count])",
                          customer: "Customer \(n % 11)", provider: "Provider \(n % 4)", resource: "res-\(words[n % words.count])-\(n)",
                          creator: "user\(n % 13)",
                          cost: n % 17 == 0 ? nil : (n % 19 == 0 ? "0.\(String(repeating: "3", count: 14))" : "\(v % 200).\(n % 100)"),
                          created: n % 23 == 0 ? nil : testNow.addingTimeInterval(Double(-(n % 400) * 60)),
                          modified: testNow.addingTimeInterval(Double(-n * 10 + version * 5_000)))
        if n % 29 == 0 { o.createdByUsername = nil }
        return o
    }

    /// Every list view of the state recomputed from the rows: filter and queues over the current sort order, or
    /// everything including the sort.
    static func expectServesRecomputed(_ state: AppState, resorting: Bool, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let full = state.orders.recomputed(state.listView, resorting: resorting)
        #expect(state.orders.sorted == full.sorted, "\(what): sort order", sourceLocation: sourceLocation)
        #expect(state.orders.filtered == full.filtered, "\(what): filtered rows", sourceLocation: sourceLocation)
        #expect(state.orders.visible == full.visible, "\(what): visible rows", sourceLocation: sourceLocation)
        #expect(state.orders.counts == full.counts, "\(what): counts", sourceLocation: sourceLocation)
        let same = state.orders == full // (a Bool, so that a failure does not print both indexes whole)
        #expect(same, "\(what): whole index", sourceLocation: sourceLocation)
    }

    /// Loads `total` orders in shuffled pages through the reducer (with the "Needs me" pages in between, duplicates and
    /// stale answers), checking after every page, then polls with updates, new orders and a removal.
    static func run(sort: OrderSort, filter: String, queue: Int, seed: UInt64, total: Int = 7_000) {
        var random = TestRandom(seed)
        var state = AppState(configuration: StoreConfiguration(refreshInterval: 10, userQueues: userQueues), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        let effects = reduce(&state, .persistedSortLoaded(sort))
        _ = reduce(&state, .setFilterText(filter))
        _ = reduce(&state, .selectQueue(queue))
        let requests = loads(effects)
        guard let full = requests.first(where: { $0.purpose == .full(reconcile: false) }),
              let consumer = requests.first(where: { $0.purpose == .needsMeConsumer(incremental: false) }) else {
            Issue.record("no full load started")
            return
        }
        let all = (0..<total).map { order($0) }.shuffled(using: &random)
        var at = 0
        var page = 0
        while at < all.count {
            let size = Int.random(in: 200...900, using: &random)
            var orders = Array(all[at..<min(all.count, at + size)])
            if page % 4 == 3, let again = all[..<at].randomElement(using: &random) { orders.append(again) } // a repeated order
            _ = reduce(&state, .pageLoaded(id: full.id, orders: orders, totalCount: total))
            expectServesRecomputed(state, resorting: false, "page \(page)")
            if page == 5 {
                let pending = all[..<at].filter { $0.state == .pendingConsumer }.prefix(300)
                _ = reduce(&state, .pageLoaded(id: consumer.id, orders: Array(pending), totalCount: nil))
                expectServesRecomputed(state, resorting: false, "needs-me page")
            }
            at += size
            page += 1
        }
        _ = reduce(&state, .loadFinished(id: full.id))
        _ = reduce(&state, .loadFinished(id: consumer.id))
        expectServesRecomputed(state, resorting: true, "load finished")

        // Refreshes: changed orders (state, cost, modified), stale answers, new orders, in several merges.
        for round in 1...3 {
            var changes = (0..<120).map { _ in order(Int.random(in: 0..<total, using: &random), version: round) }
            changes += (0..<40).map { order(total + round * 100 + $0) }
            changes.append(order(Int.random(in: 0..<total, using: &random), version: -5)) // older than loaded: ignored
            state.now = testNow.addingTimeInterval(Double(round * 30))
            _ = reduce(&state, .tick(now: state.now))
            _ = state.merge(changes.shuffled(using: &random), purpose: .poll, flagChanges: true)
            expectServesRecomputed(state, resorting: true, "refresh \(round)")
        }
        // A removal (a detail fetch answers 404).
        if let gone = state.orders.visible.first.map({ state.uuid(ofRow: $0) }) {
            _ = reduce(&state, .orderRetrieveFailed(gone, .http(status: 404, serverMessage: "Not found.", retryAfter: nil)))
            #expect(state.rowIndex(gone) == nil)
            expectServesRecomputed(state, resorting: true, "after removal")
        }
    }

    @Test(arguments: [
        (OrderSort(key: .created, ascending: false), "", 6),
        (OrderSort(key: .state, ascending: true), "state:erred,archived", 6),
        (OrderSort(key: .cost, ascending: false), "kilo", 1),
        (OrderSort(key: .offering, ascending: true), "-state:done hotel cost>100", 8),
        (OrderSort(key: .resource, ascending: false), "offering:echo", 7),
        (OrderSort(key: .modified, ascending: true), "aç", 0),
        (OrderSort(key: .uuid, ascending: true), "0000", 9),
    ])
    func pageMergesServeWhatAFullRecomputeServes(sort: OrderSort, filter: String, queue: Int) {
        IncrementalIndexTests.run(sort: sort, filter: filter, queue: queue, seed: UInt64(queue * 31 + filter.count))
    }

    @Test func typingAndBackspacingAfterAnIncrementalLoadServeWhatAFullRecomputeServes() {
        var state = AppState(configuration: StoreConfiguration(refreshInterval: 0, userQueues: IncrementalIndexTests.userQueues), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        let effects = reduce(&state, .persistedSortLoaded(nil))
        guard let full = loads(effects).first(where: { $0.purpose == .full(reconcile: false) }) else {
            Issue.record("no full load started")
            return
        }
        for start in stride(from: 0, to: 8_000, by: 1_000) {
            _ = reduce(&state, .pageLoaded(id: full.id, orders: (start..<start + 1_000).map { IncrementalIndexTests.order($0) }, totalCount: 8_000))
        }
        _ = reduce(&state, .loadFinished(id: full.id))
        for text in ["hotel", "state:erred", "cost>150", "-state:done kilo cost>=20", "user1", "offering:vm type:update"] {
            var typed = ""
            for c in text {
                typed.append(c)
                _ = reduce(&state, .setFilterText(typed))
                IncrementalIndexTests.expectServesRecomputed(state, resorting: true, "typed \(typed)")
            }
            while !typed.isEmpty {
                typed.removeLast()
                _ = reduce(&state, .setFilterText(typed))
                IncrementalIndexTests.expectServesRecomputed(state, resorting: true, "erased to \(typed)")
            }
        }
    }
}

/// A small deterministic generator (a 64-bit linear congruential step, output mixed), so a failing shuffle can be replayed.
struct TestRandom: RandomNumberGenerator {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}
