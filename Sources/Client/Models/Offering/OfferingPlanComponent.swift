extension Offering {
    /// The price of one component within a plan (`plans[].components[]`).
    public struct PlanComponent: Sendable, Hashable, JSONModel {
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

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<PlanComponent>([
            .string("type", \.type),
            .string("name", \.name),
            .string("measured_unit", \.measuredUnit),
            .int("amount", \.amount),
            .money("price", \.price),
            .money("future_price", \.futurePrice),
            .int("discount_threshold", \.discountThreshold),
            .int("discount_rate", \.discountRate),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "a plan component"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }
    }
}
