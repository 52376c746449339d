import Foundation
import WaldurClient

/// The list rows of one server and user with the names they refer to: what a snapshot file holds.
public struct OrderSnapshot: Sendable, Equatable {
    /// Which server and user, when written, how many rows.
    public var header: SnapshotHeader
    /// The rows (not in display order).
    var rows: [OrderRow]
    /// The names the rows refer to by id.
    var pool: StringPool

    init(identity: SnapshotIdentity, writtenAt: Date, rows: [OrderRow], pool: StringPool) {
        header = SnapshotHeader(server: identity.server, user: identity.user, writtenAt: writtenAt, rowCount: rows.count,
                                stringCount: pool.count)
        self.rows = rows
        self.pool = pool
    }

    /// The list rows of `orders` (as a load would hold them), for tools and benchmarks that make snapshots.
    public init(identity: SnapshotIdentity, writtenAt: Date, orders: [Order]) {
        var pool = StringPool()
        var rows: [OrderRow] = []
        rows.reserveCapacity(orders.count)
        for order in orders { rows.append(OrderRow(order, pool: &pool)) }
        self.init(identity: identity, writtenAt: writtenAt, rows: rows, pool: pool)
    }

    /// Equal rows (absent dates equal) and names.
    public static func == (a: OrderSnapshot, b: OrderSnapshot) -> Bool {
        a.header == b.header && a.rows.count == b.rows.count && zip(a.rows, b.rows).allSatisfy { $0.isSame(as: $1) }
            && a.pool.values == b.pool.values
    }

    /// Keeps the `limit` most recently modified rows (then created; absent times count as oldest).
    func keepingMostRecent(_ limit: Int) -> OrderSnapshot {
        guard rows.count > limit else { return self }
        func time(_ r: OrderRow) -> Double { r.modified.isNaN ? (r.created.isNaN ? -.infinity : r.created) : r.modified }
        let kept = rows.sorted { time($0) > time($1) }.prefix(max(0, limit))
        var copy = self
        copy.rows = Array(kept)
        copy.header.rowCount = copy.rows.count
        return copy
    }
}
