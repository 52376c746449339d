import Foundation
import WaldurClient

/// Every loaded order in compact form, and everything derived from the rows for the list: the sort order, the rows
/// passing the typed filter, queue membership and counts, the visible rows of the selected queue, and the caches
/// that make typing and backspacing fast. It keeps these consistent behind a small API; `AppState` keeps what the
/// user sees (selection, marks, filter text, sort, dialogs, messages) and tells the index which `View` to serve.
public struct OrderIndex: Sendable {
    /// What the derived arrays are for: chosen by the user, kept in `AppState`.
    struct View {
        var sort: OrderSort
        var filter: FilterExpression
        var queues: [Queue]
        var selectedQueue: Int
        var now: Date
    }

    /// Every loaded order, compact (not in display order).
    private(set) var rows: [OrderRow] = []
    /// Names of the rows.
    private(set) var pool = StringPool()
    private var keys: [RowKey: Int32] = [:]
    /// All rows in sort order.
    private(set) var sorted: [Int32] = []
    /// Sorted rows passing the typed filter (any queue).
    private(set) var filtered: [Int32] = []
    /// Rows of the selected queue passing the filter, in sort order (what the list shows).
    private(set) var visible: [Int32] = []
    /// Orders per tab that also pass the typed filter (same order as the queues).
    private(set) var counts: [Int]
    private(set) var compiledFilter = CompiledFilter.matchAll
    /// Per row: state code in the low 4 bits (15: unknown), bit 7 when in "Needs me". Small and contiguous, so
    /// counting the queues over the sorted list stays in cache.
    private var hot: [UInt8] = []
    /// Per row: bit k when in the k-th user queue.
    private var queueMasks: [UInt32] = []
    private var queueFilters: [CompiledFilter?] = []
    /// The filter `filtered` was computed with (to narrow incrementally).
    private var filteredWith: FilterExpression = .empty
    /// Recent filter results for the current rows and sort (backspace returns to one instantly).
    private var filterCache: [(expression: FilterExpression, compiled: CompiledFilter, filtered: [Int32])] = []

    init(queueCount: Int) {
        counts = Array(repeating: 0, count: queueCount)
        queueFilters = Array(repeating: nil, count: queueCount)
    }

    // MARK: Rows

    /// The number of loaded orders.
    var count: Int { rows.count }

    /// The row index of a loaded order.
    func rowIndex(_ uuid: WaldurUUID) -> Int32? { keys[RowKey(uuid)] }

    /// The row index of a key.
    func rowIndex(_ key: RowKey) -> Int32? { keys[key] }

    /// The uuid of the row at `i`.
    func uuid(ofRow i: Int32) -> WaldurUUID { rows[Int(i)].uuid(pool) }

    /// Changes the flags of rows in place (flags never move a row in the sort or the filter, only in "Needs me").
    mutating func updateFlags(_ change: (inout OrderRow) -> Void, where matches: (OrderRow) -> Bool = { _ in true }) {
        for i in rows.indices where matches(rows[i]) { change(&rows[i]) }
        rebuildHot()
    }

    /// Changes one row's flags in place.
    mutating func updateFlags(row i: Int, _ change: (inout OrderRow) -> Void) {
        guard i >= 0, i < rows.count else { return }
        change(&rows[i])
    }

    // MARK: Merging and removing

    /// What a merge changed, for the state around the index (detail cache, re-fetches).
    struct MergeResult {
        /// Orders already loaded whose state, modification time or cost changed.
        var changed: [WaldurUUID] = []
    }

    /// Merges orders from a load: new ones are appended, known ones replaced unless the answer is older than what is
    /// loaded; `flag` is or-ed into every merged row; `flagChanges` marks new and changed rows at `view.now`.
    /// `bigLoadRunning` lets a large first load append unsorted until it finishes.
    mutating func merge(_ orders: [Order], flag: UInt8, flagChanges: Bool, bigLoadRunning: Bool, view: View) -> MergeResult {
        var result = MergeResult()
        filterCache.removeAll()
        var needsResort = false
        var appended: [Int32] = []
        let now = view.now.timeIntervalSince1970
        for order in orders {
            var row = OrderRow(order, pool: &pool)
            if let i = keys[row.key] {
                let old = rows[Int(i)]
                // An answer older than what is loaded (a late page or detail fetch) never rolls a row back.
                if old.modified > row.modified { continue }
                row.flags = old.flags | flag
                row.highlightedAt = old.highlightedAt
                let changed = old.stateCode != row.stateCode || old.stateWire != row.stateWire || old.modified != row.modified || old.cost != row.cost
                if !OrderIndex.sameSortKey(old, row, view.sort.key) { needsResort = true }
                if changed {
                    if flagChanges, !old.isNew {
                        row.flags |= OrderRow.changedFlag
                        row.highlightedAt = now
                    }
                    result.changed.append(order.uuid)
                }
                rows[Int(i)] = row
            } else {
                row.flags |= flag
                if flagChanges {
                    row.flags |= OrderRow.newFlag
                    row.highlightedAt = now
                }
                let i = Int32(rows.count)
                rows.append(row)
                keys[row.key] = i
                appended.append(i)
            }
        }
        rebuildHot()
        compileQueueFilters(view)
        let hasNewNames = compiledFilter.tests.contains { if case .text = $0.test { return true }; if case .field = $0.test { return true }; return false }
        if hasNewNames { compiledFilter = CompiledFilter(view.filter, pool: pool, now: view.now, previous: compiledFilter) }
        if needsResort || (!appended.isEmpty && (sorted.count <= 5000 || rows.count >= 2 * sorted.count || !bigLoadRunning)) {
            resort(view)
        } else if !appended.isEmpty {
            // During a big load: new rows go to the end until the load finishes (then everything is sorted).
            sorted += appended
            filterCache.removeAll()
            refilter(view, narrowing: false)
        } else {
            // Rows changed in place without moving in the sort order: only the filter and queues need a look.
            refilter(view, narrowing: false)
        }
        return result
    }

