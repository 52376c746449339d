import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The column filter's block pass (row text signatures, 64-row bit masks, the exact answer for one letter or digit)
/// against the per-row test, over random names and random filter lines, and after rows changed in place.
@Suite struct TextSignatureFilterTests {
    static let pieces = ["a", "k", "7", "0", "res", "-", "ÉVA", "ação", "Ωmega", "ü", "lo", "kilo", "x", "ß", "K", "é", "q9", " "]

    /// A name of 1 to 4 random pieces.
    static func name(_ random: inout TestRandom) -> String {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
    }

    static func orders(_ count: Int, seed: UInt64) -> [Order] {
        var random = TestRandom(seed)
        return (0..<count).map { n in
            var o = IncrementalIndexTests.order(n)
            o.resourceName = name(&random)
            if n % 3 == 0 { o.offeringName = name(&random) }
            if n % 5 == 0 { o.customerName = nil }
            if n % 4 == 0 { o.consumerReviewedByUsername = name(&random) }
            if n % 11 == 0 { o.createdByFullName = name(&random) }
            return o
        }
    }

    /// A random line of one to three terms: words (some one letter or digit, some hex), negations, keys.
    static func line(_ random: inout TestRandom) -> String {
        let words = ["a", "k", "7", "0", "e", "é", "ü", "ω", "res", "lo", "kilo", "eva", "ação", "q9", "zz", "-", "9", "a7", "ß", "ss"]
        let keys = ["state:done", "type:update", "cost>50", "by:user1", "offering:kilo", "resource:a"]
        return (0..<Int.random(in: 1...3, using: &random)).map { _ -> String in
            let term = Int.random(in: 0..<4, using: &random) == 0 ? keys[Int.random(in: 0..<keys.count, using: &random)]
                : words[Int.random(in: 0..<words.count, using: &random)]
            return (Int.random(in: 0..<3, using: &random) == 0 ? "-" : "") + term
        }.joined(separator: " ")
    }

    /// Every row of the index the per-row test passes, and the column pass's answer over every row.
    static func expectColumnsMatchRows(_ index: OrderIndex, _ filter: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let compiled = CompiledFilter(try parseFilter(filter).get(), pool: index.pool, now: testNow, previous: nil)
        let all = [Int32](0..<Int32(index.count))
        let (rows, mask) = compiled.filterWithMask(all, rows: index.rows, columns: index.columns)
        let expected = all.filter { compiled.matches(index.rows[Int($0)]) }
        #expect(rows == expected, "\(filter)", sourceLocation: sourceLocation)
        #expect(mask.map { m in all.filter { m[Int($0)] } } == expected, "\(filter): mask", sourceLocation: sourceLocation)
    }

    @Test func randomLinesPassTheRowsThePerRowTestPasses() throws {
        // 1,000 rows: 15 full blocks of 64 and a partial one.
        let index = IndexKernelTests.index(TextSignatureFilterTests.orders(1_000, seed: 11))
        #expect(index.columns.textSignatures.count == index.count)
        var random = TestRandom(5)
        var tried = Set<String>()
        while tried.count < 150 {
            let filter = TextSignatureFilterTests.line(&random)
            // (A lone "-" is a parse error, not a filter.)
            guard case .success = parseFilter(filter), tried.insert(filter).inserted else { continue }
            try TextSignatureFilterTests.expectColumnsMatchRows(index, filter)
        }
    }

    @Test("typing a line key by key (narrowing tests only the terms that changed) shows what the whole line shows at once")
    func typingKeyByKeyMatchesAFreshFilter() throws {
        var base = loadedState(TextSignatureFilterTests.orders(400, seed: 3))
        _ = reduce(&base, .selectQueue(base.queueIndex("All")))
        var random = TestRandom(9)
        for _ in 0..<40 {
            let line = TextSignatureFilterTests.line(&random) + " " + TextSignatureFilterTests.line(&random)
            var typed = base
            for n in 1...line.count {
                let text = String(line.prefix(n))
                _ = reduce(&typed, .setFilterText(text))
                guard case .success = parseFilter(text) else { continue } // (an unfinished term keeps the last filter)
                var fresh = base
                _ = reduce(&fresh, .setFilterText(text))
                let shown = typed.visibleRows(0..<typed.visibleCount).map(\.uuid.hex)
                let expected = fresh.visibleRows(0..<fresh.visibleCount).map(\.uuid.hex)
                #expect(shown == expected, "\(text): \(shown.count) rows shown, \(expected.count) expected")
            }
        }
    }

    @Test func oneLetterAnswersStayExactAfterRowsChangeTheirNames() throws {
        var state = loadedState(TextSignatureFilterTests.orders(700, seed: 3))
        // Rows renamed in place (a newer version of the same orders) and rows added: their signatures follow.
        var random = TestRandom(9)
        let changed = (0..<200).map { n -> Order in
            var o = IncrementalIndexTests.order(n * 3)
            o.resourceName = "q\(TextSignatureFilterTests.name(&random))"
            o.modified = testNow.addingTimeInterval(1_000)
            return o
        }
        _ = state.merge(changed + TextSignatureFilterTests.orders(800, seed: 4).suffix(100), purpose: nil, flagChanges: false)
        let index = state.orders
        let renamed = try #require(index.rowIndex(changed[0].uuid))
        #expect(index.pool[index.rows[Int(renamed)].resource].hasPrefix("q"))
        for filter in ["q", "-q", "k", "7", "0 q", "-a -k", "ü", "ß q", "9"] {
            try TextSignatureFilterTests.expectColumnsMatchRows(index, filter)
        }
    }

    @Test func rowSignatureHoldsEveryByteOfItsFreeTextNames() {
        let index = IndexKernelTests.index(TextSignatureFilterTests.orders(300, seed: 8))
        for (i, row) in index.rows.enumerated() {
            for name in FilterColumns.Name.allCases where FilterColumns.Name.freeText & name.bit != 0 {
                let sig = StringPool.signature(index.pool.folded(name.id(row)))
                #expect(index.columns.textSignatures[i] & sig == sig, "row \(i) \(name)")
            }
        }
    }
}
