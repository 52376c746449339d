import Foundation

/// A marketplace order with every field of the API reference. All but `uuid` are optional:
/// `field=` can trim any of them and servers leave unset ones out.
public struct Order: Sendable, Hashable, Identifiable {
    /// `offering`
    public var offering: String?
    /// `offering_name`
    public var offeringName: String?
    /// `offering_uuid`
    public var offeringUUID: WaldurUUID?
    /// `offering_description`
    public var offeringDescription: String?
    /// `offering_image`
    public var offeringImage: String?
    /// `offering_thumbnail`
    public var offeringThumbnail: String?
    /// `offering_type`
    public var offeringType: String?
    /// `offering_terms_of_service`
    public var offeringTermsOfService: String?
    /// `offering_shared`
    public var offeringShared: Bool?
    /// `offering_billable`
    public var offeringBillable: Bool?
    /// `offering_plugin_options`
    public var offeringPluginOptions: JSONValue?
    /// `provider_name`
    public var providerName: String?
    /// `provider_uuid`
    public var providerUUID: WaldurUUID?
    /// `provider_slug`
    public var providerSlug: String?
    /// `category_title`
    public var categoryTitle: String?
    /// `category_uuid`
    public var categoryUUID: WaldurUUID?
    /// `category_icon`
    public var categoryIcon: String?
    /// `plan`
    public var plan: String?
    /// `plan_unit`
    public var planUnit: JSONValue?
    /// `plan_name`
    public var planName: String?
    /// `plan_uuid`
    public var planUUID: WaldurUUID?
    /// `plan_description`
    public var planDescription: String?
    /// `attributes`
    public var attributes: JSONValue?
    /// `limits`
    public var limits: JSONValue?
    /// `uuid`
    public var uuid: WaldurUUID
    /// `created`
    public var created: Date?
    /// `modified`
    public var modified: Date?
    /// `type`
    public var type: OrderType?
    /// `resource_uuid`
    public var resourceUUID: WaldurUUID?
    /// `resource_type`
    public var resourceType: String?
    /// `resource_name`
    public var resourceName: String?
    /// `cost`
    public var cost: Money?
    /// `state`
    public var state: OrderState?
    /// `output`
    public var output: String?
    /// `marketplace_resource_uuid`
    public var marketplaceResourceUUID: WaldurUUID?
    /// `error_message`
    public var errorMessage: String?
    /// `error_traceback`
    public var errorTraceback: String?
    /// `callback_url`
    public var callbackURL: String?
    /// `completed_at`
    public var completedAt: Date?
    /// `request_comment`
    public var requestComment: String?
    /// `attachment`
    public var attachment: String?
    /// `start_date`
    public var startDate: String?
    /// `url`
    public var url: String?
    /// `created_by`
    public var createdBy: String?
    /// `created_by_username`
    public var createdByUsername: String?
    /// `created_by_full_name`
    public var createdByFullName: String?
    /// `created_by_civil_number`
    public var createdByCivilNumber: String?
    /// `consumer_reviewed_by`
    public var consumerReviewedBy: String?
    /// `consumer_reviewed_by_full_name`
    public var consumerReviewedByFullName: String?
    /// `consumer_reviewed_by_username`
    public var consumerReviewedByUsername: String?
    /// `consumer_reviewed_at`
    public var consumerReviewedAt: Date?
    /// `provider_reviewed_by`
    public var providerReviewedBy: String?
    /// `provider_reviewed_by_full_name`
    public var providerReviewedByFullName: String?
    /// `provider_reviewed_by_username`
    public var providerReviewedByUsername: String?
    /// `provider_reviewed_at`
    public var providerReviewedAt: Date?
    /// `customer_name`
    public var customerName: String?
    /// `customer_uuid`
    public var customerUUID: WaldurUUID?
    /// `customer_slug`
    public var customerSlug: String?
    /// `project`
    public var project: String?
    /// `project_name`
    public var projectName: String?
    /// `project_uuid`
    public var projectUUID: WaldurUUID?
    /// `project_description`
    public var projectDescription: String?
    /// `project_slug`
    public var projectSlug: String?
    /// `old_plan_name`
    public var oldPlanName: String?
    /// `new_plan_name`
    public var newPlanName: String?
    /// `old_plan_uuid`
    public var oldPlanUUID: WaldurUUID?
    /// `new_plan_uuid`
    public var newPlanUUID: WaldurUUID?
    /// `old_cost_estimate`
    public var oldCostEstimate: Money?
    /// `new_cost_estimate`
    public var newCostEstimate: Money?
    /// `can_terminate`
    public var canTerminate: Bool?
    /// `fixed_price`
    public var fixedPrice: Money?
    /// `activation_price`
    public var activationPrice: Money?
    /// `termination_comment`
    public var terminationComment: String?
    /// `backend_id`
    public var backendID: String?
    /// `issue`
    public var issue: JSONValue?
    /// Members the reference does not name, kept so nothing the server sent is lost.
    public var extraFields: [String: JSONValue] = [:]

