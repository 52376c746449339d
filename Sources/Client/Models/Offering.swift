import Foundation

/// The offering of an order (`GET …/{uuid}/offering/`) with every field of the API reference, its plans,
/// components, partitions, endpoints and the other nested lists. Every field is optional: servers leave
/// unset ones out. Unknown members are kept in `raw`.
public struct Offering: Sendable, Hashable {
    /// `url`
    public var url: String?
    /// `uuid`
    public var uuid: WaldurUUID?
    /// `created`
    public var created: Date?
    /// `name`
    public var name: String?
    /// `slug`
    public var slug: String?
    /// `description`
    public var description: String?
    /// `full_description`
    public var fullDescription: String?
    /// `terms_of_service` (sent by servers, not in the reference)
    public var termsOfService: String?
    /// `terms_of_service_link` (sent by servers, not in the reference)
    public var termsOfServiceLink: String?
    /// `privacy_policy_link`
    public var privacyPolicyLink: String?
    /// `access_url`: the publicly accessible access URL.
    public var accessURL: String?
    /// `endpoints`
    public var endpoints: [Endpoint]?
    /// `software_catalogs`
    public var softwareCatalogs: [SoftwareCatalog]?
    /// `partitions`
    public var partitions: [Partition]?
    /// `roles`
    public var roles: [Role]?
    /// `customer`
    public var customer: String?
    /// `customer_uuid`
    public var customerUUID: WaldurUUID?
    /// `customer_name`
    public var customerName: String?
    /// `project`
    public var project: String?
    /// `project_uuid`
    public var projectUUID: WaldurUUID?
    /// `project_name`
    public var projectName: String?
    /// `category`
    public var category: String?
    /// `category_uuid`
    public var categoryUUID: WaldurUUID?
    /// `category_title`
    public var categoryTitle: String?
    /// `attributes` (free-form)
    public var attributes: JSONValue?
    /// `options` (free-form)
    public var options: JSONValue?
    /// `resource_options` (free-form)
    public var resourceOptions: JSONValue?
    /// `components`
    public var components: [Component]?
    /// `plugin_options` (free-form)
    public var pluginOptions: JSONValue?
    /// `state` (free-form; servers send a name such as `Active`; see `stateText`)
    public var state: JSONValue?
    /// `native_name` (sent by servers, not in the reference)
    public var nativeName: String?
    /// `native_description` (sent by servers, not in the reference)
    public var nativeDescription: String?
    /// `vendor_details`
    public var vendorDetails: String?
    /// `getting_started`
    public var gettingStarted: String?
    /// `integration_guide`
    public var integrationGuide: String?
    /// `thumbnail`
    public var thumbnail: String?
    /// `order_count`
    public var orderCount: Int?
    /// `plans`
    public var plans: [Plan]?
    /// `screenshots`
    public var screenshots: [Screenshot]?
    /// `type`, e.g. `Marketplace.Basic` or `Marketplace.Slurm`.
    public var type: String?
    /// `shared`: accessible to all customers.
    public var shared: Bool?
    /// `billable`: purchase and usage are invoiced.
    public var billable: Bool?
    /// `scope`
    public var scope: String?
    /// `scope_uuid`
    public var scopeUUID: WaldurUUID?
    /// `scope_name`
    public var scopeName: String?
    /// `scope_state` (free-form)
    public var scopeState: JSONValue?
    /// `scope_error_message`
    public var scopeErrorMessage: String?
    /// `files`
    public var files: [File]?
    /// `quotas`
    public var quotas: [Quota]?
    /// `paused_reason`
    public var pausedReason: String?
    /// `datacite_doi`
    public var dataciteDOI: String?
    /// `citation_count`
    public var citationCount: Int?
    /// `latitude`
    public var latitude: Double?
    /// `longitude`
    public var longitude: Double?
    /// `country` (free-form; usually a country code or "")
    public var country: JSONValue?
    /// `backend_id`
    public var backendID: String?
    /// `organization_groups`
    public var organizationGroups: [OrganizationGroup]?
    /// `image`
    public var image: String?
    /// `total_customers`
    public var totalCustomers: Int?
    /// `total_cost` (an integer in the reference; read as an amount so decimals cannot break decoding)
    public var totalCost: Money?
    /// `total_cost_estimated` (as `totalCost`)
    public var totalCostEstimated: Money?
    /// `parent_description`
    public var parentDescription: String?
    /// `parent_uuid`
    public var parentUUID: WaldurUUID?
    /// `parent_name`
    public var parentName: String?
    /// `backend_metadata` (free-form)
    public var backendMetadata: JSONValue?
    /// `has_compliance_requirements`
    public var hasComplianceRequirements: Bool?
    /// `compliance_checklist`
    public var complianceChecklist: String?
    /// `user_has_consent`
    public var userHasConsent: Bool?
    /// `google_calendar_is_public`
    public var googleCalendarIsPublic: Bool?
    /// `google_calendar_link`
    public var googleCalendarLink: String?
    /// `promotion_campaigns`
    public var promotionCampaigns: [PromotionCampaign]?
    /// Every member as sent, for fields without a typed property.
    public var raw: JSONValue

