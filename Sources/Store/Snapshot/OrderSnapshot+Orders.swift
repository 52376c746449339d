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
        func text(_ id: UInt32) -> String? { id == 0 ? nil : p[id] }
        func uuid(_ id: UInt32) -> WaldurUUID? { id == 0 ? nil : WaldurUUID(p[id]) }
        let newestFirst = rows.sorted { a, b in
            let x = a.created.isNaN ? -Double.infinity : a.created, y = b.created.isNaN ? -Double.infinity : b.created
            return x > y
        }
        return newestFirst.map { row in
            var o = Order(uuid: row.uuid(p))
            o.state = row.state(p)
            o.type = row.type(p)
            o.offeringName = text(row.offering)
            o.offeringType = text(row.offeringType)
            o.offeringUUID = uuid(row.offeringUUID)
            o.planName = text(row.plan)
            o.projectName = text(row.project)
            o.projectUUID = uuid(row.projectUUID)
            o.customerName = text(row.customer)
            o.customerUUID = uuid(row.customerUUID)
            o.providerName = text(row.provider)
            o.providerUUID = uuid(row.providerUUID)
            o.resourceName = text(row.resource)
            o.createdByUsername = text(row.creator)
            o.createdByFullName = text(row.creatorName)
            o.consumerReviewedByUsername = text(row.consumerReviewer)
            o.providerReviewedByUsername = text(row.providerReviewer)
            o.errorMessage = text(row.errorMessage)
            o.backendID = text(row.backendID)
            o.cost = row.cost.map { Money($0) }
            o.created = OrderRow.date(row.created)
            o.modified = OrderRow.date(row.modified)
            o.consumerReviewedAt = OrderRow.date(row.consumerReviewedAt)
            o.providerReviewedAt = OrderRow.date(row.providerReviewedAt)
            return CachedOrder(order: o, canApproveAsConsumer: row.needsMeConsumer && row.stateCode == OrderRow.pendingConsumerCode,
                               canApproveAsProvider: row.needsMeProvider && row.stateCode == OrderRow.pendingProviderCode)
        }
    }
}