    public var id: WaldurUUID { uuid }

    /// An order with only its uuid set.
    public init(uuid: WaldurUUID) {
        self.uuid = uuid
    }

    /// Every key of the reference, in the order the server renders them.
    public static let wireKeys: [String] = [
        "offering",
        "offering_name",
        "offering_uuid",
        "offering_description",
        "offering_image",
        "offering_thumbnail",
        "offering_type",
        "offering_terms_of_service",
        "offering_shared",
        "offering_billable",
        "offering_plugin_options",
        "provider_name",
        "provider_uuid",
        "provider_slug",
        "category_title",
        "category_uuid",
        "category_icon",
        "plan",
        "plan_unit",
        "plan_name",
        "plan_uuid",
        "plan_description",
        "attributes",
        "limits",
        "uuid",
        "created",
        "modified",
        "type",
        "resource_uuid",
        "resource_type",
        "resource_name",
        "cost",
        "state",
        "output",
        "marketplace_resource_uuid",
        "error_message",
        "error_traceback",
        "callback_url",
        "completed_at",
        "request_comment",
        "attachment",
        "start_date",
        "url",
        "created_by",
        "created_by_username",
        "created_by_full_name",
        "created_by_civil_number",
        "consumer_reviewed_by",
        "consumer_reviewed_by_full_name",
        "consumer_reviewed_by_username",
        "consumer_reviewed_at",
        "provider_reviewed_by",
        "provider_reviewed_by_full_name",
        "provider_reviewed_by_username",
        "provider_reviewed_at",
        "customer_name",
        "customer_uuid",
        "customer_slug",
        "project",
        "project_name",
        "project_uuid",
        "project_description",
        "project_slug",
        "old_plan_name",
        "new_plan_name",
        "old_plan_uuid",
        "new_plan_uuid",
        "old_cost_estimate",
        "new_cost_estimate",
        "can_terminate",
        "fixed_price",
        "activation_price",
        "termination_comment",
        "backend_id",
        "issue",
    ]

    /// Wire key → position, so decoding switches on an integer instead of comparing strings one by one.
    static let keyIndex: [String: Int] = ["uuid": 0, "offering": 1, "offering_name": 2, "offering_uuid": 3, "offering_description": 4, "offering_image": 5, "offering_thumbnail": 6, "offering_type": 7, "offering_terms_of_service": 8, "offering_shared": 9, "offering_billable": 10, "offering_plugin_options": 11, "provider_name": 12, "provider_uuid": 13, "provider_slug": 14, "category_title": 15, "category_uuid": 16, "category_icon": 17, "plan": 18, "plan_unit": 19, "plan_name": 20, "plan_uuid": 21, "plan_description": 22, "attributes": 23, "limits": 24, "created": 25, "modified": 26, "type": 27, "resource_uuid": 28, "resource_type": 29, "resource_name": 30, "cost": 31, "state": 32, "output": 33, "marketplace_resource_uuid": 34, "error_message": 35, "error_traceback": 36, "callback_url": 37, "completed_at": 38, "request_comment": 39, "attachment": 40, "start_date": 41, "url": 42, "created_by": 43, "created_by_username": 44, "created_by_full_name": 45, "created_by_civil_number": 46, "consumer_reviewed_by": 47, "consumer_reviewed_by_full_name": 48, "consumer_reviewed_by_username": 49, "consumer_reviewed_at": 50, "provider_reviewed_by": 51, "provider_reviewed_by_full_name": 52, "provider_reviewed_by_username": 53, "provider_reviewed_at": 54, "customer_name": 55, "customer_uuid": 56, "customer_slug": 57, "project": 58, "project_name": 59, "project_uuid": 60, "project_description": 61, "project_slug": 62, "old_plan_name": 63, "new_plan_name": 64, "old_plan_uuid": 65, "new_plan_uuid": 66, "old_cost_estimate": 67, "new_cost_estimate": 68, "can_terminate": 69, "fixed_price": 70, "activation_price": 71, "termination_comment": 72, "backend_id": 73, "issue": 74]

