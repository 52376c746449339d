import Foundation

/// Interned strings: every distinct name is stored once, with its folded bytes computed once on insertion into one
/// contiguous arena. Rows refer to names by id, which keeps a row small and makes per-name filter results reusable.
public struct StringPool: Sendable {
    /// Id 0 is the empty string (an absent value).
    public private(set) var values: [String] = [""]
    /// Folded UTF-8 of every id, each followed by a 0 byte.
    private(set) var arena: [UInt8] = [0]
    /// Start of each id's folded bytes in `arena` (plus the end).
    private(set) var starts: [UInt32] = [0, 1]
    /// Per id: the signature of its folded bytes (`signature`), to skip names that cannot contain a needle.
    private(set) var signatures: [UInt64] = [0]
    /// The ids by content.
    private var table = StringPoolTable()
    /// The hashes of the strings added by `appendUnindexed` and not yet in `table`.
    private var unindexed: [UInt64] = []
    /// Ranks in folded order, computed lazily for sorting; valid while `rankCount == count`.
    private var rankCache: [Int64] = []
    private var rankCount = 0

    public init() {}

    public var count: Int { values.count }

    /// The id of `text`, inserting it when new; nil and "" are id 0.
    public mutating func intern(_ text: String?) -> UInt32 {
        guard let text, !text.isEmpty else { return 0 }
        var raw = text
        let (h, ascii) = raw.withUTF8 { StringPoolTable.hash(UnsafeRawBufferPointer($0)) }
        let hash = ascii ? h : StringPoolTable.hashNonASCII(text)
        if let id = table.find(text, hash: hash, in: values) { return id }
        let id = UInt32(values.count)
        values.append(text)
        if ascii {
            // ASCII folds to its lower case (what `TextFolding.fold` does for it), byte by byte.
            var sig: UInt64 = 0
            raw.withUTF8 { bytes in
                for b in bytes {
                    let folded = b &- 65 < 26 ? b | 0x20 : b
                    arena.append(folded)
                    sig |= StringPool.signatureBit(folded)
                }
            }
            signatures.append(sig)
        } else {
            let folded = TextFolding.foldedBytes(text)
            arena += folded
            signatures.append(StringPool.signature(folded))
        }
        arena.append(0)
        starts.append(UInt32(arena.count))
        table.insert(id, hash: hash)
        return id
    }

    /// Makes room for `strings` more strings of `bytes` folded bytes in all.
    mutating func reserveCapacity(strings: Int, bytes: Int) {
        values.reserveCapacity(values.count + strings)
        starts.reserveCapacity(starts.count + strings)
        signatures.reserveCapacity(signatures.count + strings)
        arena.reserveCapacity(arena.count + bytes + strings)
        table.reserve(table.count + strings)
    }

    /// Adds `raw` (UTF-8, not empty) with its folded bytes as given (a snapshot stores them, so nothing is folded
    /// again), without looking it up: `indexAppended` then indexes every string added so in one pass.
    mutating func appendUnindexed(raw: UnsafeRawBufferPointer, folded: UnsafeRawBufferPointer) {
        let text = String(decoding: raw, as: UTF8.self)
        let (h, ascii) = StringPoolTable.hash(raw)
        unindexed.append(ascii ? h : StringPoolTable.hashNonASCII(text))
        values.append(text)
        arena.append(contentsOf: folded)
        arena.append(0)
        starts.append(UInt32(arena.count))
        signatures.append(StringPool.signature(folded))
    }

    /// Indexes the strings added by `appendUnindexed`; false when one is empty or equal to another (the pool is
    /// then unusable).
    mutating func indexAppended() -> Bool {
        let first = UInt32(values.count - unindexed.count)
        let hashes = unindexed
        unindexed = []
        let values = self.values
        guard !values[Int(first)...].contains(where: \.isEmpty) else { return false }
        if table.count == 0, first == 1 {
            return table.insert(first: first, hashes: hashes) { values[Int($0)] == values[Int($1)] }
        }
        // Strings were there before: each is looked up.
        for (k, hash) in hashes.enumerated() {
            let id = first + UInt32(k)
            if table.find(values[Int(id)], hash: hash, in: values) != nil { return false }
            table.insert(id, hash: hash)
        }
        return true
    }

    /// The folded UTF-8 of `id` (without the 0 that ends it).
    func folded(_ id: UInt32) -> ArraySlice<UInt8> {
        guard Int(id) + 1 < starts.count else { return [] }
        return arena[Int(starts[Int(id)])..<Int(starts[Int(id) + 1]) - 1]
    }

    public subscript(id: UInt32) -> String { Int(id) < values.count ? values[Int(id)] : "" }

    /// For every id, whether its folded text contains `needle` (folded). With `base`, only ids true in `base` can
    /// match (the needle grew), so only those are searched.
    func bitmap(_ needle: [UInt8], base: [Bool]?) -> [Bool] {
        var out = [Bool](repeating: needle.isEmpty, count: values.count)
        guard !needle.isEmpty else { return out }
        let known = min(base?.count ?? 0, values.count)
        out.withUnsafeMutableBufferPointer { o in
            if let base, known > 0 {
                base.withUnsafeBufferPointer { b in search(needle, ids: 0..<known, where: b, into: o) }
            }
            search(needle, ids: known..<values.count, where: nil, into: o)
        }
        return out
    }

    /// `known` (exact answers for the first `known.count` ids) extended with the answers for the ids added since.
    func bitmap(_ needle: [UInt8], known: [Bool]) -> [Bool] {
        var out = known
        let first = min(known.count, values.count)
        out += [Bool](repeating: needle.isEmpty, count: values.count - first)
        guard !needle.isEmpty, first < values.count else { return out }
        out.withUnsafeMutableBufferPointer { o in search(needle, ids: first..<values.count, where: nil, into: o) }
        return out
    }