    /// Removes rows. The visible list keeps its old positions (removed rows become -1) so the selection can move to
    /// a neighbour when the list is recomputed; call `resort` after.
    mutating func remove(where shouldRemove: (OrderRow) -> Bool, view: View) {
        var translation = [Int32](repeating: -1, count: rows.count)
        var kept: [OrderRow] = []
        kept.reserveCapacity(rows.count)
        var newKeys: [RowKey: Int32] = [:]
        for (i, row) in rows.enumerated() where !shouldRemove(row) {
            translation[i] = Int32(kept.count)
            newKeys[row.key] = Int32(kept.count)
            kept.append(row)
        }
        guard kept.count != rows.count else { return }
        filterCache.removeAll()
        visible = visible.map { Int($0) < translation.count && $0 >= 0 ? translation[Int($0)] : -1 }
        rows = kept
        keys = newKeys
        hot = []
        compileQueueFilters(view)
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

    // MARK: Filter

    /// Applies a new filter: from the cache when it was seen for these rows, narrowing the previous result when it
    /// implies it, else over every row.
    mutating func applyFilter(_ view: View) {
        let expression = view.filter
        if !expression.dependsOnTime, let hit = filterCache.first(where: { $0.expression == expression }) {
            compiledFilter = hit.compiled
            filtered = hit.filtered
            filteredWith = expression
            requeue(view)
            return
        }
        let narrowing = expression.narrows(filteredWith)
        compiledFilter = CompiledFilter(expression, pool: pool, now: view.now, previous: compiledFilter)
        refilter(view, narrowing: narrowing)
        if !expression.dependsOnTime {
            filterCache.append((expression, compiledFilter, filtered))
            if filterCache.count > 24 { filterCache.removeFirst() }
        }
    }

    /// Re-evaluates time-relative filters (`age<2h`) at `view.now`: the typed one and the user queues'.
    mutating func reevaluateTimeFilters(_ view: View) {
        compiledFilter = CompiledFilter(view.filter, pool: pool, now: view.now, previous: compiledFilter)
        compileQueueFilters(view)
        refilter(view, narrowing: false)
    }
}

extension OrderIndex: Equatable {
    /// Two indexes are equal when they hold the same rows and names and serve the same list (caches aside).
    public static func == (a: OrderIndex, b: OrderIndex) -> Bool {
        a.rows.count == b.rows.count && zip(a.rows, b.rows).allSatisfy { $0.isSame(as: $1) } && a.pool.values == b.pool.values
            && a.sorted == b.sorted && a.filtered == b.filtered && a.visible == b.visible && a.counts == b.counts
    }
}

// MARK: - The derived arrays: membership bytes, user-queue masks, sort order, filter result, counts, visible rows

extension OrderIndex {
    // MARK: Queue membership

    /// Compiles the user queues' filters against the current pool (after names were added) and recomputes every
    /// row's membership mask, so typing in the filter line never re-evaluates user queues.
    mutating func compileQueueFilters(_ view: View) {
        let queues = view.queues
        if queueFilters.count != queues.count { queueFilters = Array(repeating: nil, count: queues.count) }
        var any = false
        for (i, q) in queues.enumerated() {
            if case let .custom(expression) = q.kind {
                queueFilters[i] = CompiledFilter(expression, pool: pool, now: view.now, previous: queueFilters[i])
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

    /// Sorts every row by the view's sort; then refilters.
    mutating func resort(_ view: View) {
        filterCache.removeAll()
        sorted = sortedIndices(view.sort)
        refilter(view, narrowing: false)
    }

    mutating func sortedIndices(_ sort: OrderSort) -> [Int32] {
        let keys = sortKeys(sort)
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
    mutating func sortKeys(_ sort: OrderSort) -> [Int64] {
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
    mutating func refilter(_ view: View, narrowing: Bool) {
        let source = narrowing ? filtered : sorted
        filtered = compiledFilter.isEmpty ? source : compiledFilter.filter(source, rows: rows)
        filteredWith = view.filter
        requeue(view)
    }

    /// Recomputes the visible list of the selected queue and (unless `recount` is false: only the tab changed) every
    /// tab's count.
    mutating func requeue(_ view: View, recount: Bool = true) {
        let queues = view.queues
        var counts = [Int](repeating: 0, count: queues.count)
        let q = min(max(0, view.selectedQueue), queues.count - 1)
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
        if !recount, self.counts.count == counts.count { counts = self.counts }
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
        self.counts = counts
        visible = out
    }
}

// MARK: - Rows from a snapshot (issue 14; reading them out is in OrderIndex+Snapshot.swift)

extension OrderIndex {
    /// Replaces every row and name with those of a snapshot and derives the list for `view`. Answers false (and
    /// leaves the index empty) when two rows share an order.
    mutating func install(rows newRows: [OrderRow], pool newPool: StringPool, view: View) -> Bool {
        self = OrderIndex(queueCount: counts.count)
        var newKeys: [RowKey: Int32] = [:]
        newKeys.reserveCapacity(newRows.count)
        for (i, row) in newRows.enumerated() { newKeys[row.key] = Int32(i) }
        guard newKeys.count == newRows.count else { return false }
        rows = newRows
        pool = newPool
        keys = newKeys
        rebuildHot()
        compileQueueFilters(view)
        compiledFilter = CompiledFilter(view.filter, pool: pool, now: view.now, previous: compiledFilter)
        resort(view)
        return true
    }
}