    /// Reads an order from a decoded JSON object; the error names the failing field.
    public init(json: JSONValue) throws(JSONDecodingError) {
        guard case let .object(members) = json else {
            throw JSONDecodingError(path: "", reason: "expected an order object, got \(JSONRead.kind(json))")
        }
        var uuid: WaldurUUID?
        var order = Order(uuid: "")
        for (key, value) in members {
            switch Order.keyIndex[key] ?? -1 {
            case 0:
                guard let u = try JSONRead.uuid(value, key), !u.hex.isEmpty else { throw JSONDecodingError(path: key, reason: "missing uuid") }
                uuid = u
            case 1: order.offering = try JSONRead.string(value, key)  // offering
            case 2: order.offeringName = try JSONRead.string(value, key)  // offering_name
            case 3: order.offeringUUID = try JSONRead.uuid(value, key)  // offering_uuid
            case 4: order.offeringDescription = try JSONRead.string(value, key)  // offering_description
            case 5: order.offeringImage = try JSONRead.string(value, key)  // offering_image
            case 6: order.offeringThumbnail = try JSONRead.string(value, key)  // offering_thumbnail
            case 7: order.offeringType = try JSONRead.string(value, key)  // offering_type
            case 8: order.offeringTermsOfService = try JSONRead.string(value, key)  // offering_terms_of_service
            case 9: order.offeringShared = try JSONRead.bool(value, key)  // offering_shared
            case 10: order.offeringBillable = try JSONRead.bool(value, key)  // offering_billable
            case 11: order.offeringPluginOptions = value.isNull ? JSONValue?.none : value  // offering_plugin_options
            case 12: order.providerName = try JSONRead.string(value, key)  // provider_name
            case 13: order.providerUUID = try JSONRead.uuid(value, key)  // provider_uuid
            case 14: order.providerSlug = try JSONRead.string(value, key)  // provider_slug
            case 15: order.categoryTitle = try JSONRead.string(value, key)  // category_title
            case 16: order.categoryUUID = try JSONRead.uuid(value, key)  // category_uuid
            case 17: order.categoryIcon = try JSONRead.string(value, key)  // category_icon
            case 18: order.plan = try JSONRead.string(value, key)  // plan
            case 19: order.planUnit = value.isNull ? JSONValue?.none : value  // plan_unit
            case 20: order.planName = try JSONRead.string(value, key)  // plan_name
            case 21: order.planUUID = try JSONRead.uuid(value, key)  // plan_uuid
            case 22: order.planDescription = try JSONRead.string(value, key)  // plan_description
            case 23: order.attributes = value.isNull ? JSONValue?.none : value  // attributes
            case 24: order.limits = value.isNull ? JSONValue?.none : value  // limits
            case 25: order.created = try JSONRead.date(value, key)  // created
            case 26: order.modified = try JSONRead.date(value, key)  // modified
            case 27: order.type = try JSONRead.string(value, key).map(OrderType.init(wire:))  // type
            case 28: order.resourceUUID = try JSONRead.uuid(value, key)  // resource_uuid
            case 29: order.resourceType = try JSONRead.string(value, key)  // resource_type
            case 30: order.resourceName = try JSONRead.string(value, key)  // resource_name
            case 31: order.cost = try JSONRead.money(value, key)  // cost
            case 32: order.state = try JSONRead.string(value, key).map(OrderState.init(wire:))  // state
            case 33: order.output = try JSONRead.string(value, key)  // output
            case 34: order.marketplaceResourceUUID = try JSONRead.uuid(value, key)  // marketplace_resource_uuid
            case 35: order.errorMessage = try JSONRead.string(value, key)  // error_message
            case 36: order.errorTraceback = try JSONRead.string(value, key)  // error_traceback
            case 37: order.callbackURL = try JSONRead.string(value, key)  // callback_url
            case 38: order.completedAt = try JSONRead.date(value, key)  // completed_at
            case 39: order.requestComment = try JSONRead.string(value, key)  // request_comment
            case 40: order.attachment = try JSONRead.string(value, key)  // attachment
            case 41: order.startDate = try JSONRead.string(value, key)  // start_date
            case 42: order.url = try JSONRead.string(value, key)  // url
            case 43: order.createdBy = try JSONRead.string(value, key)  // created_by
            case 44: order.createdByUsername = try JSONRead.string(value, key)  // created_by_username
            case 45: order.createdByFullName = try JSONRead.string(value, key)  // created_by_full_name
            case 46: order.createdByCivilNumber = try JSONRead.string(value, key)  // created_by_civil_number
            case 47: order.consumerReviewedBy = try JSONRead.string(value, key)  // consumer_reviewed_by
            case 48: order.consumerReviewedByFullName = try JSONRead.string(value, key)  // consumer_reviewed_by_full_name
            case 49: order.consumerReviewedByUsername = try JSONRead.string(value, key)  // consumer_reviewed_by_username
            case 50: order.consumerReviewedAt = try JSONRead.date(value, key)  // consumer_reviewed_at
            case 51: order.providerReviewedBy = try JSONRead.string(value, key)  // provider_reviewed_by
            case 52: order.providerReviewedByFullName = try JSONRead.string(value, key)  // provider_reviewed_by_full_name
            case 53: order.providerReviewedByUsername = try JSONRead.string(value, key)  // provider_reviewed_by_username
            case 54: order.providerReviewedAt = try JSONRead.date(value, key)  // provider_reviewed_at
            case 55: order.customerName = try JSONRead.string(value, key)  // customer_name
            case 56: order.customerUUID = try JSONRead.uuid(value, key)  // customer_uuid
            case 57: order.customerSlug = try JSONRead.string(value, key)  // customer_slug
            case 58: order.project = try JSONRead.string(value, key)  // project
            case 59: order.projectName = try JSONRead.string(value, key)  // project_name
            case 60: order.projectUUID = try JSONRead.uuid(value, key)  // project_uuid
            case 61: order.projectDescription = try JSONRead.string(value, key)  // project_description
            case 62: order.projectSlug = try JSONRead.string(value, key)  // project_slug
            case 63: order.oldPlanName = try JSONRead.string(value, key)  // old_plan_name
            case 64: order.newPlanName = try JSONRead.string(value, key)  // new_plan_name
            case 65: order.oldPlanUUID = try JSONRead.uuid(value, key)  // old_plan_uuid
            case 66: order.newPlanUUID = try JSONRead.uuid(value, key)  // new_plan_uuid
            case 67: order.oldCostEstimate = try JSONRead.money(value, key)  // old_cost_estimate
            case 68: order.newCostEstimate = try JSONRead.money(value, key)  // new_cost_estimate
            case 69: order.canTerminate = try JSONRead.bool(value, key)  // can_terminate
            case 70: order.fixedPrice = try JSONRead.money(value, key)  // fixed_price
            case 71: order.activationPrice = try JSONRead.money(value, key)  // activation_price
            case 72: order.terminationComment = try JSONRead.string(value, key)  // termination_comment
            case 73: order.backendID = try JSONRead.string(value, key)  // backend_id
            case 74: order.issue = value.isNull ? JSONValue?.none : value  // issue
            default: order.extraFields[key] = value
            }
        }
        guard let uuid else { throw JSONDecodingError(path: "uuid", reason: "missing uuid") }
        order.uuid = uuid
        self = order
    }

