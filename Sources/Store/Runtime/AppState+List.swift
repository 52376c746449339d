import Foundation
import WaldurClient

extension AppState {
    // MARK: Rows

    /// The row index of a loaded order.
    func rowIndex(_ uuid: WaldurUUID) -> Int32? { index[RowKey(uuid)] }

    /// The uuid of the row at `i`.
    func uuid(ofRow i: Int32) -> WaldurUUID { rows[Int(i)].uuid(pool) }

    // MARK: Queue membership

    /// Compiles the user queues' filters against the current pool (after names were added) and recomputes every
    /// row's membership mask, so typing in the filter line never re-evaluates user queues.
    mutating func compileQueueFilters() {
        if queueFilters.count != queues.count { queueFilters = Array(repeating: nil, count: queues.count) }
        var any = false
        for (i, q) in queues.enumerated() {
            if case let .custom(expression) = q.kind {
                queueFilters[i] = CompiledFilter(expression, pool: pool, now: now, previous: queueFilters[i])
                any = true
            }
        }
        guard any else { return }
        let all = [Int32](0..<Int32(rows.count))
        var masks = [UInt32](repeating: 0, count: rows.count)
        for c in queues.indices where c >= Queue.builtIn.count && c - Queue.builtIn.count < 32 {
            guard let f = queueFilters[c] else { continue }
            let bit = UInt32(1) << UInt32(c - Queue.builtIn.count)
            for i in f.filter(all, rows: rows) { masks[Int(i)] |= bit }
        }
        queueMasks = masks
    }

    /// Recomputes `hot` from the rows (after rows or their flags changed).
    mutating func rebuildHot() {
        var out = [UInt8](repeating: 0, count: rows.count)
        rows.withUnsafeBufferPointer { r in
            for i in 0..<r.count {
                let code = r[i].stateCode < 15 ? r[i].stateCode : 15
                out[i] = code | (r[i].inNeedsMe ? 0x80 : 0)
            }
        }
        hot = out
    }

    // MARK: Sorting

    /// Sorts every row by the current sort; then refilters.
    mutating func resort() {
        filterCache.removeAll()
        sorted = sortedIndices()
        refilter(narrowing: false)
    }

