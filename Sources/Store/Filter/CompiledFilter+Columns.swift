import Foundation

/// The whole-list pass of a compiled filter: each test runs as one tight loop over the column it reads (see
/// `FilterColumns`), in row order, and-ing its result into a pass mask; tests on fields without a column read the rows.
extension CompiledFilter {
    /// Clears `pass[i]` for every row `i` that fails a test (rows and columns in the same order and count).
    func evaluate(into pass: UnsafeMutableBufferPointer<Bool>, rows r: UnsafeBufferPointer<OrderRow>, columns: FilterColumns) {
        let n = min(pass.count, r.count, columns.count)
        for (negated, test) in tests {
            switch test {
            case let .text(bits, prefix):
                bits.withUnsafeBufferPointer { b in
                    let use = columns.columns(using: b, among: FilterColumns.Name.freeText)
                    CompiledFilter.andAnyName(b, in: use, columns: columns, count: n, prefix: prefix, rows: r, negated: negated, into: pass)
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
    /// (`!=` negated) into the pass mask; rows already failed are not read. The columns that match most often (in a
    /// sample of rows) are read first, and only the rows no column has matched yet are looked up in the next.
    static func andAnyName(_ bits: UnsafeBufferPointer<Bool>, in use: UInt16, columns: FilterColumns, count n: Int,
                           prefix: (value: (UInt64, UInt64), length: Int)?, rows r: UnsafeBufferPointer<OrderRow>,
                           negated: Bool, into pass: UnsafeMutableBufferPointer<Bool>) {
        let n = min(n, pass.count)
        var order: [(name: FilterColumns.Name, hits: Int)] = []
        for name in FilterColumns.Name.allCases where use & name.bit != 0 {
            let hits = columns.names[name.rawValue].withUnsafeBufferPointer { ids in
                var k = 0
                for i in stride(from: 0, to: min(n, ids.count), by: max(1, n / 1024)) where Int(ids[i]) < bits.count && bits[Int(ids[i])] { k += 1 }
                return k
            }
            order.append((name, hits))
        }
        order.sort { $0.hits > $1.hits }
        // The rows of the mask no column has matched yet (a matched row keeps its pass, or loses it when negated).
        let remaining = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(n, 1))
        defer { remaining.deallocate() }
        var left = 0
        if order.isEmpty {
            for i in 0..<n {
                remaining[left] = Int32(i)
                left += pass[i] ? 1 : 0
            }
        }
        for (k, column) in order.enumerated() {
            columns.names[column.name.rawValue].withUnsafeBufferPointer { ids in
                if k == 0 {
                    for i in 0..<min(n, ids.count) where pass[i] {
                        let id = Int(ids[i])
                        let matched = id < bits.count && bits[id]
                        pass[i] = !(matched && negated)
                        remaining[left] = Int32(i)
                        left += matched ? 0 : 1
                    }
                } else {
                    var kept = 0
                    for j in 0..<left {
                        let i = Int(remaining[j])
                        let id = i < ids.count ? Int(ids[i]) : 0
                        let matched = id < bits.count && bits[id]
                        pass[i] = !(matched && negated)
                        remaining[kept] = Int32(i)
                        kept += matched ? 0 : 1
                    }
                    left = kept
                }
            }
            if left == 0 { break }
        }
        // Rows no name matched: the uuid prefix decides (the first 8 digits from the column, the rest and whether the
        // uuid is regular from the row).
        let digits = min(max(prefix?.length ?? 1, 1), 8)
        let shift = UInt32(32 - 4 * digits)
        let want = UInt32(truncatingIfNeeded: (prefix?.value.0 ?? 0) >> 32) >> shift
        columns.uuidHeads.withUnsafeBufferPointer { h in
            for j in 0..<left {
                let i = Int(remaining[j])
                var matched = false
                if let prefix, i < h.count, h[i] >> shift == want { matched = !r[i].key.irregular && r[i].key.hasHexPrefix(prefix) }
                pass[i] = matched != negated
            }
        }
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