    /// Sets `o[id]` for the ids in `ids` (those true in `candidates`, when given) whose folded text contains the
    /// needle. Names lacking one of the needle's bytes (by their signature) are skipped unread; a needle of one letter
    /// or digit is answered by the signatures alone.
    func search(_ needle: [UInt8], ids: Range<Int>, where candidates: UnsafeBufferPointer<Bool>?, into o: UnsafeMutableBufferPointer<Bool>) {
        let want = StringPool.signature(needle)
        let bySignature = needle.count == 1 && StringPool.hasOwnBit(needle[0])
        arena.withUnsafeBufferPointer { a in
            starts.withUnsafeBufferPointer { s in
                signatures.withUnsafeBufferPointer { sig in
                    needle.withUnsafeBufferPointer { n in
                        // A needle of at most 8 bytes is compared as one masked word per position.
                        let length = n.count
                        var word: UInt64 = 0
                        for k in 0..<min(length, 8) { word |= UInt64(n[k]) << UInt64(8 * k) }
                        let mask: UInt64 = length >= 8 ? ~0 : (1 << UInt64(8 * length)) - 1
                        let first = UInt64(length > 0 ? n[0] : 0) &* 0x0101_0101_0101_0101
                        let raw = UnsafeRawBufferPointer(a)
                        @inline(__always) func test(_ id: Int) {
                            if bySignature { o[id] = true; return }
                            let from = Int(s[id]), end = Int(s[id + 1]) - 1
                            guard length <= 8, end + 8 <= a.count else {
                                o[id] = TextFolding.contains(UnsafeBufferPointer(rebasing: a[from..<end]), n)
                                return
                            }
                            // Eight positions at a time: the places holding the needle's first byte (a zero byte of
                            // the word xor-ed with it; the test may flag extra places, never miss one), each compared.
                            let last = end - length
                            var p = from
                            while p <= last {
                                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)) ^ first
                                var hits = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                                while hits != 0 {
                                    let q = p + hits.trailingZeroBitCount >> 3
                                    if q > last { break }
                                    if UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: q, as: UInt64.self)) & mask == word {
                                        o[id] = true
                                        return
                                    }
                                    hits &= hits - 1
                                }
                                p += 8
                            }
                        }
                        if let c = candidates {
                            for id in ids where c[id] && sig[id] & want == want { test(id) }
                        } else {
                            for id in ids where sig[id] & want == want { test(id) }
                        }
                    }
                }
            }
        }
    }

    /// Which bytes a folded text holds, one bit per letter and digit, the other bytes sharing the rest.
    static func signature(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var sig: UInt64 = 0
        for b in bytes { sig |= signatureBit(b) }
        return sig
    }

    @inline(__always)
    static func signatureBit(_ b: UInt8) -> UInt64 {
        switch b {
        case 97...122: return 1 << UInt64(b - 97)
        case 48...57: return 1 << UInt64(b - 48 + 26)
        default: return 1 << UInt64(36 + b % 28)
        }
    }

    /// Whether `b` has a signature bit of its own (a lower-case letter or a digit).
    static func hasOwnBit(_ b: UInt8) -> Bool { (97...122).contains(b) || (48...57).contains(b) }

    /// Rank of every id in folded lexicographic order (for sorting by a name column); cached until the pool grows.
    /// Ids are radix-sorted by their first 16 folded bytes; only ids sharing those are compared further.
    mutating func ranks() -> [Int64] {
        if rankCount == values.count { return rankCache }
        let n = values.count
        var head = [UInt64](repeating: 0, count: n)
        var tail = [UInt64](repeating: 0, count: n)
        arena.withUnsafeBufferPointer { a in
            starts.withUnsafeBufferPointer { s in
                for id in 0..<n {
                    let from = Int(s[id]), end = Int(s[id + 1]) - 1
                    head[id] = StringPool.bigEndian(a, from, end)
                    tail[id] = StringPool.bigEndian(a, from + 8, end)
                }
            }
        }
        var order = StableRadixSort.sort([Int32](0..<Int32(n)), by: tail)
        order = StableRadixSort.sort(order, by: head)
        arena.withUnsafeBufferPointer { a in
            starts.withUnsafeBufferPointer { s in
                guard let b = a.baseAddress else { return }
                var i = 0
                while i < n {
                    var j = i + 1
                    while j < n, head[Int(order[j])] == head[Int(order[i])], tail[Int(order[j])] == tail[Int(order[i])] { j += 1 }
                    if j - i > 1 {
                        order[i..<j].sort { x, y in
                            let xs = Int(s[Int(x)]), xl = Int(s[Int(x) + 1]) - 1 - xs
                            let ys = Int(s[Int(y)]), yl = Int(s[Int(y) + 1]) - 1 - ys
                            let c = memcmp(b + xs, b + ys, min(xl, yl))
                            return c != 0 ? c < 0 : xl < yl
                        }
                    }
                    i = j
                }
            }
        }
        var rank = [Int64](repeating: 0, count: n)
        for (r, id) in order.enumerated() { rank[Int(id)] = Int64(r) }
        rankCache = rank
        rankCount = n
        return rank
    }

    /// Up to 8 bytes of `a[from..<end]` as a big-endian integer, zero-padded (so integer order is byte order).
    @inline(__always)
    static func bigEndian(_ a: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 {
            let at = from + k
            v = v << 8 | (at < end ? UInt64(a[at]) : 0)
        }
        return v
    }
}
