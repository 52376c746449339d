import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The fast paths of the index against the plain definitions they replace: the radix sort against a comparison
/// sort, the column filter against the per-row test, the extended name bitmap against a fresh one, the radix name
/// ranks against a string comparison.
@Suite struct IndexKernelTests {
    /// Orders with the awkward cases: equal keys, absent dates and costs, -0 and NaN-free extremes, unknown states
    /// and types, irregular uuids, accents, names longer than 16 bytes sharing their start.
    static func awkwardOrders() -> [Order] {
        (0..<1_500).map { n in
            var o = IncrementalIndexTests.order(n)
            if n % 37 == 0 { o = Order(uuid: WaldurUUID("not-a-uuid-\(n)")); o.state = .unknown("odd") }
            if n % 41 == 0 { o.type = .unknown("transmogrify") }
            if n % 43 == 0 { o.type = nil }
            if n % 31 == 0 { o.created = Date(timeIntervalSince1970: n % 2 == 0 ? 0 : -0.0) }
            if n % 47 == 0 { o.cost = Money(text: "-\(n).5") }
            if n % 53 == 0 { o.customerName = "A very long customer organisation name \(n % 3)" }
            if n % 59 == 0 { o.projectName = "A very long customer organisation name \(n % 3)x" }
            if n % 7 == 0 { o.consumerReviewedByUsername = "ÉVA\(n % 5)"; o.consumerReviewedAt = testNow.addingTimeInterval(Double(-n)) }
            return o
        }
    }

    static func index(_ orders: [Order], sort: OrderSort = OrderSort(key: .created, ascending: false)) -> OrderIndex {
        var state = AppState(configuration: StoreConfiguration(refreshInterval: 0, userQueues: IncrementalIndexTests.userQueues), now: testNow)
        _ = reduce(&state, .start(now: testNow))
        _ = reduce(&state, .persistedSortLoaded(sort))
        _ = state.merge(orders, purpose: nil, flagChanges: false)
        return state.orders
    }

    /// The sort as it was defined before the radix sort: (key, newest first, row index) tuples and a comparison sort.
    static func referenceOrder(_ index: inout OrderIndex, _ sort: OrderSort) -> [Int32] {
        let keys = index.sortKeys(sort)
        var items: [(Int64, Double, Int32)] = []
        for (i, row) in index.rows.enumerated() {
            let c = row.created
            items.append((sort.ascending ? keys[i] : ~keys[i], c.isNaN ? Double.infinity : -c, Int32(i)))
        }
        items.sort { a, b in a.0 != b.0 ? a.0 < b.0 : (a.1 != b.1 ? a.1 < b.1 : a.2 < b.2) }
        return items.map(\.2)
    }

    @Test func radixSortOrdersLikeTheComparisonSortForEveryColumnAndDirection() {
        var index = IndexKernelTests.index(IndexKernelTests.awkwardOrders())
        for key in SortKey.allCases {
            for ascending in [true, false] {
                let sort = OrderSort(key: key, ascending: ascending)
                #expect(index.sortedIndices(sort) == IndexKernelTests.referenceOrder(&index, sort), "\(key) \(ascending ? "ascending" : "descending")")
            }
        }
    }

    @Test func stableRadixSortKeepsTheGivenOrderOfEqualKeys() {
        var random = TestRandom(7)
        let keys = (0..<5_000).map { _ in UInt64.random(in: 0...40, using: &random) << UInt64.random(in: 0...60, using: &random) }
        let order = (0..<Int32(5_000)).shuffled(using: &random)
        let expected = order.enumerated().sorted { a, b in
            keys[Int(a.element)] != keys[Int(b.element)] ? keys[Int(a.element)] < keys[Int(b.element)] : a.offset < b.offset
        }.map(\.element)
        #expect(StableRadixSort.sort(order, by: keys) == expected)
        #expect(StableRadixSort.unsigned(-0.0) == StableRadixSort.unsigned(0.0))
        #expect(StableRadixSort.unsigned(-1.5) < StableRadixSort.unsigned(-0.25) && StableRadixSort.unsigned(0.0) < StableRadixSort.unsigned(.leastNonzeroMagnitude))
        #expect(StableRadixSort.unsigned(Int64.min) < StableRadixSort.unsigned(-1 as Int64) && StableRadixSort.unsigned(-1 as Int64) < StableRadixSort.unsigned(0 as Int64))
    }

    @Test(arguments: ["kilo", "a", "0", "00000000000000000000000000000001", "-kilo", "!state:done", "state:erred,done", "type:update",
                      "-type:create", "cost>50", "cost<=0.3333333333", "cost<0.33333333333333", "-cost>=100.5", "offering:echo",
                      "project:" + hex(4_000_000), "by:user1", "-by:user1 kilo", "ÉVA", "eva2", "very long customer", "notauuid37",
                      "customer:long -state:done cost>10", "age<2h", "modified>2026-11-25", "zzz", "res-delta-4"])
    func columnFilterPassesTheRowsThePerRowTestPasses(filter: String) throws {
        let index = IndexKernelTests.index(IndexKernelTests.awkwardOrders())
        let expression = try parseFilter(filter).get()
        let compiled = CompiledFilter(expression, pool: index.pool, now: testNow, previous: nil)
        var random = TestRandom(UInt64(filter.utf8.count))
        let all = [Int32](0..<Int32(index.count)).shuffled(using: &random)
        let byRow = all.filter { compiled.matches(index.rows[Int($0)]) }
        #expect(compiled.filter(all, rows: index.rows, columns: index.columns) == byRow, "\(filter)")
        #expect(!byRow.isEmpty || ["zzz"].contains(filter) || filter.hasPrefix("project:"), "the case tests nothing: \(filter)")
    }