    /// The order as a JSON object in the server's key order, unset fields left out.
    public var json: JSONValue {
        var m: [(String, JSONValue)] = []
        m.reserveCapacity(48)
        if let v = offering { m.append(("offering", .string(v))) }
        if let v = offeringName { m.append(("offering_name", .string(v))) }
        if let v = offeringUUID { m.append(("offering_uuid", .string(v.raw))) }
        if let v = offeringDescription { m.append(("offering_description", .string(v))) }
        if let v = offeringImage { m.append(("offering_image", .string(v))) }
        if let v = offeringThumbnail { m.append(("offering_thumbnail", .string(v))) }
        if let v = offeringType { m.append(("offering_type", .string(v))) }
        if let v = offeringTermsOfService { m.append(("offering_terms_of_service", .string(v))) }
        if let v = offeringShared { m.append(("offering_shared", .bool(v))) }
        if let v = offeringBillable { m.append(("offering_billable", .bool(v))) }
        if let v = offeringPluginOptions { m.append(("offering_plugin_options", v)) }
        if let v = providerName { m.append(("provider_name", .string(v))) }
        if let v = providerUUID { m.append(("provider_uuid", .string(v.raw))) }
        if let v = providerSlug { m.append(("provider_slug", .string(v))) }
        if let v = categoryTitle { m.append(("category_title", .string(v))) }
        if let v = categoryUUID { m.append(("category_uuid", .string(v.raw))) }
        if let v = categoryIcon { m.append(("category_icon", .string(v))) }
        if let v = plan { m.append(("plan", .string(v))) }
        if let v = planUnit { m.append(("plan_unit", v)) }
        if let v = planName { m.append(("plan_name", .string(v))) }
        if let v = planUUID { m.append(("plan_uuid", .string(v.raw))) }
        if let v = planDescription { m.append(("plan_description", .string(v))) }
        if let v = attributes { m.append(("attributes", v)) }
        if let v = limits { m.append(("limits", v)) }
        m.append(("uuid", .string(uuid.raw)))
        if let v = created { m.append(("created", .string(WaldurDate.format(v)))) }
        if let v = modified { m.append(("modified", .string(WaldurDate.format(v)))) }
        if let v = type { m.append(("type", .string(v.wire))) }
        if let v = resourceUUID { m.append(("resource_uuid", .string(v.raw))) }
        if let v = resourceType { m.append(("resource_type", .string(v))) }
        if let v = resourceName { m.append(("resource_name", .string(v))) }
        if let v = cost { m.append(("cost", v.json)) }
        if let v = state { m.append(("state", .string(v.wire))) }
        if let v = output { m.append(("output", .string(v))) }
        if let v = marketplaceResourceUUID { m.append(("marketplace_resource_uuid", .string(v.raw))) }
        if let v = errorMessage { m.append(("error_message", .string(v))) }
        if let v = errorTraceback { m.append(("error_traceback", .string(v))) }
        if let v = callbackURL { m.append(("callback_url", .string(v))) }
        if let v = completedAt { m.append(("completed_at", .string(WaldurDate.format(v)))) }
        if let v = requestComment { m.append(("request_comment", .string(v))) }
        if let v = attachment { m.append(("attachment", .string(v))) }
        if let v = startDate { m.append(("start_date", .string(v))) }
        if let v = url { m.append(("url", .string(v))) }
        if let v = createdBy { m.append(("created_by", .string(v))) }
        if let v = createdByUsername { m.append(("created_by_username", .string(v))) }
        if let v = createdByFullName { m.append(("created_by_full_name", .string(v))) }
        if let v = createdByCivilNumber { m.append(("created_by_civil_number", .string(v))) }
        if let v = consumerReviewedBy { m.append(("consumer_reviewed_by", .string(v))) }
        if let v = consumerReviewedByFullName { m.append(("consumer_reviewed_by_full_name", .string(v))) }
        if let v = consumerReviewedByUsername { m.append(("consumer_reviewed_by_username", .string(v))) }
        if let v = consumerReviewedAt { m.append(("consumer_reviewed_at", .string(WaldurDate.format(v)))) }
        if let v = providerReviewedBy { m.append(("provider_reviewed_by", .string(v))) }
        if let v = providerReviewedByFullName { m.append(("provider_reviewed_by_full_name", .string(v))) }
        if let v = providerReviewedByUsername { m.append(("provider_reviewed_by_username", .string(v))) }
        if let v = providerReviewedAt { m.append(("provider_reviewed_at", .string(WaldurDate.format(v)))) }
        if let v = customerName { m.append(("customer_name", .string(v))) }
        if let v = customerUUID { m.append(("customer_uuid", .string(v.raw))) }
        if let v = customerSlug { m.append(("customer_slug", .string(v))) }
        if let v = project { m.append(("project", .string(v))) }
        if let v = projectName { m.append(("project_name", .string(v))) }
        if let v = projectUUID { m.append(("project_uuid", .string(v.raw))) }
        if let v = projectDescription { m.append(("project_description", .string(v))) }
        if let v = projectSlug { m.append(("project_slug", .string(v))) }
        if let v = oldPlanName { m.append(("old_plan_name", .string(v))) }
        if let v = newPlanName { m.append(("new_plan_name", .string(v))) }
        if let v = oldPlanUUID { m.append(("old_plan_uuid", .string(v.raw))) }
        if let v = newPlanUUID { m.append(("new_plan_uuid", .string(v.raw))) }
        if let v = oldCostEstimate { m.append(("old_cost_estimate", v.json)) }
        if let v = newCostEstimate { m.append(("new_cost_estimate", v.json)) }
        if let v = canTerminate { m.append(("can_terminate", .bool(v))) }
        if let v = fixedPrice { m.append(("fixed_price", v.json)) }
        if let v = activationPrice { m.append(("activation_price", v.json)) }
        if let v = terminationComment { m.append(("termination_comment", .string(v))) }
        if let v = backendID { m.append(("backend_id", .string(v))) }
        if let v = issue { m.append(("issue", v)) }
        for key in extraFields.keys.sorted() { if let v = extraFields[key] { m.append((key, v)) } }
        return .object(m)
    }

    /// Reads a JSON array of orders; the error names the index and field that failed.
    public static func list(json: JSONValue) throws(JSONDecodingError) -> [Order] {
        guard case let .array(items) = json else {
            throw JSONDecodingError(path: "", reason: "expected a list of orders, got \(JSONRead.kind(json))")
        }
        var out: [Order] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do { out.append(try Order(json: item)) } catch { throw error.under("[\(i)]") }
        }
        return out
    }
}