    mutating func sortedIndices() -> [Int32] {
        let keys = sortKeys()
        let ascending = sort.ascending
        // (primary key, newest first, row index): a total order, stable across runs.
        var items = [(Int64, Double, Int32)]()
        items.reserveCapacity(rows.count)
        rows.withUnsafeBufferPointer { r in
            for i in 0..<r.count {
                let c = r[i].created
                items.append((ascending ? keys[i] : ~keys[i], c.isNaN ? Double.infinity : -c, Int32(i)))
            }
        }
        items.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return a.2 < b.2
        }
        return items.map(\.2)
    }

    /// One integer per row whose order is the column's ascending order; absent values sort last in either direction.
    mutating func sortKeys() -> [Int64] {
        let missing = sort.ascending ? Int64.max : Int64.min
        func time(_ t: Double) -> Int64 { t.isNaN ? missing : Int64((t * 1_000_000).rounded()) }
        switch sort.key {
        case .created: return rows.map { time($0.created) }
        case .modified: return rows.map { time($0.modified) }
        case .consumerReviewedAt: return rows.map { time($0.consumerReviewedAt) }
        case .state:
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
        case .offering: return names(\.offering, missing)
        case .plan: return names(\.plan, missing)
        case .project: return names(\.project, missing)
        case .customer: return names(\.customer, missing)
        case .provider: return names(\.provider, missing)
        case .resource: return names(\.resource, missing)
        case .createdBy: return names(\.creator, missing)
        case .uuid: return rows.map { Int64(bitPattern: $0.key.hi >> 1) }
        }
    }

    mutating func names(_ id: KeyPath<OrderRow, UInt32>, _ missing: Int64) -> [Int64] {
        let ranks = pool.ranks()
        return rows.map { $0[keyPath: id] == 0 ? missing : ranks[Int($0[keyPath: id])] }
    }

    // MARK: Filtering

    /// Recomputes the rows passing the typed filter; `narrowing` filters only the previous result
    /// (valid when the new filter implies the old one).
    mutating func refilter(narrowing: Bool) {
        let source = narrowing ? filtered : sorted
        filtered = compiledFilter.isEmpty ? source : compiledFilter.filter(source, rows: rows)
        filteredWith = appliedFilter
        requeue()
    }

    /// Recomputes the visible list of the selected queue and (unless `recount` is false: only the tab changed) every
    /// tab's count; keeps the selection.
    mutating func requeue(recount: Bool = true) {
        var counts = [Int](repeating: 0, count: queues.count)
        let q = min(max(0, selectedQueueIndex), queues.count - 1)
        let memberships = QueueMembership.builtIn
        var builtIn = [Int](repeating: 0, count: memberships.count)
        var out: [Int32] = []
        if hot.count != rows.count { rebuildHot() }
        if queueMasks.count != rows.count { queueMasks = [UInt32](repeating: 0, count: rows.count) }
        hot.withUnsafeBufferPointer { h in
            if recount {
                // One histogram of the hot bytes over the filtered rows, then each queue sums the buckets it declares.
                var histogram = [Int](repeating: 0, count: 256)
                for i in filtered { histogram[Int(h[Int(i)])] += 1 }
                for v in 0..<256 where histogram[v] > 0 {
                    for (k, m) in memberships.enumerated() where m.contains(hot: UInt8(v)) { builtIn[k] += histogram[v] }
                }
            }
            guard q < memberships.count else { return }
            let m = memberships[q]
            if m.everything {
                out = filtered
            } else {
                out.reserveCapacity(filtered.count)
                for i in filtered where m.contains(hot: h[Int(i)]) { out.append(i) }
            }
        }
        if recount { for k in 0..<min(memberships.count, counts.count) { counts[k] = builtIn[k] } }
        if !recount, queueCounts.count == counts.count { counts = queueCounts }
        if queues.count > Queue.builtIn.count {
            let customCount = min(32, queues.count - Queue.builtIn.count)
            var custom = [Int](repeating: 0, count: customCount)
            queueMasks.withUnsafeBufferPointer { qm in
                for i in filtered where recount {
                    var m = qm[Int(i)]
                    while m != 0 {
                        let k = m.trailingZeroBitCount
                        if k < customCount { custom[k] += 1 }
                        m &= m - 1
                    }
                }
                if q >= Queue.builtIn.count, q - Queue.builtIn.count < 32 {
                    let bit = UInt32(1) << UInt32(q - Queue.builtIn.count)
                    out = filtered.filter { qm[Int($0)] & bit != 0 }
                }
            }
            if recount { for k in 0..<customCount { counts[Queue.builtIn.count + k] = custom[k] } }
        }
        queueCounts = counts
        setVisible(out)
    }

    /// Replaces the visible list, keeping the selection on the same order or moving it to the nearest neighbour.
    mutating func setVisible(_ new: [Int32]) {
        let old = visible
        let oldPosition = selectedIndex
        visible = new
        if keepSelectionOnTop(new) { return }
        guard !new.isEmpty else {
            selectedIndex = nil
            if let s = selectedUUID, rowIndex(s) == nil { selectedUUID = nil }
            return
        }
        if let s = selectedUUID, let row = rowIndex(s), let pos = new.firstIndex(of: row) {
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
                    if r >= 0, Int(r) < inNew.count, inNew[Int(r)], let pos = new.firstIndex(of: r) {
                        selectedIndex = pos
                        selectedUUID = uuid(ofRow: r)
                        return
                    }
                }
                d += 1
            }
        }
        selectedIndex = 0
        selectedUUID = uuid(ofRow: new[0])
    }

    /// Removes rows and rebuilds the index; the old visible positions stay usable for the neighbour search.
    mutating func removeRows(where shouldRemove: (OrderRow) -> Bool) {
        var translation = [Int32](repeating: -1, count: rows.count)
        var kept: [OrderRow] = []
        kept.reserveCapacity(rows.count)
        var newIndex: [RowKey: Int32] = [:]
        for (i, row) in rows.enumerated() where !shouldRemove(row) {
            translation[i] = Int32(kept.count)
            newIndex[row.key] = Int32(kept.count)
            kept.append(row)
        }
        guard kept.count != rows.count else { return }
        filterCache.removeAll()
        marked = marked.filter { newIndex[RowKey($0)] != nil }
        detailCache = detailCache.filter { newIndex[RowKey($0.key)] != nil }
        visible = visible.map { Int($0) < translation.count && $0 >= 0 ? translation[Int($0)] : -1 }
        rows = kept
        index = newIndex
        hot = []
        compileQueueFilters()
    }
}
