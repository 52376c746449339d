extension Offering {
    /// A price plan of an offering (`plans[]`).
    public struct Plan: Sendable, Hashable {
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

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a plan") {
                switch key {
                case "url": url = try JSONRead.string(value, key)
                case "uuid": uuid = try JSONRead.uuid(value, key)
                case "name": name = try JSONRead.string(value, key)
                case "description": description = try JSONRead.string(value, key)
                case "article_code": articleCode = try JSONRead.string(value, key)
                case "max_amount": maxAmount = try JSONRead.int(value, key)
                case "archived": archived = try JSONRead.bool(value, key)
                case "is_active": isActive = try JSONRead.bool(value, key)
                case "unit_price": unitPrice = try JSONRead.money(value, key)
                case "unit": unit = try JSONRead.string(value, key)
                case "init_price": initPrice = try JSONRead.money(value, key)
                case "switch_price": switchPrice = try JSONRead.money(value, key)
                case "backend_id": backendID = try JSONRead.string(value, key)
                case "organization_groups":
                    organizationGroups = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try OrganizationGroup(json: v) }
                case "components":
                    components = try JSONRead.array(value, key) { v throws(JSONDecodingError) in try PlanComponent(json: v) }
                case "prices": prices = JSONRead.value(value)
                case "future_prices": futurePrices = JSONRead.value(value)
                case "quotas": quotas = JSONRead.value(value)
                case "resources_count": resourcesCount = try JSONRead.int(value, key)
                case "plan_type": planType = try JSONRead.string(value, key)
                case "minimal_price": minimalPrice = try JSONRead.money(value, key)
                default: break
                }
            }
        }

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
