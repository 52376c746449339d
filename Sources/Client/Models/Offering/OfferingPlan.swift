extension Offering {
    /// A price plan of an offering (`plans[]`).
    public struct Plan: Sendable, Hashable, JSONModel {
        /// `url`
        public var url: String?
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `name`
        public var name: String?
        /// `description`
        public var description: String?
        /// `article_code`
        public var articleCode: String?
        /// `max_amount`: how many plans may be active before it is disabled.
        public var maxAmount: Int?
        /// `archived`: no new resources may use it.
        public var archived: Bool?
        /// `is_active`
        public var isActive: Bool?
        /// `unit_price`, digits kept.
        public var unitPrice: Money?
        /// `unit`: `month`, `quarter`, `half_month`, `day`, `hour`, `quantity` (other values kept as sent).
        public var unit: String?
        /// `init_price`, digits kept.
        public var initPrice: Money?
        /// `switch_price`, digits kept.
        public var switchPrice: Money?
        /// `backend_id`
        public var backendID: String?
        /// `organization_groups`
        public var organizationGroups: [OrganizationGroup]?
        /// `components`
        public var components: [PlanComponent]?
        /// `prices`: free-form, component type → price.
        public var prices: JSONValue?
        /// `future_prices`: free-form, component type → price or null.
        public var futurePrices: JSONValue?
        /// `quotas`: free-form, component type → amount.
        public var quotas: JSONValue?
        /// `resources_count`
        public var resourcesCount: Int?
        /// `plan_type`
        public var planType: String?
        /// `minimal_price`, digits kept.
        public var minimalPrice: Money?

        public init() {}

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<Plan>([
            .string("url", \.url),
            .uuid("uuid", \.uuid),
            .string("name", \.name),
            .string("description", \.description),
            .string("article_code", \.articleCode),
            .int("max_amount", \.maxAmount),
            .bool("archived", \.archived),
            .bool("is_active", \.isActive),
            .money("unit_price", \.unitPrice),
            .string("unit", \.unit),
            .money("init_price", \.initPrice),
            .money("switch_price", \.switchPrice),
            .string("backend_id", \.backendID),
            .list("organization_groups", \.organizationGroups),
            .list("components", \.components),
            .json("prices", \.prices),
            .json("future_prices", \.futurePrices),
            .json("quotas", \.quotas),
            .int("resources_count", \.resourcesCount),
            .string("plan_type", \.planType),
            .money("minimal_price", \.minimalPrice),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "a plan"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }

        /// The price of one component type from `prices` (digits kept); nil when absent, null or not an amount.
        public func price(of componentType: String) -> Money? {
            guard let v = prices?[componentType] else { return nil }
            return try? JSONRead.money(v, componentType)
        }

        /// The future price of one component type from `future_prices`; nil when absent, null or not an amount.
        public func futurePrice(of componentType: String) -> Money? {
            guard let v = futurePrices?[componentType] else { return nil }
            return try? JSONRead.money(v, componentType)
        }

        /// The quota of one component type from `quotas`; nil when absent or not an integer.
        public func quota(of componentType: String) -> Int? {
            guard let v = quotas?[componentType] else { return nil }
            return try? JSONRead.int(v, componentType)
        }
    }
}
