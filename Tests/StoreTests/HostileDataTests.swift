import Foundation
import Testing
import WaldurClient
@testable import OrderStore

@Suite struct HostileDataTests {
    @Test func escapesInNamesNeverReachTheDisplayData() {
        var evil = makeOrder(1, project: "\u{1b}[2J\u{1b}]0;pwned\u{07}", creator: "a\u{9b}b")
        evil.offeringName = "line\nbreak"
        var s = loadedState([evil])
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        let row = s.visibleRow(at: 0)
        for text in [row?.project, row?.offering, row?.createdBy] {
            #expect(text?.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) } == false)
        }
        // Filtering on the raw text still works.
        _ = reduce(&s, .setFilterText("pwned"))
        #expect(s.visibleCount == 1)
    }

    @Test func megabyteValuesAreCutForTheScreenButNotForTheFilter() {
        let huge = String(repeating: "é", count: 600_000) // 1.2 MB of two-byte scalars
        // Cut at a scalar boundary, never inside a two-byte character, with the full size noted.
        let cut = TextFolding.clipped(huge, maxBytes: 1001)
        #expect(cut.hasPrefix(String(repeating: "é", count: 500)))
        #expect(cut.hasSuffix(" … [cut: 1200000 bytes in all]"))
        #expect(cut.utf8.count < 1100)
        #expect(TextFolding.clipped("short", maxBytes: 1001) == "short")
        // Cut again (a cut comment drawn as one line): the note still gives the size of the whole value.
        #expect(TextFolding.clipped(cut, maxBytes: 100).hasSuffix(" … [cut: 1200000 bytes in all]"))
        var big = makeOrder(1, project: "needle" + huge)
        big.requestComment = huge
        var s = loadedState([big, makeOrder(2)])
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .selectOrder(uuid(1)))
        _ = reduce(&s, .orderRetrieved(big))
        #expect((s.visibleRow(at: 0)?.project.utf8.count ?? .max) < 2048)
        let lines = s.detail?.sections.flatMap(\.lines).map(\.text) ?? []
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.utf8.count <= 33 * 1024 }, "every detail value is cut")
        #expect(lines.contains { $0.hasSuffix("[cut: 1200000 bytes in all]") }, "\(lines.filter { $0.contains("cut") }.map { $0.suffix(60) })")
        // The filter still sees the whole text.
        _ = reduce(&s, .setFilterText("needle"))
        #expect(s.visibleCount == 1)
    }

    @Test func unknownStatesAndTypesAreKeptAndCountedOnlyInAll() {
        var odd = makeOrder(1)
        odd.state = .unknown("pending-quantum")
        odd.type = .unknown("Teleport")
        var s = loadedState([odd, makeOrder(2, state: .done)])
        #expect(s.count(of: "All") == 2)
        #expect(s.count(of: "Pending") == 0)
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .selectOrder(uuid(1)))
        #expect(s.selectedRow?.state == .unknown("pending-quantum"))
        #expect(s.selectedRow?.type == "Teleport")
        #expect(s.actionMenu.allSatisfy { !$0.isAvailable })
        for key in SortKey.allCases { _ = reduce(&s, .sort(by: key, ascending: true)) }
        #expect(s.visibleCount == 2)
        #expect(s.detail?.title.contains("pending-quantum") == true)
    }

    @Test func ordersWithOnlyAUUID() {
        var s = loadedState([Order(uuid: uuid(5))])
        _ = reduce(&s, .selectQueue(s.queueIndex("All")))
        _ = reduce(&s, .setFilterText("cost>1"))
        #expect(s.visibleCount == 0)
        _ = reduce(&s, .setFilterText("-cost>1 age<1h"))
        #expect(s.visibleCount == 0)
        _ = reduce(&s, .setFilterText("-cost>1"))
        #expect(s.visibleCount == 1)
        #expect(s.visibleRow(at: 0)?.cost == "")
    }
}
