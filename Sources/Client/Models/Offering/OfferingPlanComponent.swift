extension Offering {
    /// The price of one component within a plan (`plans[].components[]`).
    public struct PlanComponent: Sendable, Hashable {
        /// `type`: the component's internal name.
        public var type: String?
        /// `name`
        public var name: String?
        /// `measured_unit`
        public var measuredUnit: String?
        /// `amount`
        public var amount: Int?
        /// `price`, digits kept.
        public var price: Money?
        /// `future_price`, digits kept.
        public var futurePrice: Money?
        /// `discount_threshold`: the minimum amount eligible for the discount.
        public var discountThreshold: Int?
        /// `discount_rate`: percent.
        public var discountRate: Int?

        public init() {}

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a plan component") {
                switch key {
                case "type": type = try JSONRead.string(value, key)
                case "name": name = try JSONRead.string(value, key)
                case "measured_unit": measuredUnit = try JSONRead.string(value, key)
                case "amount": amount = try JSONRead.int(value, key)
                case "price": price = try JSONRead.money(value, key)
                case "future_price": futurePrice = try JSONRead.money(value, key)
                case "discount_threshold": discountThreshold = try JSONRead.int(value, key)
                case "discount_rate": discountRate = try JSONRead.int(value, key)
                default: break
                }
            }
        }
    }
}