    @Test func nameBitmapsAnswerLikeASubstringSearchOfEveryName() {
        var pool = StringPool()
        for order in IndexKernelTests.awkwardOrders() { _ = OrderRow(order, pool: &pool) }
        for name in ["nul\u{0}byte", "a-b_c.d", "Ωmega ünï", "ação", "K"] { _ = pool.intern(name) }
        let folded = (0..<pool.count).map { TextFolding.foldedBytes(pool[UInt32($0)]) }
        for word in ["e", "k", "7", "-", ".", " ", "\u{0}", "a", "res-", "res-k", "ilo-1", "éva", "eva", "ça", "ω", "zzz", "long customer"] {
            let needle = Array(TextFolding.fold(word).utf8)
            let expected = folded.map { TextFolding.contains($0, needle) }
            let fresh = pool.bitmap(needle, base: nil)
            #expect(fresh == expected, "\(word)")
            // Grown from a shorter needle it contains: only the shorter one's matches are searched.
            if needle.count > 1 {
                let shorter = pool.bitmap(Array(needle.dropLast()), base: nil)
                #expect(pool.bitmap(needle, base: shorter) == expected, "\(word) from its prefix")
            }
        }
    }

    @Test(arguments: [3, 10, 50])
    func columnFilterOverPartOfTheRowsPassesWhatThePerRowTestPasses(part: Int) throws {
        let index = IndexKernelTests.index(IndexKernelTests.awkwardOrders())
        var random = TestRandom(UInt64(part))
        let source = [Int32](0..<Int32(index.count)).shuffled(using: &random).prefix(index.count * part / 100).map { $0 }
        for filter in ["kilo", "-state:done e", "cost>50 a", "by:user1", "-kilo", "ÉVA type:update"] {
            let compiled = CompiledFilter(try parseFilter(filter).get(), pool: index.pool, now: testNow, previous: nil)
            #expect(compiled.filter(source, rows: index.rows, columns: index.columns) == source.filter { compiled.matches(index.rows[Int($0)]) },
                    "\(filter) over \(part)%")
        }
    }

    @Test func everyTabCountsTheRowsItShows() {
        // Ten user queues (two bytes of membership masks), under filters passing every row, most rows and few.
        let filters = ["kilo", "-state:done", "type:update", "cost>50", "e", "-e", "by:user1", "ÉVA", "offering:echo", "state:erred,done"]
        let configuration = StoreConfiguration(refreshInterval: 0, userQueues: filters.enumerated().map { (name: "Q\($0.offset)", filter: $0.element) })
        var state = loadedState(IndexKernelTests.awkwardOrders(), configuration: configuration)
        for filter in ["", "e", "res-1", "zzz"] {
            _ = reduce(&state, .setFilterText(filter))
            for q in 0..<state.queues.count {
                _ = reduce(&state, .selectQueue(q))
                #expect(state.queueCounts[q] == state.visibleCount, "\(state.queues[q].name) under \"\(filter)\"")
            }
        }
    }

    @Test func extendedNameBitmapEqualsAFreshOne() {
        var pool = StringPool()
        for n in 0..<2_000 { _ = pool.intern("res-kilo-\(n)") }
        let needle = Array("lo-1".utf8)
        let early = pool.bitmap(needle, base: nil)
        for n in 0..<3_000 { _ = pool.intern(n % 2 == 0 ? "res-kilo-x\(n)" : "Kilo VM \(n)") }
        #expect(pool.bitmap(needle, known: early) == pool.bitmap(needle, base: nil))
    }

    @Test func radixNameRanksOrderLikeAStringComparison() {
        var pool = StringPool()
        let names = ["b", "a", "ab", "abcdefghijklmnopq", "abcdefghijklmnop", "abcdefghijklmnopr", "abcdefghijklmnopqr", "Ä", "ä x",
                     "zz", "z", "a\u{0}b", "a\u{0}", "res-kilo-10", "res-kilo-9", "res-kilo-100", "a very long shared prefix 1",
                     "a very long shared prefix 2", "a very long shared prefix", "ÉVA", "eva"]
        for name in names { _ = pool.intern(name) }
        let ranks = pool.ranks()
        let folded = (0..<pool.count).map { TextFolding.foldedBytes(pool[UInt32($0)]) }
        let byRank = (0..<pool.count).sorted { ranks[$0] < ranks[$1] }
        #expect(Set(ranks).count == pool.count)
        #expect(zip(byRank, byRank.dropFirst()).allSatisfy { !folded[$1].lexicographicallyPrecedes(folded[$0]) },
                "\(byRank.map { pool[UInt32($0)] })")
    }
}
