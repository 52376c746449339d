import Foundation

/// Every documented filter of `GET /api/marketplace-orders/`. Multi-valued filters repeat their key (slugs excepted).
public struct OrderListQuery: Sendable, Equatable {
    public var canApproveAsConsumer: Bool?
    public var canApproveAsProvider: Bool?
    public var categoryUUID: WaldurUUID?
    /// Created at or after.
    public var created: Date?
    public var customerUUID: WaldurUUID?
    /// Only these fields in each order (`field=`), for light list views.
    public var fields: [String] = []
    /// Modified at or after.
    public var modified: Date?
    /// Ordering keys, e.g. `-created`; allowed: created, consumer_reviewed_at, cost, state.
    public var ordering: [String] = []
    public var offering: String?
    /// Offering slugs; sent comma-separated in one value, as Waldur expects.
    public var offeringSlug: [String] = []
    public var offeringType: [String] = []
    public var offeringUUID: WaldurUUID?
    public var page: Int?
    public var pageSize: Int?
    public var parentOfferingUUID: WaldurUUID?
    public var projectUUID: WaldurUUID?
    public var providerUUID: WaldurUUID?
    /// Matches an order UUID exactly, else project or resource name.
    public var query: String?
    public var resource: String?
    public var resourceUUID: WaldurUUID?
    public var serviceManagerUUID: WaldurUUID?
    public var state: [OrderState] = []
    public var type: [OrderType] = []

    public init() {}

    /// The query items in a fixed, documented order (alphabetical by key, values in the order given).
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        func add(_ name: String, _ value: String?) { if let value { items.append(URLQueryItem(name: name, value: value)) } }
        add("can_approve_as_consumer", canApproveAsConsumer.map { $0 ? "true" : "false" })
        add("can_approve_as_provider", canApproveAsProvider.map { $0 ? "true" : "false" })
        add("category_uuid", categoryUUID?.hex)
        add("created", created.map(WaldurDate.format))
        add("customer_uuid", customerUUID?.hex)
        for f in fields { add("field", f) }
        add("modified", modified.map(WaldurDate.format))
        for o in ordering { add("o", o) }
        add("offering", offering)
        // Waldur reads several slugs from one comma-separated value (a repeated key would keep only the last).
        if !offeringSlug.isEmpty { add("offering_slug", offeringSlug.joined(separator: ",")) }
        for t in offeringType { add("offering_type", t) }
        add("offering_uuid", offeringUUID?.hex)
        add("page", page.map(String.init))
        add("page_size", pageSize.map(String.init))
        add("parent_offering_uuid", parentOfferingUUID?.hex)
        add("project_uuid", projectUUID?.hex)
        add("provider_uuid", providerUUID?.hex)
        add("query", query)
        add("resource", resource)
        add("resource_uuid", resourceUUID?.hex)
        add("service_manager_uuid", serviceManagerUUID?.hex)
        for s in state { add("state", s.wire) }
        for t in type { add("type", t.wire) }
        return items
    }

    /// The encoded query string, without the leading `?`.
    public var queryString: String {
        queryItems.map { "\(OrderListQuery.escape($0.name))=\(OrderListQuery.escape($0.value ?? ""))" }.joined(separator: "&")
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters (so `+` and `:` in timestamps are escaped).
    public static func escape(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.isASCII, allowed.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out += String(format: "%%%02X", byte) }
            }
        }
        return out
    }
}
