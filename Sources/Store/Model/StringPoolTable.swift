import Foundation

/// The ids of a `StringPool`'s strings by content: open addressing with linear probing over 64-bit slots (the hash's
/// top 32 bits, then the id; 0 is an empty slot, id 0 is never stored). Strings are equal as Swift compares them
/// (canonical equivalence), so the hash is taken over the NFC bytes: a string's own bytes when they are ASCII.
/// Cheaper than a `[String: UInt32]` (no SipHash, no resizing of keys) and half its memory.
struct StringPoolTable: Sendable {
    private var slots: [UInt64] = []
    private(set) var count = 0

    init(capacity: Int = 0) { reserve(capacity) }

    /// The hash of `text` that equal strings share.
    static func hash(_ text: String) -> UInt64 {
        var copy = text
        let (h, ascii) = copy.withUTF8 { StringPoolTable.hash(UnsafeRawBufferPointer($0)) }
        return ascii ? h : hashNonASCII(text)
    }

    /// The hash of UTF-8 `bytes`, and whether they are ASCII (when not, `hashNonASCII` of the string is the hash).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> (UInt64, ascii: Bool) {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var high: UInt64 = 0
        let words = bytes.count / 8
        var i = 0
        while i < words {
            let w = bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
            high |= w
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 1
        }
        var tail: UInt64 = 0
        for k in (words * 8)..<bytes.count { tail = tail << 8 | UInt64(bytes[k]) }
        high |= tail
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        return (h, high & 0x8080_8080_8080_8080 == 0)
    }

    /// The hash of a non-ASCII string: over its canonical composition (NFC), so canonically equivalent spellings
    /// (and the singletons that compose to ASCII, such as the Kelvin sign) share it.
    static func hashNonASCII(_ text: String) -> UInt64 {
        var nfc = text.precomposedStringWithCanonicalMapping
        return nfc.withUTF8 { StringPoolTable.hash(UnsafeRawBufferPointer($0)).0 }
    }

    /// The id of the string equal to `text` (whose hash is `h`) among `values`, or nil.
    @inline(__always)
    func find(_ text: String, hash h: UInt64, in values: [String]) -> UInt32? {
        guard !slots.isEmpty else { return nil }
        let tag = h >> 32
        let mask = slots.count - 1
        var at = Int(truncatingIfNeeded: tag) & mask
        return slots.withUnsafeBufferPointer { s in
            while true {
                let slot = s[at]
                if slot == 0 { return nil }
                if slot >> 32 == tag {
                    let id = UInt32(truncatingIfNeeded: slot)
                    if Int(id) < values.count, values[Int(id)] == text { return id }
                }
                at = (at + 1) & mask
            }
        }
    }

    /// Adds `id` under hash `h` (the string must not be in the table yet).
    mutating func insert(_ id: UInt32, hash h: UInt64) {
        if (count + 1) * 10 > slots.count * 7 { reserve(max(count + 1, count * 2)) }
        place(slot: (h >> 32) << 32 | UInt64(id))
        count += 1
    }

    /// Adds ids `first..<first + hashes.count` (`hashes[k]` the hash of id `first + k`, none of them in the table yet)
    /// in one pass: their slots sorted by place in the table, so the table fills in order instead of at random.
    /// Answers false when `same` says two of them are equal (equal strings share a hash, hence a probe chain); the
    /// table is then unusable.
    mutating func insert(first: UInt32, hashes: [UInt64], same: (UInt32, UInt32) -> Bool) -> Bool {
        guard !hashes.isEmpty else { return true }
        reserve(count + hashes.count)
        let mask = UInt64(slots.count - 1)
        var pending = [UInt64](unsafeUninitializedCapacity: hashes.count) { out, n in
            for k in 0..<hashes.count { out[k] = (hashes[k] >> 32) << 32 | UInt64(first + UInt32(k)) }
            n = hashes.count
        }
        // LSD radix sort of the slots by their place (11 bits a pass).
        var other = [UInt64](repeating: 0, count: pending.count)
        var shift: UInt64 = 0
        while shift < UInt64(mask.nonzeroBitCount) {
            var offsets = [Int](repeating: 0, count: 2049)
            pending.withUnsafeBufferPointer { p in
                other.withUnsafeMutableBufferPointer { o in
                    offsets.withUnsafeMutableBufferPointer { c in
                        for v in p { c[Int(((v >> 32) & mask) >> shift & 2047) + 1] += 1 }
                        for d in 1...2048 { c[d] += c[d - 1] }
                        for v in p {
                            let d = Int(((v >> 32) & mask) >> shift & 2047)
                            o[c[d]] = v
                            c[d] += 1
                        }
                    }
                }
            }
            swap(&pending, &other)
            shift += 11
        }
        let placed = slots.withUnsafeMutableBufferPointer { s in
            for slot in pending {
                var at = Int(truncatingIfNeeded: slot >> 32) & Int(mask)
                while s[at] != 0 {
                    if s[at] >> 32 == slot >> 32, same(UInt32(truncatingIfNeeded: s[at]), UInt32(truncatingIfNeeded: slot)) { return false }
                    at = (at + 1) & Int(mask)
                }
                s[at] = slot
            }
            return true
        }
        if placed { count += hashes.count }
        return placed
    }

    /// Makes room for `n` strings without growing again (slots keep their tags, so nothing is hashed again).
    mutating func reserve(_ n: Int) {
        guard n * 10 > slots.count * 7 else { return }
        var size = 16
        while n * 10 > size * 7 { size *= 2 }
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        for slot in old where slot != 0 { place(slot: slot) }
    }

    @inline(__always)
    private mutating func place(slot: UInt64) {
        let mask = slots.count - 1
        var at = Int(truncatingIfNeeded: slot >> 32) & mask
        slots.withUnsafeMutableBufferPointer { s in
            while s[at] != 0 { at = (at + 1) & mask }
            s[at] = slot
        }
    }
}
