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

    /// Every member of the reference, in the order the server renders them: the one place that ties a wire key to
    /// its property, read by `init(json:)` and `json` alike.
    public static let fields = FieldTable<Order>([
        .string("offering", \.offering),
        .string("offering_name", \.offeringName),
        .uuid("offering_uuid", \.offeringUUID),
        .string("offering_description", \.offeringDescription),
        .string("offering_image", \.offeringImage),
        .string("offering_thumbnail", \.offeringThumbnail),
        .string("offering_type", \.offeringType),
        .string("offering_terms_of_service", \.offeringTermsOfService),
        .bool("offering_shared", \.offeringShared),
        .bool("offering_billable", \.offeringBillable),
        .json("offering_plugin_options", \.offeringPluginOptions),
        .string("provider_name", \.providerName),
        .uuid("provider_uuid", \.providerUUID),
        .string("provider_slug", \.providerSlug),
        .string("category_title", \.categoryTitle),
        .uuid("category_uuid", \.categoryUUID),
        .string("category_icon", \.categoryIcon),
        .string("plan", \.plan),
        .json("plan_unit", \.planUnit),
        .string("plan_name", \.planName),
        .uuid("plan_uuid", \.planUUID),
        .string("plan_description", \.planDescription),
        .json("attributes", \.attributes),
        .json("limits", \.limits),
        .requiredUUID("uuid", \.uuid),
        .date("created", \.created),
        .date("modified", \.modified),
        .name("type", \.type),
        .uuid("resource_uuid", \.resourceUUID),
        .string("resource_type", \.resourceType),
        .string("resource_name", \.resourceName),
        .money("cost", \.cost),
        .name("state", \.state),
        .string("output", \.output),
        .uuid("marketplace_resource_uuid", \.marketplaceResourceUUID),
        .string("error_message", \.errorMessage),
        .string("error_traceback", \.errorTraceback),
        .string("callback_url", \.callbackURL),
        .date("completed_at", \.completedAt),
        .string("request_comment", \.requestComment),
        .string("attachment", \.attachment),
        .string("start_date", \.startDate),
        .string("url", \.url),
        .string("created_by", \.createdBy),
        .string("created_by_username", \.createdByUsername),
        .string("created_by_full_name", \.createdByFullName),
        .string("created_by_civil_number", \.createdByCivilNumber),
        .string("consumer_reviewed_by", \.consumerReviewedBy),
        .string("consumer_reviewed_by_full_name", \.consumerReviewedByFullName),
        .string("consumer_reviewed_by_username", \.consumerReviewedByUsername),
        .date("consumer_reviewed_at", \.consumerReviewedAt),
        .string("provider_reviewed_by", \.providerReviewedBy),
        .string("provider_reviewed_by_full_name", \.providerReviewedByFullName),
        .string("provider_reviewed_by_username", \.providerReviewedByUsername),
        .date("provider_reviewed_at", \.providerReviewedAt),
        .string("customer_name", \.customerName),
        .uuid("customer_uuid", \.customerUUID),
        .string("customer_slug", \.customerSlug),
        .string("project", \.project),
        .string("project_name", \.projectName),
        .uuid("project_uuid", \.projectUUID),
        .string("project_description", \.projectDescription),
        .string("project_slug", \.projectSlug),
        .string("old_plan_name", \.oldPlanName),
        .string("new_plan_name", \.newPlanName),
        .uuid("old_plan_uuid", \.oldPlanUUID),
        .uuid("new_plan_uuid", \.newPlanUUID),
        .money("old_cost_estimate", \.oldCostEstimate),
        .money("new_cost_estimate", \.newCostEstimate),
        .bool("can_terminate", \.canTerminate),
        .money("fixed_price", \.fixedPrice),
        .money("activation_price", \.activationPrice),
        .string("termination_comment", \.terminationComment),
        .string("backend_id", \.backendID),
        .json("issue", \.issue),
    ])

    /// Reads an order from a decoded JSON object; the error names the failing field.
    public init(json: JSONValue) throws(JSONDecodingError) {
        guard case let .object(members) = json else {
            throw JSONDecodingError(path: "", reason: "expected an order object, got \(JSONRead.kind(json))")
        }
        var order = Order(uuid: "")
        try Order.fields.decode(members, into: &order) { order, key, value in order.extraFields[key] = value }
        // The uuid field refuses empty values, so an empty one here means the member was not sent.
        guard !order.uuid.hex.isEmpty else { throw JSONDecodingError(path: "uuid", reason: "missing uuid") }
        self = order
    }

    /// The order as a JSON object in the server's key order, unset fields left out, unknown members last by name.
    public var json: JSONValue {
        var m = Order.fields.encode(self, reserving: extraFields.count)
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
