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
    /// Names of the rows (set here and by the sort, which caches the names' ranks in it).
    var pool = StringPool()
    /// The row of every order by key.
    private var keys = RowKeyTable()
    /// All rows in sort order (set here and by the sort, OrderIndex+Sorting.swift).
    var sorted: [Int32] = []
    /// Sorted rows passing the typed filter (any queue).
    private(set) var filtered: [Int32] = []
    /// Rows of the selected queue passing the filter, in sort order (what the list shows).
    private(set) var visible: [Int32] = []
    /// Orders per tab that also pass the typed filter (same order as the queues).
    private(set) var counts: [Int]
    private(set) var compiledFilter = CompiledFilter.matchAll
    /// Per row: state code in the low 4 bits (15: unknown), bit 7 when in "Needs me". Small and contiguous, so
    /// counting the queues over the sorted list stays in cache. Always one per row.
    private var hot: [UInt8] = []
    /// Per row: bit k when in the k-th user queue.
    private var queueMasks: [UInt32] = []
    private var queueFilters: [CompiledFilter?] = []
    /// Column copies of the fields the filter reads, one per row.
    private(set) var columns = FilterColumns()
    /// Every row in the order that breaks ties between equal sort keys (nil when rows or their dates changed).
    var tieOrder: [Int32]?
    /// The tab `visible` and `counts` were computed for (nil when they need a full recompute).
    private var servedQueue: Int?
    /// The filter `filtered` was computed with (to narrow incrementally).
    private var filteredWith: FilterExpression = .empty
    /// Recent filter results for the current rows and sort (backspace returns to one instantly; a sort clears it).
    var filterCache: [(expression: FilterExpression, compiled: CompiledFilter, filtered: [Int32])] = []

    init(queueCount: Int) {
        counts = Array(repeating: 0, count: queueCount)
        queueFilters = Array(repeating: nil, count: queueCount)
    }

    // MARK: Rows

    /// The number of loaded orders.
    var count: Int { rows.count }

    /// The row index of a loaded order.
    func rowIndex(_ uuid: WaldurUUID) -> Int32? { keys.index(of: RowKey(uuid), rows: rows) }

    /// The row index of a key.
    func rowIndex(_ key: RowKey) -> Int32? { keys.index(of: key, rows: rows) }

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
        hot[i] = OrderIndex.hotByte(rows[i])
    }

    // MARK: Merging and removing

    /// What a merge changed, for the state around the index (detail cache, re-fetches).
    struct MergeResult {
        /// Orders already loaded whose state, modification time or cost changed.
        var changed: [WaldurUUID] = []
    }

    /// Merges orders from a load: new ones are appended, known ones replaced unless the answer is older than what is
    /// loaded; `flag` is or-ed into every merged row; `flagChanges` marks new and changed rows at `view.now`.
    /// `bigLoadRunning` lets a large first load append unsorted until it finishes. Only the merged rows are evaluated
    /// (filter, queues, counts) unless the sort order must change or time-relative filters are in force.
    /// `only`: the fields the list loads, when the orders carry more (a detail fetch); the rows keep just those.
    mutating func merge(_ orders: [Order], flag: UInt8, flagChanges: Bool, bigLoadRunning: Bool, view: View,
                        only fields: Set<String>? = nil) -> MergeResult {
        var result = MergeResult()
        filterCache.removeAll()
        var needsResort = false
        var appended: [Int32] = []
        var replaced: [Int32] = []
        let now = view.now.timeIntervalSince1970
        // (Through a buffer pointer: each order is read in place, not copied.)
        orders.withUnsafeBufferPointer { orders in
            for k in orders.indices {
                var row = OrderRow(orders[k], pool: &pool)
                if let fields { row = row.keeping(fields) }
                if let i = keys.index(of: row.key, rows: rows) {
                    let old = rows[Int(i)]
                    // An answer older than what is loaded (a late page or detail fetch) never rolls a row back.
                    if old.modified > row.modified { continue }
                    row.flags = old.flags | flag
                    row.highlightedAt = old.highlightedAt
                    let changed = old.stateCode != row.stateCode || old.stateWire != row.stateWire || old.modified != row.modified || old.cost != row.cost
                    if !OrderIndex.sameSortKey(old, row, view.sort.key) { needsResort = true }
                    if !(old.created == row.created || (old.created.isNaN && row.created.isNaN)) { tieOrder = nil }
                    if changed {
                        if flagChanges, !old.isNew {
                            row.flags |= OrderRow.changedFlag
                            row.highlightedAt = now
                        }
                        result.changed.append(orders[k].uuid)
                    }
                    rows[Int(i)] = row
                    columns.update(Int(i), row, signatures: pool.signatures)
                    hot[Int(i)] = OrderIndex.hotByte(row)
                    replaced.append(i)
                } else {
                    row.flags |= flag
                    if flagChanges {
                        row.flags |= OrderRow.newFlag
                        row.highlightedAt = now
                    }
                    let i = Int32(rows.count)
                    rows.append(row)
                    columns.append(row, signatures: pool.signatures)
                    hot.append(OrderIndex.hotByte(row))
                    keys.insert(row.key, row: i, rows: rows)
                    appended.append(i)
                }
            }
        }
        if !appended.isEmpty { tieOrder = nil }
        let queuesKept = updateQueueMasks(appended + replaced, view)
        let hasNewNames = compiledFilter.tests.contains { if case .text = $0.test { return true }; if case .field = $0.test { return true }; return false }
        if hasNewNames { compiledFilter = CompiledFilter(view.filter, pool: pool, now: view.now, previous: compiledFilter) }
        if needsResort || (!appended.isEmpty && (sorted.count <= 5000 || rows.count >= 2 * sorted.count || !bigLoadRunning)) {
            resort(view)
        } else if !appended.isEmpty, replaced.isEmpty, queuesKept, canExtend(view) {
            // During a big load: new rows go to the end until the load finishes (then everything is sorted); only
            // they are filtered and counted.
            sorted += appended
            extend(with: appended, view)
        } else if !appended.isEmpty {
            sorted += appended
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
        let gone = rows.map(shouldRemove)
        guard gone.contains(true) else { return }
        var translation = [Int32](repeating: -1, count: rows.count)
        var kept: [OrderRow] = []
        kept.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() where !gone[i] {
            translation[i] = Int32(kept.count)
            kept.append(row)
        }
        filterCache.removeAll()
        visible = visible.map { Int($0) < translation.count && $0 >= 0 ? translation[Int($0)] : -1 }
        servedQueue = nil
        tieOrder = nil
        rows = kept
        keys = RowKeyTable(kept) ?? RowKeyTable()
        columns = FilterColumns(rows, signatures: pool.signatures)
        rebuildHot()
        compileQueueFilters(view)
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
        // Narrowing, the previous rows already pass the leading terms that did not change: only the rest is tested.
        let kept = narrowing ? zip(expression.terms, filteredWith.terms).prefix { $0 == $1 }.count : 0
        compiledFilter = CompiledFilter(expression, pool: pool, now: view.now, previous: compiledFilter)
        refilter(view, narrowing: narrowing, passing: kept)
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

    /// Every derived array recomputed from the rows (columns, queues, filter, counts, visible rows, and with
    /// `resorting` the sort order; else the current order is kept, as during a big load).
    func recomputed(_ view: View, resorting: Bool) -> OrderIndex {
        var copy = self
        copy.columns = FilterColumns(rows, signatures: pool.signatures)
        copy.tieOrder = nil
        copy.rebuildHot()
        copy.queueFilters = Array(repeating: nil, count: view.queues.count)
        copy.compileQueueFilters(view)
        copy.compiledFilter = CompiledFilter(view.filter, pool: pool, now: view.now, previous: nil)
        if resorting { copy.resort(view) } else { copy.refilter(view, narrowing: false) }
        return copy
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
        guard any else {
            queueMasks = [UInt32](repeating: 0, count: rows.count)
            return
        }
        let all = [Int32](0..<Int32(rows.count))
        var masks = [UInt32](repeating: 0, count: rows.count)
        for c in queues.indices where c >= Queue.builtIn.count && c - Queue.builtIn.count < 32 {
            guard let f = queueFilters[c] else { continue }
            let bit = UInt32(1) << UInt32(c - Queue.builtIn.count)
            for i in f.filter(all, rows: rows, columns: columns) { masks[Int(i)] |= bit }
        }
        queueMasks = masks
    }

    /// Brings the user-queue masks up to date after the rows `changed` were appended or replaced: only those rows
    /// are evaluated. Answers false when every row had to be evaluated again (time-relative queue filters, whose
    /// answers move with the clock, or queues that changed), so the other rows' membership may have changed too.
    mutating func updateQueueMasks(_ changed: [Int32], _ view: View) -> Bool {
        let queues = view.queues
        let custom = queues.indices.filter { if case .custom = queues[$0].kind { return true } else { return false } }
        let timeRelative = custom.contains { if case let .custom(e) = queues[$0].kind { return e.dependsOnTime } else { return false } }
        if queueFilters.count != queues.count || queueMasks.count > rows.count || timeRelative {
            compileQueueFilters(view)
            return false
        }
        if queueMasks.count < rows.count { queueMasks += [UInt32](repeating: 0, count: rows.count - queueMasks.count) }
        for c in custom {
            guard case let .custom(expression) = queues[c].kind else { continue }
            let f = CompiledFilter(expression, pool: pool, now: view.now, previous: queueFilters[c])
            queueFilters[c] = f
            guard c >= Queue.builtIn.count, c - Queue.builtIn.count < 32 else { continue }
            let bit = UInt32(1) << UInt32(c - Queue.builtIn.count)
            for i in changed { queueMasks[Int(i)] &= ~bit }
            for i in f.filter(changed, rows: rows, columns: columns) { queueMasks[Int(i)] |= bit }
        }
        return true
    }

    /// The membership byte of a row: state code in the low 4 bits (15: unknown), bit 7 when in "Needs me".
    static func hotByte(_ row: OrderRow) -> UInt8 {
        (row.stateCode < 15 ? row.stateCode : 15) | (row.inNeedsMe ? 0x80 : 0)
    }

    /// Recomputes `hot` from the rows (after rows or their flags changed).
    mutating func rebuildHot() {
        var out = [UInt8](repeating: 0, count: rows.count)
        rows.withUnsafeBufferPointer { r in
            for i in 0..<r.count { out[i] = OrderIndex.hotByte(r[i]) }
        }
        hot = out
    }

    // MARK: Filtering

    /// Recomputes the rows passing the typed filter; `narrowing` filters only the previous result
    /// (valid when the new filter implies the old one), whose rows pass the first `passing` terms already.
    mutating func refilter(_ view: View, narrowing: Bool, passing: Int = 0) {
        let source = narrowing ? filtered : sorted
        let filter = narrowing ? compiledFilter.droppingFirst(passing) : compiledFilter
        var mask: [Bool]?
        if filter.isEmpty { filtered = source } else { (filtered, mask) = filter.filterWithMask(source, rows: rows, columns: columns) }
        filteredWith = view.filter
        requeue(view, member: mask)
    }

    /// Whether `filtered`, `visible` and `counts` are up to date for `view`, so rows appended at the end of the sort
    /// order can be added to them alone.
    func canExtend(_ view: View) -> Bool {
        servedQueue == OrderIndex.tab(view) && filteredWith == view.filter && !view.filter.dependsOnTime
            && counts.count == view.queues.count && hot.count == rows.count && queueMasks.count == rows.count
    }

    /// Adds rows appended at the end of `sorted` to the filtered rows, the counts and the visible list.
    mutating func extend(with appended: [Int32], _ view: View) {
        let passing = compiledFilter.isEmpty ? appended : compiledFilter.filter(appended, rows: rows, columns: columns)
        filtered += passing
        var counts = self.counts
        var out = visible
        visible = []
        tally(passing, view, recount: true, counts: &counts, visible: &out)
        self.counts = counts
        visible = out
    }

    /// The selected tab, within the queues.
    static func tab(_ view: View) -> Int { min(max(0, view.selectedQueue), view.queues.count - 1) }

    /// Recomputes the visible list of the selected queue and (unless `recount` is false: only the tab changed) every
    /// tab's count.
    mutating func requeue(_ view: View, recount: Bool = true, member: [Bool]? = nil) {
        let zero = [Int](repeating: 0, count: view.queues.count)
        var counts = recount || self.counts.count != zero.count ? zero : self.counts
        var out: [Int32] = []
        if hot.count != rows.count { rebuildHot() }
        if queueMasks.count != rows.count { queueMasks = [UInt32](repeating: 0, count: rows.count) }
        tally(filtered, view, recount: recount, counts: &counts, visible: &out, member: member)
        self.counts = counts
        visible = out
        servedQueue = OrderIndex.tab(view)
    }

    /// Adds the rows of `source` (passing the filter, in sort order) to every tab's count (when `recount`) and, when
    /// they are in the selected tab, to the end of `visible`. `member`, when given, is true for exactly the rows of
    /// `source` (by row index).
    func tally(_ source: [Int32], _ view: View, recount: Bool, counts: inout [Int], visible out: inout [Int32], member given: [Bool]? = nil) {
        if recount { countTabs(source, view, counts: &counts, member: given) }
        let q = OrderIndex.tab(view)
        let memberships = QueueMembership.builtIn
        if q >= 0, q < memberships.count {
            let m = memberships[q]
            if m.everything {
                if out.isEmpty { out = source } else { out += source }
            } else {
                let member = (0..<256).map { m.contains(hot: UInt8($0)) }
                let picked = hot.withUnsafeBufferPointer { h in
                    member.withUnsafeBufferPointer { t in RowPick.pick(source) { t[Int(h[Int($0)])] } }
                }
                if out.isEmpty { out = picked } else { out += picked }
            }
        }
        guard q >= Queue.builtIn.count, q - Queue.builtIn.count < 32, q < view.queues.count else { return }
        let bit = UInt32(1) << UInt32(q - Queue.builtIn.count)
        let picked = queueMasks.withUnsafeBufferPointer { qm in RowPick.pick(source) { qm[Int($0)] & bit != 0 } }
        if out.isEmpty { out = picked } else { out += picked }
    }

    /// Adds the rows of `source` to every tab's count. Counts do not depend on the order: a large source is counted
    /// in row order (sequential reads), through a membership mask (`member` when given, else built only when the rows
    /// are past what the caches hold) unless it is every row.
    func countTabs(_ source: [Int32], _ view: View, counts: inout [Int], member given: [Bool]?) {
        let memberships = QueueMembership.builtIn
        let everyRow = source.count == rows.count
        let masked = source.count * 4 >= rows.count && (given?.count == rows.count || rows.count >= 1 << 18)
        let inRowOrder = (everyRow || masked) && hot.count == rows.count && queueMasks.count == rows.count
        var member: [Bool] = []
        if inRowOrder, !everyRow, let given, given.count == rows.count {
            member = given
        } else if inRowOrder, !everyRow {
            member = [Bool](repeating: false, count: rows.count)
            member.withUnsafeMutableBufferPointer { m in for i in source { m[Int(i)] = true } }
        }
        // One histogram of the hot bytes, then each queue sums the buckets it declares. (Bucket 256 takes the rows
        // outside the source, so the row-order pass has no branch.)
        var histogram: [Int] = []
        hot.withUnsafeBufferPointer { h in
            source.withUnsafeBufferPointer { s in
                if !inRowOrder {
                    histogram = LaneHistogram.count(s.count, buckets: 257) { Int(h[Int(s[$0])]) }
                } else if everyRow {
                    histogram = LaneHistogram.count(h.count, buckets: 257) { Int(h[$0]) }
                } else {
                    member.withUnsafeBufferPointer { m in
                        histogram = LaneHistogram.count(min(h.count, m.count), buckets: 257) { m[$0] ? Int(h[$0]) : 256 }
                    }
                }
            }
        }
        for v in 0..<256 where histogram[v] > 0 {
            for (k, m) in memberships.enumerated() where k < counts.count && m.contains(hot: UInt8(v)) { counts[k] += histogram[v] }
        }
        guard view.queues.count > Queue.builtIn.count else { return }
        let customCount = min(32, view.queues.count - Queue.builtIn.count)
        if inRowOrder, customCount <= 4 {
            // A few queues: one sum per queue of its bit (and the membership), a loop without stores that vectorizes.
            queueMasks.withUnsafeBufferPointer { qm in
                member.withUnsafeBufferPointer { mb in
                    mb.withMemoryRebound(to: UInt8.self) { m in
                        for q in 0..<customCount {
                            let shift = UInt32(q)
                            var total = 0
                            if everyRow {
                                for i in 0..<qm.count { total &+= Int((qm[i] &>> shift) & 1) }
                            } else {
                                for i in 0..<min(qm.count, m.count) { total &+= Int((qm[i] &>> shift) & UInt32(m[i])) }
                            }
                            counts[Queue.builtIn.count + q] += total
                        }
                    }
                }
            }
            return
        }
        // A histogram per byte of the masks (row k of `bytes` for queues 8k..<8k+8), then each queue sums the values
        // holding its bit (value 0, rows in no queue of that byte, and bucket 256, rows outside the source, count
        // for none).
        let byteCount = (customCount + 7) / 8
        var bytes: [Int] = []
        queueMasks.withUnsafeBufferPointer { qm in
            source.withUnsafeBufferPointer { s in
                for k in 0..<byteCount {
                    let shift = UInt32(8 * k)
                    if !inRowOrder {
                        bytes += LaneHistogram.count(s.count, buckets: 257) { Int((qm[Int(s[$0])] >> shift) & 0xFF) }
                    } else if everyRow {
                        bytes += LaneHistogram.count(qm.count, buckets: 257) { Int((qm[$0] >> shift) & 0xFF) }
                    } else {
                        member.withUnsafeBufferPointer { mb in
                            bytes += LaneHistogram.count(min(qm.count, mb.count), buckets: 257) { mb[$0] ? Int((qm[$0] >> shift) & 0xFF) : 256 }
                        }
                    }
                }
            }
        }
        for q in 0..<customCount {
            let row = 257 * (q / 8), bit = 1 << (q % 8)
            for v in 0..<256 where v & bit != 0 { counts[Queue.builtIn.count + q] += bytes[row + v] }
        }
    }
}

// MARK: - Rows from a snapshot (issue 14; reading them out is in OrderIndex+Snapshot.swift)

extension OrderIndex {
    /// Replaces every row and name with those of a snapshot and derives the list for `view`. Answers false (and
    /// leaves the index empty) when two rows share an order.
    mutating func install(rows newRows: [OrderRow], pool newPool: StringPool, view: View) -> Bool {
        self = OrderIndex(queueCount: counts.count)
        guard let newKeys = RowKeyTable(newRows) else { return false }
        rows = newRows
        pool = newPool
        keys = newKeys
        columns = FilterColumns(rows, signatures: pool.signatures)
        rebuildHot()
        compileQueueFilters(view)
        compiledFilter = CompiledFilter(view.filter, pool: pool, now: view.now, previous: compiledFilter)
        resort(view)
        return true
    }
}
