import Foundation
import Testing
import WaldurClient
@testable import OrderStore

/// The hash tables that replaced dictionaries: the string pool's ids by content (interned one by one, or built from
/// a snapshot's stored strings and folded bytes) against a `[String: UInt32]`, and the rows by key against a
/// `[RowKey: Int32]`.
@Suite struct LookupTableTests {
    /// Names with the awkward cases: canonically equivalent spellings, a singleton that composes to ASCII (Kelvin
    /// sign), NUL, accents, long shared prefixes, lengths around the 8-byte words of the hash.
    static func names() -> [String] {
        var out = ["alpha", "Alpha", "ALPHA", "e\u{301}cole", "\u{e9}cole", "K", "\u{212A}", "nul\u{0}byte", "nul", "Ωmega",
                   "\u{2126}mega", "Провайдер", "🧪 ünïcödé 漢字", "12345678", "123456789", "1234567", "", "a\u{0}"]
        for n in 0..<3_000 { out.append(n % 3 == 0 ? "res-kilo-\(n)" : (n % 3 == 1 ? "Project Ação \(n % 50)" : "user\(n % 700)")) }
        return out
    }

    /// Interning as it was done with a dictionary: equal Swift strings share an id, ids count up from 1.
    static func referenceIDs(_ names: [String]) -> [UInt32] {
        var ids: [String: UInt32] = ["": 0]
        var next: UInt32 = 1
        return names.map { name in
            if let id = ids[name] { return id }
            ids[name] = next
            next += 1
            return next - 1
        }
    }

    @Test func internGivesTheIdsOfADictionary() {
        let names = Self.names()
        var pool = StringPool()
        let ids = names.map { pool.intern($0) }
        #expect(ids == Self.referenceIDs(names))
        #expect(pool.intern("K") == pool.intern("\u{212A}"), "Swift compares them equal, so they share an id")
        #expect(pool.intern("\u{e9}cole") == pool.intern("e\u{301}cole"))
        #expect(pool.intern(nil) == 0 && pool.intern("") == 0)
        for id in 1..<UInt32(pool.count) {
            #expect(Array(pool.folded(id)) == TextFolding.foldedBytes(pool[id]), "\(pool[id].debugDescription)")
            #expect(pool.intern(pool[id]) == id, "found again")
        }
    }

    @Test func aPoolReadFromASnapshotHasTheSameIdsFoldedBytesAndLookups() throws {
        var pool = StringPool()
        for name in Self.names() { _ = pool.intern(name) }
        let identity = SnapshotIdentity(server: "s", user: "u")
        let read = try SnapshotCodec.decode(SnapshotCodec.encode(OrderSnapshot(identity: identity, writtenAt: testNow, rows: [], pool: pool)),
                                            expecting: identity).pool
        #expect(read.values == pool.values)
        for id in 0..<UInt32(pool.count) { #expect(read.folded(id) == pool.folded(id)) }
        var copy = read
        for name in Self.names() + ["K", "e\u{301}cole"] { #expect(copy.intern(name) == pool.intern(name)) }
        #expect(copy.count == pool.count, "nothing new was added")
        #expect(copy.intern("a new name") == UInt32(pool.count))
        #expect(read.bitmap(Array("kilo".utf8), base: nil) == pool.bitmap(Array("kilo".utf8), base: nil))
    }

    @Test func aSnapshotRepeatingANameIsCorrupt() throws {
        var pool = StringPool()
        _ = pool.intern("\u{e9}cole")
        _ = pool.intern("other")
        var bytes = SnapshotCodec.encode(OrderSnapshot(identity: SnapshotIdentity(server: "s", user: "u"), writtenAt: testNow, rows: [], pool: pool))
        // "other" (5 bytes, stored as folded) becomes a second spelling of the first name, and the checksum is redone.
        let other = Array("other".utf8)
        let at = try #require((0..<bytes.count - 5).first { Array(bytes[$0..<$0 + 5]) == other })
        let spelling = Array("e\u{301}cole".utf8), folded = Array("ecole".utf8)
        bytes.replaceSubrange(at - 1..<at + 6, with: [UInt8(spelling.count)] + spelling + [UInt8(folded.count + 1)] + folded)
        bytes.removeLast(8)
        let sum = bytes.withUnsafeBytes { SnapshotChecksum.of($0) }
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k)))) }
        #expect(throws: SnapshotError.corrupt("a name is empty or repeated")) { try SnapshotCodec.decode(bytes, expecting: nil) }
    }

    @Test func stringsAppendedUnindexedAreFoundOnceIndexed() {
        func append(_ pool: inout StringPool, _ text: String) {
            let bytes = Array(text.utf8), folded = TextFolding.foldedBytes(text)
            bytes.withUnsafeBytes { raw in folded.withUnsafeBytes { pool.appendUnindexed(raw: raw, folded: $0) } }
        }
        var bulk = StringPool()
        for name in ["b", "Ação", "c"] { append(&bulk, name) }
        let indexed = bulk.indexAppended()
        let ids = [bulk.intern("Ac\u{0327}a\u{0303}o"), bulk.intern("c"), bulk.intern("d")]
        #expect(indexed && ids == [2, 3, 4])
        // Onto a pool that held strings already: each is looked up, a repeat of an older one is refused.
        var later = bulk
        append(&later, "e")
        let laterIndexed = later.indexAppended()
        let e = later.intern("e")
        #expect(laterIndexed && e == 5)
        var repeated = bulk
        append(&repeated, "f")
        append(&repeated, "b")
        let repeatIndexed = repeated.indexAppended()
        #expect(!repeatIndexed)
        var empty = StringPool()
        append(&empty, "")
        let emptyIndexed = empty.indexAppended()
        #expect(!emptyIndexed, "an empty name")
    }

    @Test func rowKeyTableFindsEveryRowLikeADictionary() {
        var pool = StringPool()
        let orders = (0..<5_000).map { n in n % 97 == 0 ? Order(uuid: WaldurUUID("irregular-\(n)")) : makeOrder(n) }
        let rows = orders.map { OrderRow($0, pool: &pool) }
        let table = RowKeyTable(rows)
        #expect(table?.count == rows.count)
        var grown = RowKeyTable()
        for (i, row) in rows.enumerated() { grown.insert(row.key, row: Int32(i), rows: rows) }
        for (i, row) in rows.enumerated() {
            #expect(table?.index(of: row.key, rows: rows) == Int32(i))
            #expect(grown.index(of: row.key, rows: rows) == Int32(i))
        }
        #expect(table?.index(of: RowKey(WaldurUUID(hex(999_999))), rows: rows) == nil)
        #expect(table?.index(of: RowKey(WaldurUUID("irregular-1")), rows: rows) == nil)
        #expect(RowKeyTable(rows + [rows[17]]) == nil, "two rows with one key")
    }
}
