import Foundation

/// The whole-list pass of a compiled filter: each test runs as one tight loop over the column it reads (see
/// `FilterColumns`), in row order, and-ing its result into a pass mask; tests on fields without a column read the rows.
extension CompiledFilter {
    /// Clears `pass[i]` for every row `i` that fails a test (rows and columns in the same order and count).
    func evaluate(into pass: UnsafeMutableBufferPointer<Bool>, rows r: UnsafeBufferPointer<OrderRow>, columns: FilterColumns) {
        let n = min(pass.count, r.count, columns.count)
        for (negated, test) in tests {
            switch test {
            case let .text(bits, prefix, signature, exact):
                bits.withUnsafeBufferPointer { b in
                    let use = columns.columns(using: b, among: FilterColumns.Name.freeText)
                    CompiledFilter.andAnyName(b, in: use, columns: columns, count: n, prefix: prefix, rows: r, negated: negated, into: pass,
                                              needing: (signature, exact))
                }
            case let .field(field, bits):
                bits.withUnsafeBufferPointer { b in
                    let use = columns.columns(using: b, among: CompiledFilter.columns(of: field))
                    CompiledFilter.andAnyName(b, in: use, columns: columns, count: n, prefix: nil, rows: r, negated: negated, into: pass)
                }
            case let .states(mask, _):
                CompiledFilter.andCodes(columns.states, mask: mask, negated: negated, into: pass, count: n)
            case let .types(mask):
                CompiledFilter.andCodes(columns.types, mask: mask, negated: negated, into: pass, count: n)
            case let .cost(cmp, value, scaled) where scaled != Int64.min:
                // Exact keys compare as integers; rows without one (no cost, or not exact in 1e-10) compare decimals.
                let (lo, hi) = CompiledFilter.range(cmp, scaled)
                columns.costKeys.withUnsafeBufferPointer { k in
                    for i in 0..<n {
                        let key = k[i]
                        let holds = key > FilterColumns.noCost ? (key >= lo && key <= hi)
                            : (key == FilterColumns.noCost ? false : (r[i].cost.map { cmp.holds($0, value) } ?? false))
                        pass[i] = pass[i] && holds != negated
                    }
                }
            default:
                _ = CompiledFilter.apply(test, negated: negated, to: [], rows: r, now: now, mask: pass)
            }
        }
    }

    /// The name columns a field term reads.
    static func columns(of field: FilterField) -> UInt16 {
        typealias N = FilterColumns.Name
        switch field {
        case .offering: return N.offering.bit | N.offeringUUID.bit
        case .plan: return N.plan.bit
        case .project: return N.project.bit | N.projectUUID.bit
        case .customer: return N.customer.bit | N.customerUUID.bit
        case .provider: return N.provider.bit | N.providerUUID.bit
        case .resource: return N.resource.bit
        case .by: return N.creator.bit | N.creatorName.bit
        }
    }

    /// Ands "some column in `use` holds a name true in `bits`, or (with `prefix`) the uuid starts with the prefix"
    /// (`!=` negated) into the pass mask. Rows go 64 at a time as bit masks: each column (those matching most often in
    /// a sample of rows first) is read without branches for a block until every row of the block still passing has
    /// matched; blocks no row passes are skipped, and rows no column matched are tried on the uuid prefix.
    static func andAnyName(_ bits: UnsafeBufferPointer<Bool>, in use: UInt16, columns: FilterColumns, count n: Int,
                           prefix: (value: (UInt64, UInt64), length: Int)?, rows r: UnsafeBufferPointer<OrderRow>,
                           negated: Bool, into pass: UnsafeMutableBufferPointer<Bool>,
                           needing: (signature: UInt64, exact: Bool)? = nil) {
        guard !bits.isEmpty else {
            [false].withUnsafeBufferPointer { none in
                andAnyName(none, in: use, columns: columns, count: n, prefix: prefix, rows: r, negated: negated, into: pass, needing: needing)
            }
            return
        }
        var n = min(n, pass.count, columns.uuidHeads.count)
        // With the needle's signature: only rows whose names hold all its bytes can match one. Read only when it
        // answers exactly (one letter or digit) or, in a sample of rows, turns most of them away.
        var needing = columns.textSignatures.count >= n ? needing : nil
        let want = needing?.signature ?? 0
        if let inexact = needing, !(inexact.exact && columns.signaturesExact) {
            var sampled = 0, admitted = 0
            columns.textSignatures.withUnsafeBufferPointer { sig in
                for i in stride(from: 0, to: n, by: max(1, n / 1024)) {
                    sampled += 1
                    admitted += sig[i] & want == want ? 1 : 0
                }
            }
            if admitted * 2 > sampled { needing = nil } else { needing = (want, false) }
        }
        var order: [(name: FilterColumns.Name, hits: Int)] = []
        for name in FilterColumns.Name.allCases where use & name.bit != 0 {
            let hits = columns.names[name.rawValue].withUnsafeBufferPointer { ids in
                var k = 0
                for i in stride(from: 0, to: min(n, ids.count), by: max(1, n / 1024)) where Int(ids[i]) < bits.count && bits[Int(ids[i])] { k += 1 }
                return k
            }
            order.append((name, hits))
            n = min(n, columns.names[name.rawValue].count)
        }
        order.sort { $0.hits > $1.hits }
        let digits = min(max(prefix?.length ?? 1, 1), 8)
        let shift = UInt32(32 - 4 * digits)
        let head = UInt32(truncatingIfNeeded: (prefix?.value.0 ?? 0) >> 32) >> shift
        let idColumns = order.map { columns.names[$0.name.rawValue] }
        bits.withMemoryRebound(to: UInt8.self) { b in
            let bitCount = b.count
            guard let bitBase = b.baseAddress, n > 0 else { return }
            withColumnPointers(idColumns) { ids in
                columns.uuidHeads.withUnsafeBufferPointer { heads in columns.textSignatures.withUnsafeBufferPointer { signatures in
                    pass.withMemoryRebound(to: UInt8.self) { p in
                        var base = 0
                        while base < n {
                            let length = min(64, n - base)
                            let live = CompiledFilter.packBits(p, from: base, count: length)
                            if live == 0 { base += 64; continue }
                            var maybe = live
                            var matched: UInt64 = 0
                            if let needing {
                                var m: UInt64 = 0
                                for k in 0..<length { m |= (signatures[base + k] & want == want ? 1 : 0) &<< UInt64(k) }
                                maybe &= m
                                if needing.exact { matched = maybe }
                            }
                            if maybe & ~matched != 0, maybe.nonzeroBitCount <= 8 {
                                // Few candidates: each looked up in the columns on its own.
                                var rest = maybe
                                while rest != 0 {
                                    let k = rest.trailingZeroBitCount
                                    rest &= rest - 1
                                    for column in ids {
                                        let id = Int(column[base + k])
                                        if id < bitCount, bitBase[id] != 0 {
                                            matched |= 1 &<< UInt64(k)
                                            break
                                        }
                                    }
                                }
                            } else {
                                var c = 0
                                while c < ids.count, maybe & ~matched != 0 {
                                    let column = ids[c] + base
                                    var m: UInt64 = 0
                                    for k in 0..<length {
                                        let id = Int(column[k])
                                        m |= UInt64(id < bitCount ? bitBase[id] : 0) &<< UInt64(k)
                                    }
                                    matched |= m & maybe
                                    c += 1
                                }
                            }
                            var unmatched = live & ~matched
                            if let prefix {
                                while unmatched != 0 {
                                    let k = unmatched.trailingZeroBitCount
                                    unmatched &= unmatched - 1
                                    let i = base + k
                                    // (The head holds 8 digits: a longer prefix is checked on the row.)
                                    if heads[i] >> shift == head, !columns.isIrregular(i),
                                       prefix.length <= 8 || (i < r.count && r[i].key.hasHexPrefix(prefix)) {
                                        matched |= 1 &<< UInt64(k)
                                    }
                                }
                            }
                            CompiledFilter.unpackBits(negated ? live & ~matched : live & matched, into: p, from: base, count: length)
                            base += 64
                        }
                    }
                } }
            }
        }
    }

