import Foundation

extension OrderIndex {
    /// The rows and names as a snapshot for `identity` at `time`, loaded with the list `fields`: highlights (new,
    /// changed) are dropped, everything else is kept as loaded.
    func snapshot(identity: SnapshotIdentity, at time: Date, fields: [String]) -> OrderSnapshot {
        let highlight = OrderRow.newFlag | OrderRow.changedFlag
        var out = rows
        for i in out.indices where out[i].flags & highlight != 0 || !out[i].highlightedAt.isNaN {
            out[i].flags &= ~highlight
            out[i].highlightedAt = .nan
        }
        var snapshot = OrderSnapshot(identity: identity, writtenAt: time, rows: out, pool: pool)
        snapshot.header.fields = fields
        return snapshot
    }
}
