extension Offering {
    /// An organization group an offering or plan is restricted to (`organization_groups[]`).
    public struct OrganizationGroup: Sendable, Hashable {
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `url`
        public var url: String?
        /// `name`
        public var name: String?
        /// `parent_uuid`
        public var parentUUID: WaldurUUID?
        /// `parent_name`
        public var parentName: String?
        /// `parent`
        public var parent: String?
        /// `customers_count`
        public var customersCount: Int?

        public init() {}

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "an organization group") {
                switch key {
                case "uuid": uuid = try JSONRead.uuid(value, key)
                case "url": url = try JSONRead.string(value, key)
                case "name": name = try JSONRead.string(value, key)
                case "parent_uuid": parentUUID = try JSONRead.uuid(value, key)
                case "parent_name": parentName = try JSONRead.string(value, key)
                case "parent": parent = try JSONRead.string(value, key)
                case "customers_count": customersCount = try JSONRead.int(value, key)
                default: break
                }
            }
        }
    }
}
