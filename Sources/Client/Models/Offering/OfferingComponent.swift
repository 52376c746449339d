extension Offering {
    /// A measured unit of an offering (`components[]`), e.g. CPU cores or GB of storage.
    public struct Component: Sendable, Hashable, JSONModel {
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `billing_type`: `fixed`, `usage`, `limit`, `one`, `few` (other values kept as sent).
        public var billingType: String?
        /// `type`: the internal name, e.g. `floating_ip`; plans key their prices by it.
        public var type: String?
        /// `name`: the display name, e.g. `Floating IP`.
        public var name: String?
        /// `description`
        public var description: String?
        /// `measured_unit`, e.g. `GB`.
        public var measuredUnit: String?
        /// `unit_factor`: backend units per measured unit.
        public var unitFactor: Int?
        /// `limit_period`: free-form (usually `month`, `annual`, `total` or null).
        public var limitPeriod: JSONValue?
        /// `limit_amount`
        public var limitAmount: Int?
        /// `article_code`
        public var articleCode: String?
        /// `max_value`
        public var maxValue: Int?
        /// `min_value`
        public var minValue: Int?
        /// `max_available_limit`
        public var maxAvailableLimit: Int?
        /// `is_boolean`
        public var isBoolean: Bool?
        /// `default_limit`
        public var defaultLimit: Int?
        /// `factor`
        public var factor: Int?
        /// `is_builtin`
        public var isBuiltin: Bool?
        /// `is_prepaid`
        public var isPrepaid: Bool?
        /// `overage_component`
        public var overageComponent: WaldurUUID?
        /// `min_prepaid_duration`
        public var minPrepaidDuration: Int?
        /// `max_prepaid_duration`
        public var maxPrepaidDuration: Int?

        public init() {}

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<Component>([
            .uuid("uuid", \.uuid),
            .string("billing_type", \.billingType),
            .string("type", \.type),
            .string("name", \.name),
            .string("description", \.description),
            .string("measured_unit", \.measuredUnit),
            .int("unit_factor", \.unitFactor),
            .json("limit_period", \.limitPeriod),
            .int("limit_amount", \.limitAmount),
            .string("article_code", \.articleCode),
            .int("max_value", \.maxValue),
            .int("min_value", \.minValue),
            .int("max_available_limit", \.maxAvailableLimit),
            .bool("is_boolean", \.isBoolean),
            .int("default_limit", \.defaultLimit),
            .int("factor", \.factor),
            .bool("is_builtin", \.isBuiltin),
            .bool("is_prepaid", \.isPrepaid),
            .uuid("overage_component", \.overageComponent),
            .int("min_prepaid_duration", \.minPrepaidDuration),
            .int("max_prepaid_duration", \.maxPrepaidDuration),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "a component"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }
    }
}
