extension Offering {
    /// A promotion campaign running on an offering (`promotion_campaigns[]`).
    public struct PromotionCampaign: Sendable, Hashable, JSONModel {
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `name`
        public var name: String?
        /// `start_date`: a calendar date (`YYYY-MM-DD`) as sent.
        public var startDate: String?
        /// `end_date`: the last active day (`YYYY-MM-DD`) as sent.
        public var endDate: String?
        /// `discount_type`: `discount` or `special_price` (other values kept as sent).
        public var discountType: String?
        /// `discount`
        public var discount: Int?
        /// `stock`
        public var stock: Int?
        /// `description`
        public var description: String?
        /// `months`: how many months the deal lasts (0 for as long as active).
        public var months: Int?

        public init() {}

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<PromotionCampaign>([
            .uuid("uuid", \.uuid),
            .string("name", \.name),
            .string("start_date", \.startDate),
            .string("end_date", \.endDate),
            .string("discount_type", \.discountType),
            .int("discount", \.discount),
            .int("stock", \.stock),
            .string("description", \.description),
            .int("months", \.months),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "a promotion campaign"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }
    }
}
