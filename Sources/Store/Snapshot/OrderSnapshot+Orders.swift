import Foundation
import WaldurClient

/// One order of a snapshot as the list fields give it, with the user's "Needs me" sides.
public struct CachedOrder: Sendable {
    /// The order, with the list fields only (error message: its first line).
    public var order: Order
    /// Approvable now by this user as consumer (as the last load saw it).
    public var canApproveAsConsumer: Bool
    /// Approvable now by this user as provider.
    public var canApproveAsProvider: Bool
}

extension OrderSnapshot {
    /// The rows as orders, newest first (the server's default order), for `list --cached`.
    public func cachedOrders() -> [CachedOrder] {
        let p = pool
        let newestFirst = rows.sorted { a, b in
            let x = a.created.isNaN ? -Double.infinity : a.created, y = b.created.isNaN ? -Double.infinity : b.created
            return x > y
        }
        return newestFirst.map { row in
            CachedOrder(order: row.order(p), canApproveAsConsumer: row.needsMeConsumer && row.stateCode == OrderRow.pendingConsumerCode,
                               canApproveAsProvider: row.needsMeProvider && row.stateCode == OrderRow.pendingProviderCode)
        }
    }
}
