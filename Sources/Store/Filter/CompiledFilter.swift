import Foundation
import WaldurClient

/// A filter bound to a string pool and a time: text tests are answered once per distinct name (a bitmap over the
/// pool), so matching a row costs a few array lookups. Bitmaps are reused from the previous compilation when a
/// word only grew.
struct CompiledFilter: Sendable {
    enum Test: Sendable {
        case text(uuidPrefix: [UInt8], bits: [Bool])
        case field(FilterField, bits: [Bool])
        case states(Set<OrderState>)
        case types(Set<OrderType>)
        case cost(Comparison, Decimal, scaled: Int64)
        case createdAt(Comparison, Double)
        case createdAge(Comparison, Double)
        case modifiedAt(Comparison, Double)
        case modifiedAge(Comparison, Double)
    }

    var tests: [(negated: Bool, test: Test)] = []
    /// Bitmaps per folded needle, for reuse.
    var bitmaps: [[UInt8]: [Bool]] = [:]
    let now: Double

    static let matchAll = CompiledFilter(tests: [], bitmaps: [:], now: 0)

    init(tests: [(negated: Bool, test: Test)], bitmaps: [[UInt8]: [Bool]], now: Double) {
        self.tests = tests
        self.bitmaps = bitmaps
        self.now = now
    }

    init(_ expression: FilterExpression, pool: StringPool, now: Date, previous: CompiledFilter?) {
        self.now = now.timeIntervalSince1970
        for term in expression.terms {
            let test: Test
            switch term.predicate {
            case let .text(word):
                let needle = Array(word.utf8)
                let bits = CompiledFilter.bitmap(needle, pool: pool, previous: previous, into: &bitmaps)
                test = .text(uuidPrefix: Array(word.utf8.filter { $0 != UInt8(ascii: "-") }), bits: bits)
            case let .field(field, value):
                var needle = Array(value.utf8)
                if WaldurUUID(value).isWellFormed { needle = Array(WaldurUUID(value).hex.utf8) }
                test = .field(field, bits: CompiledFilter.bitmap(needle, pool: pool, previous: previous, into: &bitmaps))
            case let .state(list): test = .states(Set(list))
            case let .type(list): test = .types(Set(list))
            case let .cost(cmp, value): test = .cost(cmp, value, scaled: OrderRow.scaledKey(value))
            case let .created(cmp, .date(d)): test = .createdAt(cmp, d.timeIntervalSince1970)
            case let .created(cmp, .ago(s)): test = .createdAge(cmp, s)
            case let .modified(cmp, .date(d)): test = .modifiedAt(cmp, d.timeIntervalSince1970)
            case let .modified(cmp, .ago(s)): test = .modifiedAge(cmp, s)
            }
            tests.append((term.negated, test))
        }
    }

    static func bitmap(_ needle: [UInt8], pool: StringPool, previous: CompiledFilter?, into cache: inout [[UInt8]: [Bool]]) -> [Bool] {
        if let done = cache[needle], done.count == pool.count { return done }
        var base: [Bool]?
        if let prev = previous?.bitmaps {
            if let same = prev[needle] {
                base = same
                if same.count == pool.count { cache[needle] = same; return same }
            } else {
                // The longest earlier needle contained in this one: only its matches can match.
                var bestLength = -1
                for (key, bits) in prev where key.count > bestLength && key.count < needle.count && TextFolding.contains(needle, key) {
                    base = bits
                    bestLength = key.count
                }
            }
        }
        var out = [Bool](repeating: false, count: pool.count)
        needle.withUnsafeBufferPointer { n in
            pool.folded.withUnsafeBufferPointer { folded in
                let known = base?.count ?? 0
                if let base {
                    for i in 0..<min(known, folded.count) where base[i] {
                        out[i] = folded[i].withUnsafeBufferPointer { TextFolding.contains($0, n) }
                    }
                }
                if known < folded.count {
                    for i in known..<folded.count {
                        out[i] = folded[i].withUnsafeBufferPointer { TextFolding.contains($0, n) }
                    }
                }
            }
        }
        cache[needle] = out
        return out
    }

    var isEmpty: Bool { tests.isEmpty }

    @inline(__always)
    func matches(_ row: OrderRow) -> Bool {
        for (negated, test) in tests where evaluate(test, row) == negated { return false }
        return true
    }

    @inline(__always)
    func evaluate(_ test: Test, _ row: OrderRow) -> Bool {
        switch test {
        case let .text(prefix, bits):
            if bits[Int(row.offering)] || bits[Int(row.project)] || bits[Int(row.customer)] || bits[Int(row.provider)]
                || bits[Int(row.resource)] || bits[Int(row.plan)] || bits[Int(row.creator)] || bits[Int(row.creatorName)]
                || bits[Int(row.consumerReviewer)] || bits[Int(row.providerReviewer)] { return true }
            return !prefix.isEmpty && row.uuidHex.utf8.starts(with: prefix)
        case let .field(field, bits):
            switch field {
            case .offering: return bits[Int(row.offering)] || bits[Int(row.offeringUUID)]
            case .plan: return bits[Int(row.plan)]
            case .project: return bits[Int(row.project)] || bits[Int(row.projectUUID)]
            case .customer: return bits[Int(row.customer)] || bits[Int(row.customerUUID)]
            case .provider: return bits[Int(row.provider)] || bits[Int(row.providerUUID)]
            case .resource: return bits[Int(row.resource)]
            case .by: return bits[Int(row.creator)] || bits[Int(row.creatorName)]
            }
        case let .states(set): return set.contains(row.state)
        case let .types(set): return row.type.map { set.contains($0) } ?? false
        case let .cost(cmp, value, scaled):
            if scaled != Int64.min, row.costKey != Int64.min { return cmp.holds(row.costKey, scaled) }
            guard let cost = row.cost else { return false }
            return cmp.holds(cost, value)
        case let .createdAt(cmp, t): return !row.created.isNaN && cmp.holds(row.created, t)
        case let .createdAge(cmp, s): return !row.created.isNaN && cmp.holds(now - row.created, s)
        case let .modifiedAt(cmp, t): return !row.modified.isNaN && cmp.holds(row.modified, t)
        case let .modifiedAge(cmp, s): return !row.modified.isNaN && cmp.holds(now - row.modified, s)
        }
    }
}
