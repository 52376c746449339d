import Foundation
import WaldurClient

/// The list as the state sees it: read access to the index, and every change of the index followed by the
/// selection rule (the cursor stays on its order, or moves to the nearest neighbour that is still shown).
extension AppState {
    // MARK: Reading the index

    /// Every loaded row (not in display order).
    var rows: [OrderRow] { orders.rows }

    /// Names of the rows.
    public var pool: StringPool { orders.pool }

    /// Rows of the selected queue passing the filter, in sort order.
    var visible: [Int32] { orders.visible }

    /// Orders per tab that also pass the typed filter (same order as `queues`).
    public var queueCounts: [Int] { orders.counts }

    /// The row index of a loaded order.
    func rowIndex(_ uuid: WaldurUUID) -> Int32? { orders.rowIndex(uuid) }

    /// The uuid of the row at `i`.
    func uuid(ofRow i: Int32) -> WaldurUUID { orders.uuid(ofRow: i) }

    /// What the index serves: the sort, filter, queues and tab the user chose, at the state's clock.
    var listView: OrderIndex.View {
        OrderIndex.View(sort: sort, filter: appliedFilter, queues: queues, selectedQueue: selectedQueueIndex, now: now)
    }

    // MARK: Changing it

    /// Runs a change of the index for the current view, then places the selection in the new visible list.
    mutating func updateList(_ change: (inout OrderIndex, OrderIndex.View) -> Void) {
        let old = orders.visible
        let oldPosition = selectedIndex
        let view = listView
        change(&orders, view)
        placeSelection(old: old, oldPosition: oldPosition)
    }

    /// Sorts every row by the current sort; then refilters.
    mutating func resort() { updateList { $0.resort($1) } }

    /// Recomputes the rows passing the filter (`narrowing`: from the previous result only).
    mutating func refilter(narrowing: Bool) { updateList { $0.refilter($1, narrowing: narrowing) } }

    /// Recomputes the visible list and (unless only the tab changed) the counts.
    mutating func requeue(recount: Bool = true) { updateList { $0.requeue($1, recount: recount) } }

    /// Removes rows (and the marks and cached details of removed orders); call `resort` after, which moves the
    /// selection to a neighbour when its order went.
    mutating func removeRows(where shouldRemove: (OrderRow) -> Bool) {
        let before = orders.count
        let view = listView
        orders.remove(where: shouldRemove, view: view)
        guard orders.count != before else { return }
        marked = marked.filter { orders.rowIndex($0) != nil }
        markReasons = markReasons.filter { orders.rowIndex($0.key) != nil }
        detailCache = detailCache.filter { orders.rowIndex($0.key) != nil }
    }

    /// Keeps the selection on the same order or moves it to the nearest neighbour of its old place (`old` is the
    /// previous visible list, positions of removed rows -1).
    mutating func placeSelection(old: [Int32], oldPosition: Int?) {
        let new = orders.visible
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
        // The selected order left the view: the nearest neighbour in the old list that is still visible (the new
        // list's rows as a bit set: no allocation per row or per step).
        if let p = oldPosition, !old.isEmpty {
            var inNew = [UInt64](repeating: 0, count: (orders.count + 63) / 64)
            inNew.withUnsafeMutableBufferPointer { bits in
                for i in new where i >= 0 && Int(i) < orders.count { bits[Int(i) >> 6] |= 1 << UInt64(Int(i) & 63) }
            }
            func shown(_ candidate: Int) -> Int32? {
                guard candidate >= 0, candidate < old.count else { return nil }
                let r = old[candidate]
                guard r >= 0, Int(r) < orders.count, inNew[Int(r) >> 6] & (1 << UInt64(Int(r) & 63)) != 0 else { return nil }
                return r
            }
            let start = min(p, old.count - 1)
            var d = 0
            while start + d < old.count || start - d >= 0 {
                if let r = shown(start + d) ?? shown(start - d), let pos = new.firstIndex(of: r) {
                    selectedIndex = pos
                    selectedUUID = uuid(ofRow: r)
                    return
                }
                d += 1
            }
        }
        selectedIndex = 0
        selectedUUID = uuid(ofRow: new[0])
    }
}
