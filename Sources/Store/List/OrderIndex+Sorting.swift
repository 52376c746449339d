import Foundation

/// The sort order of the rows: one integer key per row for the column, ties broken by newest first (absent dates
/// last) and then by row index, sorted with two stable radix passes (the tie-break order is cached between sorts).
extension OrderIndex {
    /// Sorts every row by the view's sort; then refilters.
    mutating func resort(_ view: View) {
        filterCache.removeAll()
        sorted = sortedIndices(view.sort)
        refilter(view, narrowing: false)
    }

    mutating func sortedIndices(_ sort: OrderSort) -> [Int32] {
        let keys = sortKeys(sort)
        let ascending = sort.ascending
        var primary = [UInt64](repeating: 0, count: keys.count)
        primary.withUnsafeMutableBufferPointer { p in
            keys.withUnsafeBufferPointer { k in
                for i in 0..<k.count { p[i] = StableRadixSort.unsigned(ascending ? k[i] : ~k[i]) }
            }
        }
        return StableRadixSort.sort(tieBreakOrder(), by: primary)
    }

    /// Every row, newest first (absent dates last), equal times by row index: the order among equal sort keys.
    mutating func tieBreakOrder() -> [Int32] {
        if let cached = tieOrder, cached.count == rows.count { return cached }
        var newest = [UInt64](repeating: 0, count: rows.count)
        rows.withUnsafeBufferPointer { r in
            newest.withUnsafeMutableBufferPointer { t in
                for i in 0..<r.count {
                    let c = r[i].created
                    t[i] = StableRadixSort.unsigned(c.isNaN ? Double.infinity : -c)
                }
            }
        }
        let order = StableRadixSort.sort([Int32](0..<Int32(rows.count)), by: newest)
        tieOrder = order
        return order
    }

    /// One integer per row whose order is the column's ascending order; absent values sort last in either direction.
    mutating func sortKeys(_ sort: OrderSort) -> [Int64] {
        let missing = sort.ascending ? Int64.max : Int64.min
        func time(_ t: Double) -> Int64 { t.isNaN ? missing : Int64((t * 1_000_000).rounded()) }
        switch sort.key {
        case .created: return rows.map { time($0.created) }
        case .modified: return rows.map { time($0.modified) }
        case .consumerReviewedAt: return rows.map { time($0.consumerReviewedAt) }
        case .state:
            // Unknown states after the known ones, by name (the names' ranks are needed only when there are some).
            guard rows.contains(where: { $0.stateCode >= OrderRow.unknownCode }) else { return rows.map { Int64($0.stateCode) } }
            let ranks = pool.ranks()
            return rows.map { $0.stateCode < OrderRow.unknownCode ? Int64($0.stateCode) : 100 + ranks[Int($0.stateWire)] }
        case .type:
            return rows.map { $0.typeCode == OrderRow.absentCode ? missing : Int64($0.typeCode) }
        case .cost:
            if rows.allSatisfy({ $0.cost == nil || $0.costKey != Int64.min }) {
                return rows.map { $0.cost == nil ? missing : $0.costKey }
            }
            // Exact fallback: rank the decimals.
            let order = rows.indices.filter { rows[$0].cost != nil }.sorted { (rows[$0].cost ?? 0) < (rows[$1].cost ?? 0) }
            var keys = [Int64](repeating: missing, count: rows.count)
            var rank: Int64 = 0
            for (n, i) in order.enumerated() {
                if n > 0, rows[order[n - 1]].cost != rows[i].cost { rank += 1 }
                keys[i] = rank
            }
            return keys
        case .offering: return names(.offering, missing)
        case .plan: return names(.plan, missing)
        case .project: return names(.project, missing)
        case .customer: return names(.customer, missing)
        case .provider: return names(.provider, missing)
        case .resource: return names(.resource, missing)
        case .createdBy: return names(.creator, missing)
        case .uuid: return rows.map { Int64(bitPattern: $0.key.hi >> 1) }
        }
    }

    /// The rank of each row's name in a column (absent names `missing`), read from the column copy.
    mutating func names(_ column: FilterColumns.Name, _ missing: Int64) -> [Int64] {
        let ranks = pool.ranks()
        return columns.names[column.rawValue].map { $0 == 0 ? missing : ranks[Int($0)] }
    }

    /// Whether a changed row keeps its place in the sort by `key` (then no re-sort is needed).
    static func sameSortKey(_ a: OrderRow, _ b: OrderRow, _ key: SortKey) -> Bool {
        switch key {
        case .created: return a.created == b.created || (a.created.isNaN && b.created.isNaN)
        case .modified: return a.modified == b.modified || (a.modified.isNaN && b.modified.isNaN)
        case .consumerReviewedAt: return a.consumerReviewedAt == b.consumerReviewedAt || (a.consumerReviewedAt.isNaN && b.consumerReviewedAt.isNaN)
        case .state: return a.stateCode == b.stateCode && a.stateWire == b.stateWire
        case .type: return a.typeCode == b.typeCode && a.typeWire == b.typeWire
        case .cost: return a.cost == b.cost
        case .offering: return a.offering == b.offering
        case .plan: return a.plan == b.plan
        case .project: return a.project == b.project
        case .customer: return a.customer == b.customer
        case .provider: return a.provider == b.provider
        case .resource: return a.resource == b.resource
        case .createdBy: return a.creator == b.creator
        case .uuid: return true
        }
    }
}
