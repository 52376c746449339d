import Foundation
import WaldurClient

/// A filter bound to a string pool and a time. Text tests are answered once per distinct name (a bitmap over the
/// pool, reused from the previous compilation when a word only grew); rows are then filtered one test at a time in
/// tight loops over trivially copyable rows.
struct CompiledFilter: Sendable {
    enum Test: Sendable {
        /// `signature`: the needle's `StringPool.signature` (a row whose names lack it cannot match them); `exact`:
        /// the needle is one letter or digit, which a name holds exactly when its signature does.
        case text(bits: [Bool], uuidPrefix: (value: (UInt64, UInt64), length: Int)?, signature: UInt64, exact: Bool)
        case field(FilterField, bits: [Bool])
        /// Bit i set: state code i matches; bit 63: unknown states named in `unknown`.
        case states(mask: UInt64, unknown: Set<UInt32>)
        case types(mask: UInt64)
        case cost(Comparison, Decimal, scaled: Int64)
        case createdAt(Comparison, Double)
        case modifiedAt(Comparison, Double)
        case createdAge(Comparison, Double)
        case modifiedAge(Comparison, Double)
        case nothing
    }

    var tests: [(negated: Bool, test: Test)] = []
    /// Bitmaps per folded needle, for reuse.
    var bitmaps: [[UInt8]: [Bool]] = [:]
    var now: Double = 0

    static let matchAll = CompiledFilter()

    init() {}

    init(_ expression: FilterExpression, pool: StringPool, now: Date, previous: CompiledFilter?) {
        self.now = now.timeIntervalSince1970
        for term in expression.terms {
            let test: Test
            switch term.predicate {
            case let .text(word):
                let needle = Array(word.utf8)
                let bits = bitmap(needle, pool: pool, previous: previous)
                test = .text(bits: bits, uuidPrefix: RowKey.hexPrefix(word), signature: StringPool.signature(needle),
                             exact: needle.count == 1 && StringPool.hasOwnBit(needle[0]))
            case let .field(field, value):
                let uuid = WaldurUUID(value)
                let needle = uuid.isWellFormed ? Array(uuid.hex.utf8) : Array(value.utf8)
                test = .field(field, bits: bitmap(needle, pool: pool, previous: previous))
            case let .state(list):
                var mask: UInt64 = 0
                for s in list { if let i = OrderState.known.firstIndex(of: s) { mask |= 1 << UInt64(i) } }
                test = .states(mask: mask, unknown: [])
            case let .type(list):
                var mask: UInt64 = 0
                for t in list { if let i = OrderType.known.firstIndex(of: t) { mask |= 1 << UInt64(i) } }
                test = .types(mask: mask)
            case let .cost(cmp, value): test = .cost(cmp, value, scaled: OrderRow.scaledKey(value))
            case let .created(cmp, .date(d)): test = .createdAt(cmp, d.timeIntervalSince1970)
            case let .created(cmp, .ago(s)): test = .createdAge(cmp, s)
            case let .modified(cmp, .date(d)): test = .modifiedAt(cmp, d.timeIntervalSince1970)
            case let .modified(cmp, .ago(s)): test = .modifiedAge(cmp, s)
            }
            tests.append((term.negated, test))
        }
    }

    mutating func bitmap(_ needle: [UInt8], pool: StringPool, previous: CompiledFilter?) -> [Bool] {
        if let done = bitmaps[needle], done.count == pool.count { return done }
        var base: [Bool]?
        if let prev = previous?.bitmaps {
            if let same = prev[needle], same.count <= pool.count {
                // The same needle: its answers for the older names stand (ids never change); only new names are searched.
                let out = same.count == pool.count ? same : pool.bitmap(needle, known: same)
                bitmaps[needle] = out
                return out
            }
            // The longest earlier needle contained in this one: only its matches can match.
            var bestLength = -1
            for (key, bits) in prev where key.count > bestLength && key.count < needle.count && bits.count == pool.count
                && TextFolding.contains(needle, key) {
                base = bits
                bestLength = key.count
            }
        }
        let out = pool.bitmap(needle, base: base)
        bitmaps[needle] = out
        return out
    }

    var isEmpty: Bool { tests.isEmpty }

    /// The filter without its first `count` tests (for rows known to pass them).
    func droppingFirst(_ count: Int) -> CompiledFilter {
        guard count > 0 else { return self }
        var out = self
        out.tests = Array(tests.dropFirst(count))
        return out
    }

    /// The rows of `source` (indices into `rows`, each at most once) that pass every test, order kept. Unless the
    /// source is a small part of the rows, it is tested in memory order over the columns into a pass mask
    /// (sequential reads), then picked in `source` order.
    func filter(_ source: [Int32], rows: [OrderRow], columns: FilterColumns) -> [Int32] {
        filterWithMask(source, rows: rows, columns: columns).rows
    }

