extension Offering {
    /// A promotion campaign running on an offering (`promotion_campaigns[]`).
    public struct PromotionCampaign: Sendable, Hashable {
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

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a promotion campaign") {
                switch key {
                case "uuid": uuid = try JSONRead.uuid(value, key)
                case "name": name = try JSONRead.string(value, key)
                case "start_date": startDate = try JSONRead.string(value, key)
                case "end_date": endDate = try JSONRead.string(value, key)
                case "discount_type": discountType = try JSONRead.string(value, key)
                case "discount": discount = try JSONRead.int(value, key)
                case "stock": stock = try JSONRead.int(value, key)
                case "description": description = try JSONRead.string(value, key)
                case "months": months = try JSONRead.int(value, key)
                default: break
                }
            }
        }
    }
}
