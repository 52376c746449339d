extension OrderRow {
    /// The row with only what a load of `fields` carries (`field=` names); identity, state and type always stay.
    /// A detail fetch brings the whole order: merged through this, the row holds what the list's next load brings.
    func keeping(_ fields: Set<String>) -> OrderRow {
        var r = self
        func has(_ names: String...) -> Bool { names.contains(where: fields.contains) }
        if !has("offering_name") { r.offering = 0 }
        if !has("offering_type") { r.offeringType = 0 }
        if !has("offering_uuid") { r.offeringUUID = 0 }
        if !has("plan_name") { r.plan = 0 }
        if !has("project_name") { r.project = 0 }
        if !has("project_uuid") { r.projectUUID = 0 }
        if !has("customer_name") { r.customer = 0 }
        if !has("customer_uuid") { r.customerUUID = 0 }
        if !has("provider_name") { r.provider = 0 }
        if !has("provider_uuid") { r.providerUUID = 0 }
        if !has("resource_name") { r.resource = 0 }
        if !has("created_by_username") { r.creator = 0 }
        if !has("created_by_full_name") { r.creatorName = 0 }
        if !has("consumer_reviewed_by", "consumer_reviewed_by_username", "consumer_reviewed_by_full_name") { r.consumerReviewer = 0 }
        if !has("provider_reviewed_by", "provider_reviewed_by_username", "provider_reviewed_by_full_name") { r.providerReviewer = 0 }
        if !has("error_message") { r.errorMessage = 0 }
        if !has("backend_id") { r.backendID = 0 }
        if !has("cost") {
            r.cost = nil
            r.costKey = Int64.min
        }
        if !has("created") { r.created = .nan }
        if !has("modified") { r.modified = .nan }
        if !has("consumer_reviewed_at") { r.consumerReviewedAt = .nan }
        if !has("provider_reviewed_at") { r.providerReviewedAt = .nan }
        return r
    }
}
