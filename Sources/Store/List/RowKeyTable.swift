/// The row index of every loaded order by its key: open addressing with linear probing over 64-bit slots (the top
/// 32 bits of the key's hash, then the row index plus one; 0 is an empty slot). A row's key is read only when its
/// slot's hash bits match, so probing stays in the table. Half the memory of a `[RowKey: Int32]` and no SipHash.
struct RowKeyTable: Sendable {
    private var slots: [UInt64] = []
    private(set) var count = 0

    /// The top 32 bits of a well-mixed hash of a key (uuids made by a server are random; test and synthetic ones are not).
    @inline(__always)
    static func tag(_ key: RowKey) -> UInt64 {
        var h = key.hi &* 0x9E37_79B9_7F4A_7C15 ^ (key.lo &+ (key.irregular ? 0x5851_F42D_4C95_7F2D : 0)) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 31
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 29
        return h >> 32
    }

    /// The table of `rows` (their indices); nil when two rows share a key.
    init?(_ rows: [OrderRow]) {
        reserve(rows.count)
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
        let tag = RowKeyTable.tag(key)
        var at = Int(truncatingIfNeeded: tag) & mask
        return slots.withUnsafeBufferPointer { s in
            rows.withUnsafeBufferPointer { r in
                while true {
                    let slot = s[at]
                    if slot == 0 { return nil }
                    if slot >> 32 == tag {
                        let i = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                        if i < r.count, r[i].key == key { return Int32(i) }
                    }
                    at = (at + 1) & mask
                }
            }
        }
    }

    /// Adds row `row`, whose key is not in the table yet (`rows` hold it).
    mutating func insert(_ key: RowKey, row: Int32, rows: [OrderRow]) {
        reserve(count + 1)
        rows.withUnsafeBufferPointer { r in _ = insertNew(key, row: row, rows: r) }
    }

    /// Places `row` under `key` unless a row with that key is there (then false).
    private mutating func insertNew(_ key: RowKey, row: Int32, rows r: UnsafeBufferPointer<OrderRow>) -> Bool {
        let mask = slots.count - 1
        let tag = RowKeyTable.tag(key)
        var at = Int(truncatingIfNeeded: tag) & mask
        let placed = slots.withUnsafeMutableBufferPointer { s in
            while s[at] != 0 {
                if s[at] >> 32 == tag {
                    let i = Int(truncatingIfNeeded: s[at] & 0xFFFF_FFFF) - 1
                    if i < r.count, r[i].key == key { return false }
                }
                at = (at + 1) & mask
            }
            s[at] = tag << 32 | (UInt64(row) + 1)
            return true
        }
        if placed { count += 1 }
        return placed
    }

    /// Room for `n` rows at most 70% full (growing doubles; slots keep their hash bits, so no key is read).
    private mutating func reserve(_ n: Int) {
        guard n * 10 > slots.count * 7 else { return }
        var size = max(16, slots.count * 2)
        while n * 10 > size * 7 { size *= 2 }
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        slots.withUnsafeMutableBufferPointer { s in
            for slot in old where slot != 0 {
                var at = Int(truncatingIfNeeded: slot >> 32) & mask
                while s[at] != 0 { at = (at + 1) & mask }
                s[at] = slot
            }
        }
    }
}
