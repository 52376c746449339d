/// The row index of every loaded order by its key: open addressing with linear probing over row indices (plus one;
/// 0 is an empty slot), the keys themselves read from the rows. A quarter of the memory of a `[RowKey: Int32]` and
/// no SipHash per lookup.
struct RowKeyTable: Sendable {
    private var slots: [UInt32] = []
    private(set) var count = 0

    /// A well-mixed hash of a key (uuids made by a server are random, but test and synthetic ones are not).
    @inline(__always)
    static func hash(_ key: RowKey) -> Int {
        var h = key.hi &* 0x9E37_79B9_7F4A_7C15 ^ (key.lo &+ (key.irregular ? 0x5851_F42D_4C95_7F2D : 0)) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 31
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 29
        return Int(truncatingIfNeeded: h)
    }

    /// The table of `rows` (their indices); nil when two rows share a key.
    init?(_ rows: [OrderRow]) {
        reserve(rows.count, rows: rows)
        let ok = rows.withUnsafeBufferPointer { r in
            for i in 0..<r.count where !insertNew(r[i].key, row: Int32(i), rows: r) { return false }
            return true
        }
        guard ok else { return nil }
    }

    init() {}

    /// The row holding `key`.
    func index(of key: RowKey, rows: [OrderRow]) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var at = RowKeyTable.hash(key) & mask
        return slots.withUnsafeBufferPointer { s in
            rows.withUnsafeBufferPointer { r in
                while true {
                    let slot = s[at]
                    if slot == 0 { return nil }
                    let i = Int(slot - 1)
                    if i < r.count, r[i].key == key { return Int32(i) }
                    at = (at + 1) & mask
                }
            }
        }
    }

    /// Adds row `row`, whose key is not in the table yet (`rows` hold it, and give the other keys when the table grows).
    mutating func insert(_ key: RowKey, row: Int32, rows: [OrderRow]) {
        reserve(count + 1, rows: rows)
        rows.withUnsafeBufferPointer { r in _ = insertNew(key, row: row, rows: r) }
    }

    /// Places `row` under `key` unless a row with that key is there (then false).
    private mutating func insertNew(_ key: RowKey, row: Int32, rows r: UnsafeBufferPointer<OrderRow>) -> Bool {
        let mask = slots.count - 1
        var at = RowKeyTable.hash(key) & mask
        let placed = slots.withUnsafeMutableBufferPointer { s in
            while s[at] != 0 {
                let i = Int(s[at] - 1)
                if i < r.count, r[i].key == key { return false }
                at = (at + 1) & mask
            }
            s[at] = UInt32(row) + 1
            return true
        }
        if placed { count += 1 }
        return placed
    }

    /// Room for `n` rows at most 70% full; growing re-places every row by its key in `rows`.
    private mutating func reserve(_ n: Int, rows: [OrderRow]) {
        guard n * 10 > slots.count * 7 else { return }
        var size = 16
        while n * 10 > size * 7 { size *= 2 }
        let old = slots
        slots = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        rows.withUnsafeBufferPointer { r in
            slots.withUnsafeMutableBufferPointer { s in
                for slot in old where slot != 0 {
                    var at = RowKeyTable.hash(r[Int(slot - 1)].key) & mask
                    while s[at] != 0 { at = (at + 1) & mask }
                    s[at] = slot
                }
            }
        }
    }
}