    /// An offering with no fields set.
    public init() {
        raw = .object([])
    }

    /// Every member, in the order written: the one place that ties a wire key to its property. Members servers
    /// send that the reference does not name are marked `notInReference`.
    public static let fields = FieldTable<Offering>([
        .string("url", \.url),
        .uuid("uuid", \.uuid),
        .date("created", \.created),
        .string("name", \.name),
        .string("slug", \.slug),
        .string("description", \.description),
        .string("full_description", \.fullDescription),
        .string("terms_of_service", \.termsOfService).notInReference,
        .string("terms_of_service_link", \.termsOfServiceLink).notInReference,
        .string("privacy_policy_link", \.privacyPolicyLink),
        .string("access_url", \.accessURL),
        .list("endpoints", \.endpoints, decode: { v throws(JSONDecodingError) in try Endpoint(json: v, expected: "an endpoint") }),
        .list("software_catalogs", \.softwareCatalogs),
        .list("partitions", \.partitions),
        .list("roles", \.roles, decode: { v throws(JSONDecodingError) in try Role(json: v, expected: "a role") }),
        .string("customer", \.customer),
        .uuid("customer_uuid", \.customerUUID),
        .string("customer_name", \.customerName),
        .string("project", \.project),
        .uuid("project_uuid", \.projectUUID),
        .string("project_name", \.projectName),
        .string("category", \.category),
        .uuid("category_uuid", \.categoryUUID),
        .string("category_title", \.categoryTitle),
        .json("attributes", \.attributes),
        .json("options", \.options),
        .json("resource_options", \.resourceOptions),
        .list("components", \.components),
        .json("plugin_options", \.pluginOptions),
        .json("state", \.state),
        .string("native_name", \.nativeName).notInReference,
        .string("native_description", \.nativeDescription).notInReference,
        .string("vendor_details", \.vendorDetails),
        .string("getting_started", \.gettingStarted),
        .string("integration_guide", \.integrationGuide),
        .string("thumbnail", \.thumbnail),
        .int("order_count", \.orderCount),
        .list("plans", \.plans),
        .list("screenshots", \.screenshots),
        .string("type", \.type),
        .bool("shared", \.shared),
        .bool("billable", \.billable),
        .string("scope", \.scope),
        .uuid("scope_uuid", \.scopeUUID),
        .string("scope_name", \.scopeName),
        .json("scope_state", \.scopeState),
        .string("scope_error_message", \.scopeErrorMessage),
        .list("files", \.files),
        .list("quotas", \.quotas),
        .string("paused_reason", \.pausedReason),
        .string("datacite_doi", \.dataciteDOI),
        .int("citation_count", \.citationCount),
        .double("latitude", \.latitude),
        .double("longitude", \.longitude),
        .json("country", \.country),
        .string("backend_id", \.backendID),
        .list("organization_groups", \.organizationGroups),
        .string("image", \.image),
        .int("total_customers", \.totalCustomers),
        .money("total_cost", \.totalCost),
        .money("total_cost_estimated", \.totalCostEstimated),
        .string("parent_description", \.parentDescription),
        .uuid("parent_uuid", \.parentUUID),
        .string("parent_name", \.parentName),
        .json("backend_metadata", \.backendMetadata),
        .bool("has_compliance_requirements", \.hasComplianceRequirements),
        .string("compliance_checklist", \.complianceChecklist),
        .bool("user_has_consent", \.userHasConsent),
        .bool("google_calendar_is_public", \.googleCalendarIsPublic),
        .string("google_calendar_link", \.googleCalendarLink),
        .list("promotion_campaigns", \.promotionCampaigns),
    ])

    /// Every key of the reference's field table, in its order.
    public static let wireKeys: [String] = fields.fields.filter(\.isInReference).map(\.key)

    /// Reads an offering from a decoded JSON object; the error names the failing field (e.g. `plans[1].unit_price`).
    public init(json: JSONValue) throws(JSONDecodingError) {
        guard case let .object(members) = json else {
            throw JSONDecodingError(path: "", reason: "expected an offering object, got \(JSONRead.kind(json))")
        }
        self.init()
        raw = json
        try Offering.fields.decode(members, into: &self)
    }

    /// The offering as a JSON object: the typed fields in table order, unset ones left out, then the members of
    /// `raw` the table does not name, in the order they were sent.
    public var json: JSONValue {
        var members = Offering.fields.encode(self)
        for (key, value) in raw.objectValue ?? [] where Offering.fields.field(for: key) == nil { members.append((key, value)) }
        return .object(members)
    }

    /// `state` as display text: the string itself, or compact JSON for other shapes.
    public var stateText: String? { state?.displayText }

    /// The component whose `type` is `componentType` (plans key their prices by it).
    public func component(ofType componentType: String) -> Component? {
        components?.first { $0.type == componentType }
    }
}
