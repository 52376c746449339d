import Foundation

/// The new/changed markers and the selection's place while the first loads come in (issue 12).
extension AppState {
    /// How long a new/changed marker stays when its row is not selected.
    public static let highlightSeconds: TimeInterval = 60

    /// The user picked a row: it has been seen (its marker clears) and the selection no longer follows the top.
    mutating func noteUserSelection(row i: Int32) {
        selectionFollowsTop = false
        clearHighlight(row: Int(i))
    }

    mutating func clearHighlight(row i: Int) {
        orders.updateFlags(row: i) { row in
            row.flags &= ~(OrderRow.newFlag | OrderRow.changedFlag)
            row.highlightedAt = .nan
        }
    }

    /// Clears the markers set a minute or more ago.
    mutating func expireHighlights() {
        let limit = now.timeIntervalSince1970 - AppState.highlightSeconds
        let mask = OrderRow.newFlag | OrderRow.changedFlag
        guard rows.contains(where: { $0.flags & mask != 0 && !($0.highlightedAt > limit) }) else { return }
        orders.updateFlags({ row in
            row.flags &= ~mask
            row.highlightedAt = .nan
        }, where: { $0.flags & mask != 0 && !($0.highlightedAt > limit) })
    }

    /// While the first loads are in flight (pages, the "Needs me" queries) and the user has not moved, the selection
    /// stays on the first row instead of following whichever order happened to be first when the list was half loaded.
    /// Answers whether it placed the selection.
    mutating func keepSelectionOnTop(_ new: [Int32]) -> Bool {
        guard selectionFollowsTop else { return false }
        if hasLoaded, !isInitialLoadRunning { selectionFollowsTop = false }
        if new.isEmpty {
            selectedIndex = nil
            if let s = selectedUUID, rowIndex(s) == nil { selectedUUID = nil }
        } else {
            selectedIndex = 0
            selectedUUID = uuid(ofRow: new[0])
        }
        return true
    }

    /// A first-time load (full, or the two "Needs me" queries) is running.
    var isInitialLoadRunning: Bool {
        loads.values.contains { load in
            switch load.purpose {
            case .full(reconcile: false), .needsMeConsumer(incremental: false), .needsMeProvider(incremental: false): return true
            default: return false
            }
        }
    }
}
