extension Offering {
    /// A measured unit of an offering (`components[]`), e.g. CPU cores or GB of storage.
    public struct Component: Sendable, Hashable {
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

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a component") {
                switch key {
                case "uuid": uuid = try JSONRead.uuid(value, key)
                case "billing_type": billingType = try JSONRead.string(value, key)
                case "type": type = try JSONRead.string(value, key)
                case "name": name = try JSONRead.string(value, key)
                case "description": description = try JSONRead.string(value, key)
                case "measured_unit": measuredUnit = try JSONRead.string(value, key)
                case "unit_factor": unitFactor = try JSONRead.int(value, key)
                case "limit_period": limitPeriod = JSONRead.value(value)
                case "limit_amount": limitAmount = try JSONRead.int(value, key)
                case "article_code": articleCode = try JSONRead.string(value, key)
                case "max_value": maxValue = try JSONRead.int(value, key)
                case "min_value": minValue = try JSONRead.int(value, key)
                case "max_available_limit": maxAvailableLimit = try JSONRead.int(value, key)
                case "is_boolean": isBoolean = try JSONRead.bool(value, key)
                case "default_limit": defaultLimit = try JSONRead.int(value, key)
                case "factor": factor = try JSONRead.int(value, key)
                case "is_builtin": isBuiltin = try JSONRead.bool(value, key)
                case "is_prepaid": isPrepaid = try JSONRead.bool(value, key)
                case "overage_component": overageComponent = try JSONRead.uuid(value, key)
                case "min_prepaid_duration": minPrepaidDuration = try JSONRead.int(value, key)
                case "max_prepaid_duration": maxPrepaidDuration = try JSONRead.int(value, key)
                default: break
                }
            }
        }
    }
}