    /// `filter`, and when the columns were used, the pass mask: true for exactly the rows passed (by row index).
    func filterWithMask(_ source: [Int32], rows: [OrderRow], columns: FilterColumns) -> (rows: [Int32], mask: [Bool]?) {
        if source.count * 64 < rows.count || columns.count != rows.count {
            var current = source
            rows.withUnsafeBufferPointer { r in
                for (negated, test) in tests {
                    current = CompiledFilter.apply(test, negated: negated, to: current, rows: r, now: now, mask: nil)
                    if current.isEmpty { return }
                }
            }
            return (current, nil)
        }
        // A source short of every row is marked in the mask; the column loops skip the rows not in it.
        let everyRow = source.count == rows.count
        var pass = [Bool](repeating: everyRow, count: rows.count)
        if !everyRow { pass.withUnsafeMutableBufferPointer { m in for i in source { m[Int(i)] = true } } }
        rows.withUnsafeBufferPointer { r in
            pass.withUnsafeMutableBufferPointer { m in evaluate(into: m, rows: r, columns: columns) }
        }
        // The result's size: the mask's sum when the source is every row (each once), else counted over the source
        // (which may name a row twice). A source that passes whole is handed back as is (no copy); else the result is
        // allocated at its size.
        let passing = pass.withUnsafeBufferPointer { m in
            everyRow ? m.withMemoryRebound(to: UInt8.self) { b in b.reduce(0) { $0 &+ Int($1) } }
                : source.reduce(0) { $0 &+ (m[Int($1)] ? 1 : 0) }
        }
        if passing == source.count { return (source, pass) }
        let passed = pass.withUnsafeBufferPointer { m in RowPick.pick(source, count: passing) { m[Int($0)] } }
        return (passed, pass)
    }

    /// Whether one row passes (for small merges and custom queues).
    func matches(_ row: OrderRow) -> Bool {
        withUnsafePointer(to: row) { p in
            let r = UnsafeBufferPointer(start: p, count: 1)
            for (negated, test) in tests where CompiledFilter.apply(test, negated: negated, to: [0], rows: r, now: now, mask: nil).isEmpty { return false }
            return true
        }
    }

    /// Keeps the rows of `source` passing `test`; with `mask`, instead clears the mask of every row (in memory
    /// order) that is still set and fails.
    static func apply(_ test: Test, negated: Bool, to source: [Int32], rows r: UnsafeBufferPointer<OrderRow>, now: Double,
                      mask: UnsafeMutableBufferPointer<Bool>?) -> [Int32] {
        var out: [Int32] = []
        guard let base = r.baseAddress else { return [] }
        if mask == nil { out.reserveCapacity(source.count) }
        // Rows are read in place through a pointer (no copy of the row per test).
        @inline(__always) func keep(_ pass: (UnsafePointer<OrderRow>) -> Bool) {
            if let mask {
                for i in 0..<min(r.count, mask.count) where mask[i] { mask[i] = pass(base + i) != negated }
            } else {
                for i in source where pass(base + Int(i)) != negated { out.append(i) }
            }
        }
        switch test {
        case let .text(bits, prefix, _, _):
            bits.withUnsafeBufferPointer { b in
                keep { p in
                    b[Int(p.pointee.offering)] || b[Int(p.pointee.project)] || b[Int(p.pointee.customer)]
                        || b[Int(p.pointee.provider)] || b[Int(p.pointee.resource)] || b[Int(p.pointee.plan)]
                        || b[Int(p.pointee.creator)] || b[Int(p.pointee.creatorName)]
                        || b[Int(p.pointee.consumerReviewer)] || b[Int(p.pointee.providerReviewer)]
                        || (prefix.map { !p.pointee.key.irregular && p.pointee.key.hasHexPrefix($0) } ?? false)
                        || (p.pointee.irregularUUID != 0 && b[Int(p.pointee.irregularUUID)])
                }
            }
        case let .field(field, bits):
            bits.withUnsafeBufferPointer { b in
                switch field {
                case .offering: keep { b[Int($0.pointee.offering)] || b[Int($0.pointee.offeringUUID)] }
                case .plan: keep { b[Int($0.pointee.plan)] }
                case .project: keep { b[Int($0.pointee.project)] || b[Int($0.pointee.projectUUID)] }
                case .customer: keep { b[Int($0.pointee.customer)] || b[Int($0.pointee.customerUUID)] }
                case .provider: keep { b[Int($0.pointee.provider)] || b[Int($0.pointee.providerUUID)] }
                case .resource: keep { b[Int($0.pointee.resource)] }
                case .by: keep { b[Int($0.pointee.creator)] || b[Int($0.pointee.creatorName)] }
                }
            }
        case let .states(mask, _):
            keep { $0.pointee.stateCode < 64 && mask & (1 << UInt64($0.pointee.stateCode)) != 0 }
        case let .types(mask):
            keep { $0.pointee.typeCode < 64 && mask & (1 << UInt64($0.pointee.typeCode)) != 0 }
        case let .cost(cmp, value, scaled):
            if scaled != Int64.min {
                keep { p in
                    if p.pointee.costKey != Int64.min { return cmp.holds(p.pointee.costKey, scaled) }
                    guard let c = p.pointee.cost else { return false }
                    return cmp.holds(c, value)
                }
            } else {
                keep { p in p.pointee.cost.map { cmp.holds($0, value) } ?? false }
            }
        case let .createdAt(cmp, t): keep { !$0.pointee.created.isNaN && cmp.holds($0.pointee.created, t) }
        case let .modifiedAt(cmp, t): keep { !$0.pointee.modified.isNaN && cmp.holds($0.pointee.modified, t) }
        case let .createdAge(cmp, s): keep { !$0.pointee.created.isNaN && cmp.holds(now - $0.pointee.created, s) }
        case let .modifiedAge(cmp, s): keep { !$0.pointee.modified.isNaN && cmp.holds(now - $0.pointee.modified, s) }
        case .nothing: keep { _ in false }
        }
        return out
    }
}
