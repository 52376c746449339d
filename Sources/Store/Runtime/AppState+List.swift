import Foundation
import WaldurClient

extension AppState {
    // MARK: Queue membership

    func inQueue(_ q: Int, _ row: OrderRow) -> Bool {
        switch queues[q].kind {
        case .needsMe: return row.inNeedsMe
        case .pending: return row.state.isPending
        case .executing: return row.state == .executing
        case .erred: return row.state == .erred
        case .done: return row.state == .done
        case .closed: return row.state == .rejected || row.state == .canceled
        case .all: return true
        case .custom:
            guard q < queueFilters.count, let f = queueFilters[q] else { return false }
            return f.matches(row)
        }
    }

    /// Compiles the user queues' filters against the current pool (after names were added).
    mutating func compileQueueFilters() {
        if queueFilters.count != queues.count { queueFilters = Array(repeating: nil, count: queues.count) }
        for (i, q) in queues.enumerated() {
            if case let .custom(expression) = q.kind {
                queueFilters[i] = CompiledFilter(expression, pool: pool, now: now, previous: queueFilters[i])
            }
        }
    }

    // MARK: Sorting

    /// Sorts every row by the current sort; then refilters.
    mutating func resort() {
        sorted = sortedIndices()
        refilter(narrowing: false)
    }

    func sortedIndices() -> [Int32] {
        let keys = sortKeys()
        let ascending = sort.ascending
        // Ties: newest first, then uuid, so the order is total and stable across runs.
        let created = rows.map { $0.created.isNaN ? -Double.infinity : $0.created }
        var out = [Int32](0..<Int32(rows.count))
        keys.withUnsafeBufferPointer { k in
            created.withUnsafeBufferPointer { c in
                rows.withUnsafeBufferPointer { r in
                    out.sort { a, b in
                        let ka = k[Int(a)], kb = k[Int(b)]
                        if ka != kb { return ascending ? ka < kb : ka > kb }
                        let ca = c[Int(a)], cb = c[Int(b)]
                        if ca != cb { return ca > cb }
                        return r[Int(a)].uuidHex < r[Int(b)].uuidHex
                    }
                }
            }
        }
        return out
    }

    /// One integer per row whose order is the column's order; absent values sort last in either direction.
    func sortKeys() -> [Int64] {
        let missing = sort.ascending ? Int64.max : Int64.min
        func time(_ t: Double) -> Int64 { t.isNaN ? missing : Int64((t * 1_000_000).rounded()) }
        func names(_ id: KeyPath<OrderRow, UInt32>) -> [Int64] {
            let ranks = pool.ranks()
            return rows.map { $0[keyPath: id] == 0 ? missing : ranks[Int($0[keyPath: id])] }
        }
        switch sort.key {
        case .created: return rows.map { time($0.created) }
        case .modified: return rows.map { time($0.modified) }
        case .consumerReviewedAt: return rows.map { time($0.consumerReviewedAt) }
        case .state: return rows.map { AppState.stateRank($0.state) }
        case .type: return rows.map { row in row.type.map { t in Int64(OrderType.known.firstIndex(of: t) ?? OrderType.known.count) } ?? missing }
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
        case .offering: return names(\.offering)
        case .plan: return names(\.plan)
        case .project: return names(\.project)
        case .customer: return names(\.customer)
        case .provider: return names(\.provider)
        case .resource: return names(\.resource)
        case .createdBy: return names(\.creator)
        case .uuid: return rows.map { Int64(bitPattern: UInt64($0.uuidHex.prefix(15), radix: 16) ?? 0) }
        }
    }

    static func stateRank(_ s: OrderState) -> Int64 {
        Int64(OrderState.known.firstIndex(of: s) ?? OrderState.known.count)
    }

    // MARK: Filtering

    /// Recomputes the rows passing the typed filter; `narrowing` filters only the previous result
    /// (valid when the new filter implies the old one).
    mutating func refilter(narrowing: Bool) {
        let source = narrowing ? filtered : sorted
        if compiledFilter.isEmpty {
            filtered = source
        } else {
            var out: [Int32] = []
            out.reserveCapacity(source.count)
            let f = compiledFilter
            rows.withUnsafeBufferPointer { r in
                for i in source where f.matches(r[Int(i)]) { out.append(i) }
            }
            filtered = out
        }
        filteredWith = appliedFilter
        requeue()
    }

