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

    /// Every key of the reference's field table, in its order.
    public static let wireKeys: [String] = [
        "url", "uuid", "created", "name", "slug", "description", "full_description", "privacy_policy_link",
        "access_url", "endpoints", "software_catalogs", "partitions", "roles", "customer", "customer_uuid",
        "customer_name", "project", "project_uuid", "project_name", "category", "category_uuid", "category_title",
        "attributes", "options", "resource_options", "components", "plugin_options", "state", "vendor_details",
        "getting_started", "integration_guide", "thumbnail", "order_count", "plans", "screenshots", "type", "shared",
        "billable", "scope", "scope_uuid", "scope_name", "scope_state", "scope_error_message", "files", "quotas",
        "paused_reason", "datacite_doi", "citation_count", "latitude", "longitude", "country", "backend_id",
        "organization_groups", "image", "total_customers", "total_cost", "total_cost_estimated", "parent_description",
        "parent_uuid", "parent_name", "backend_metadata", "has_compliance_requirements", "compliance_checklist",
        "user_has_consent", "google_calendar_is_public", "google_calendar_link", "promotion_campaigns",
    ]

    /// Reads an offering from a decoded JSON object; the error names the failing field (e.g. `plans[1].unit_price`).
    public init(json: JSONValue) throws(JSONDecodingError) {
        guard case let .object(members) = json else {
            throw JSONDecodingError(path: "", reason: "expected an offering object, got \(JSONRead.kind(json))")
        }
        self.init()
        raw = json
        for (key, value) in members {
            switch key {
            case "url": url = try JSONRead.string(value, key)
            case "uuid": uuid = try JSONRead.uuid(value, key)
            case "created": created = try JSONRead.date(value, key)
            case "name": name = try JSONRead.string(value, key)
            case "slug": slug = try JSONRead.string(value, key)
            case "description": description = try JSONRead.string(value, key)
            case "full_description": fullDescription = try JSONRead.string(value, key)
            case "terms_of_service": termsOfService = try JSONRead.string(value, key)
            case "terms_of_service_link": termsOfServiceLink = try JSONRead.string(value, key)
            case "privacy_policy_link": privacyPolicyLink = try JSONRead.string(value, key)
            case "access_url": accessURL = try JSONRead.string(value, key)
            case "endpoints":
                endpoints = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try Endpoint(json: v, expected: "an endpoint") }
            case "software_catalogs":
                softwareCatalogs = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try SoftwareCatalog(json: v) }
            case "partitions":
                partitions = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try Partition(json: v) }
            case "roles":
                roles = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try Role(json: v, expected: "a role") }
            case "customer": customer = try JSONRead.string(value, key)
            case "customer_uuid": customerUUID = try JSONRead.uuid(value, key)
            case "customer_name": customerName = try JSONRead.string(value, key)
            case "project": project = try JSONRead.string(value, key)
            case "project_uuid": projectUUID = try JSONRead.uuid(value, key)
            case "project_name": projectName = try JSONRead.string(value, key)
            case "category": category = try JSONRead.string(value, key)
            case "category_uuid": categoryUUID = try JSONRead.uuid(value, key)
            case "category_title": categoryTitle = try JSONRead.string(value, key)
            case "attributes": attributes = JSONRead.value(value)
            case "options": options = JSONRead.value(value)
            case "resource_options": resourceOptions = JSONRead.value(value)
            case "components":
                components = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try Component(json: v) }
            case "plugin_options": pluginOptions = JSONRead.value(value)
            case "state": state = JSONRead.value(value)
            case "native_name": nativeName = try JSONRead.string(value, key)
            case "native_description": nativeDescription = try JSONRead.string(value, key)
            case "vendor_details": vendorDetails = try JSONRead.string(value, key)
            case "getting_started": gettingStarted = try JSONRead.string(value, key)
            case "integration_guide": integrationGuide = try JSONRead.string(value, key)
            case "thumbnail": thumbnail = try JSONRead.string(value, key)
            case "order_count": orderCount = try JSONRead.int(value, key)
            case "plans":
                plans = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try Plan(json: v) }
            case "screenshots":
                screenshots = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try Screenshot(json: v) }
            case "type": type = try JSONRead.string(value, key)
            case "shared": shared = try JSONRead.bool(value, key)
            case "billable": billable = try JSONRead.bool(value, key)
            case "scope": scope = try JSONRead.string(value, key)
            case "scope_uuid": scopeUUID = try JSONRead.uuid(value, key)
            case "scope_name": scopeName = try JSONRead.string(value, key)
            case "scope_state": scopeState = JSONRead.value(value)
            case "scope_error_message": scopeErrorMessage = try JSONRead.string(value, key)
            case "files":
                files = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try File(json: v) }
            case "quotas":
                quotas = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try Quota(json: v) }
            case "paused_reason": pausedReason = try JSONRead.string(value, key)
            case "datacite_doi": dataciteDOI = try JSONRead.string(value, key)
            case "citation_count": citationCount = try JSONRead.int(value, key)
            case "latitude": latitude = try JSONRead.double(value, key)
            case "longitude": longitude = try JSONRead.double(value, key)
            case "country": country = JSONRead.value(value)
            case "backend_id": backendID = try JSONRead.string(value, key)
            case "organization_groups":
                organizationGroups = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try OrganizationGroup(json: v) }
            case "image": image = try JSONRead.string(value, key)
            case "total_customers": totalCustomers = try JSONRead.int(value, key)
            case "total_cost": totalCost = try JSONRead.money(value, key)
            case "total_cost_estimated": totalCostEstimated = try JSONRead.money(value, key)
            case "parent_description": parentDescription = try JSONRead.string(value, key)
            case "parent_uuid": parentUUID = try JSONRead.uuid(value, key)
            case "parent_name": parentName = try JSONRead.string(value, key)
            case "backend_metadata": backendMetadata = JSONRead.value(value)
            case "has_compliance_requirements": hasComplianceRequirements = try JSONRead.bool(value, key)
            case "compliance_checklist": complianceChecklist = try JSONRead.string(value, key)
            case "user_has_consent": userHasConsent = try JSONRead.bool(value, key)
            case "google_calendar_is_public": googleCalendarIsPublic = try JSONRead.bool(value, key)
            case "google_calendar_link": googleCalendarLink = try JSONRead.string(value, key)
            case "promotion_campaigns":
                promotionCampaigns = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try PromotionCampaign(json: v) }
            default: break
            }
        }
    }

    /// `state` as display text: the string itself, or compact JSON for other shapes.
    public var stateText: String? { state?.displayText }

    /// The component whose `type` is `componentType` (plans key their prices by it).
    public func component(ofType componentType: String) -> Component? {
        components?.first { $0.type == componentType }
    }
}
