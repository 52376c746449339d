import Foundation
import WaldurClient

extension OrderRow {
    /// The row as a trimmed `Order`: the list fields it holds (the error message as its first line).
    func order(_ pool: StringPool) -> Order {
        var o = Order(uuid: self.uuid(pool))
        func text(_ id: UInt32) -> String? { id == 0 ? nil : pool[id] }
        func reference(_ id: UInt32) -> WaldurUUID? { id == 0 ? nil : WaldurUUID(pool[id]) }
        o.state = state(pool)
        o.type = type(pool)
        o.offeringName = text(offering)
        o.offeringType = text(offeringType)
        o.offeringUUID = reference(offeringUUID)
        o.planName = text(plan)
        o.projectName = text(project)
        o.projectUUID = reference(projectUUID)
        o.customerName = text(customer)
        o.customerUUID = reference(customerUUID)
        o.providerName = text(provider)
        o.providerUUID = reference(providerUUID)
        o.resourceName = text(resource)
        o.backendID = text(backendID)
        o.errorMessage = text(errorMessage)
        o.createdByUsername = text(creator)
        o.createdByFullName = text(creatorName)
        o.consumerReviewedByUsername = text(consumerReviewer)
        o.providerReviewedByUsername = text(providerReviewer)
        o.cost = cost.map { Money($0) }
        o.created = OrderRow.date(created)
        o.modified = OrderRow.date(modified)
        o.consumerReviewedAt = OrderRow.date(consumerReviewedAt)
        o.providerReviewedAt = OrderRow.date(providerReviewedAt)
        return o
    }
}