    /// Recomputes the visible list of the selected queue and every tab's count; keeps the selection.
    mutating func requeue() {
        var counts = [Int](repeating: 0, count: queues.count)
        var out: [Int32] = []
        let q = min(max(0, selectedQueueIndex), queues.count - 1)
        let customs = queues.indices.filter { if case .custom = queues[$0].kind { return true } else { return false } }
        rows.withUnsafeBufferPointer { r in
            for i in filtered {
                let row = r[Int(i)]
                counts[6] += 1
                var inSelected = q == 6
                switch row.state {
                case .pendingConsumer, .pendingProvider, .pendingProject, .pendingStartDate:
                    counts[1] += 1
                    if q == 1 { inSelected = true }
                    if row.inNeedsMe { counts[0] += 1; if q == 0 { inSelected = true } }
                case .executing: counts[2] += 1; if q == 2 { inSelected = true }
                case .erred: counts[3] += 1; if q == 3 { inSelected = true }
                case .done: counts[4] += 1; if q == 4 { inSelected = true }
                case .rejected, .canceled: counts[5] += 1; if q == 5 { inSelected = true }
                case .unknown: break
                }
                for c in customs where inQueue(c, row) {
                    counts[c] += 1
                    if c == q { inSelected = true }
                }
                if inSelected { out.append(i) }
            }
        }
        queueCounts = counts
        setVisible(out)
    }

    /// Replaces the visible list, keeping the selection on the same order or moving it to the nearest neighbour.
    mutating func setVisible(_ new: [Int32]) {
        let old = visible
        let oldPosition = selectedIndex
        visible = new
        guard !new.isEmpty else {
            selectedIndex = nil
            if let s = selectedUUID, index[s.hex] == nil { selectedUUID = nil }
            return
        }
        if let s = selectedUUID, let row = index[s.hex], let pos = new.firstIndex(of: row) {
            selectedIndex = pos
            return
        }
        // The selected order left the view: the nearest neighbour in the old list that is still visible.
        if let p = oldPosition, !old.isEmpty {
            var inNew = [Bool](repeating: false, count: rows.count)
            for i in new { inNew[Int(i)] = true }
            let start = min(p, old.count - 1)
            var d = 0
            while start + d < old.count || start - d >= 0 {
                for candidate in [start + d, start - d] where candidate >= 0 && candidate < old.count {
                    let r = old[candidate]
                    if Int(r) < inNew.count, inNew[Int(r)], let pos = new.firstIndex(of: r) {
                        selectedIndex = pos
                        selectedUUID = rows[Int(r)].uuid
                        return
                    }
                }
                d += 1
            }
        }
        selectedIndex = 0
        selectedUUID = rows[Int(new[0])].uuid
    }

    // MARK: Rows

    /// Rebuilds `index` after rows were removed.
    mutating func removeRows(where shouldRemove: (OrderRow) -> Bool) {
        let kept = rows.filter { !shouldRemove($0) }
        guard kept.count != rows.count else { return }
        let keptKeys = Set(kept.map(\.uuidHex))
        // Forget the removed orders' marks and details; remember the selection's position via `selectedIndex`.
        marked = marked.filter { keptKeys.contains($0.hex) }
        detailCache = detailCache.filter { keptKeys.contains($0.key.hex) }
        // `visible` refers to old indices: translate it so the neighbour search in setVisible works.
        var translation = [Int32](repeating: -1, count: rows.count)
        var newIndex: [String: Int32] = [:]
        newIndex.reserveCapacity(kept.count)
        var n: Int32 = 0
        for (i, row) in rows.enumerated() where keptKeys.contains(row.uuidHex) {
            translation[i] = n
            newIndex[row.uuidHex] = n
            n += 1
        }
        // Keep old visible positions for the neighbour search, mapping removed rows to a placeholder index.
        visible = visible.map { Int($0) < translation.count && translation[Int($0)] >= 0 ? translation[Int($0)] : Int32(kept.count) }
        rows = kept
        index = newIndex
    }
}