    /// Calls `body` with the base pointer of each of `arrays` (valid only inside `body`); not when one is empty.
    static func withColumnPointers(_ arrays: [[UInt32]], _ body: ([UnsafePointer<UInt32>]) -> Void) {
        var pointers: [UnsafePointer<UInt32>] = []
        func nest(_ k: Int) {
            guard k < arrays.count else { return body(pointers) }
            arrays[k].withUnsafeBufferPointer { a in
                guard let start = a.baseAddress else { return }
                pointers.append(start)
                nest(k + 1)
            }
        }
        nest(0)
    }

    /// Bit k set when byte `from + k` of the 0/1 bytes is 1 (`count` at most 64).
    @inline(__always)
    static func packBits(_ bytes: UnsafeMutableBufferPointer<UInt8>, from: Int, count: Int) -> UInt64 {
        var out: UInt64 = 0
        guard let p = bytes.baseAddress else { return 0 }
        if count == 64 {
            // Eight 0/1 bytes to eight bits with one multiply.
            let raw = UnsafeRawPointer(p + from)
            for w in 0..<8 {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * w, as: UInt64.self)) & 0x0101_0101_0101_0101
                out |= ((word &* 0x0102_0408_1020_4080) &>> 56) &<< UInt64(8 * w)
            }
        } else {
            for k in 0..<count where p[from + k] != 0 { out |= 1 &<< UInt64(k) }
        }
        return out
    }

    /// Writes bit k of `bits` as the 0/1 byte `from + k` (`count` at most 64).
    @inline(__always)
    static func unpackBits(_ bits: UInt64, into bytes: UnsafeMutableBufferPointer<UInt8>, from: Int, count: Int) {
        guard let p = bytes.baseAddress else { return }
        for k in 0..<count { p[from + k] = UInt8(truncatingIfNeeded: bits &>> UInt64(k)) & 1 }
    }

    /// Ands "code's bit is in `mask`" (codes 64 and up never are) into the pass mask.
    static func andCodes(_ codes: [UInt8], mask: UInt64, negated: Bool, into pass: UnsafeMutableBufferPointer<Bool>, count n: Int) {
        var table = [Bool](repeating: negated, count: 256)
        for code in 0..<64 where mask & (1 << UInt64(code)) != 0 { table[code] = !negated }
        table.withUnsafeBufferPointer { t in
            codes.withUnsafeBufferPointer { c in
                for i in 0..<min(n, c.count) { pass[i] = pass[i] && t[Int(c[i])] }
            }
        }
    }

    /// The inclusive range of exact cost keys for which `key cmp scaled` holds (never containing the `Int64.min` and
    /// `FilterColumns.noCost` markers).
    static func range(_ cmp: Comparison, _ scaled: Int64) -> (Int64, Int64) {
        switch cmp {
        case .lt: return (FilterColumns.noCost + 1, scaled - 1)
        case .le: return (FilterColumns.noCost + 1, scaled)
        case .gt: return (scaled + 1, Int64.max)
        case .ge: return (scaled, Int64.max)
        case .eq: return (scaled, scaled)
        }
    }
}
