extension Offering {
    /// A usage quota of an offering (`quotas[]`).
    public struct Quota: Sendable, Hashable {
        /// `name`
        public var name: String?
        /// `usage`
        public var usage: Int?
        /// `limit`
        public var limit: Int?

        public init(name: String? = nil, usage: Int? = nil, limit: Int? = nil) {
            self.name = name
            self.usage = usage
            self.limit = limit
        }

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a quota") {
                switch key {
                case "name": name = try JSONRead.string(value, key)
                case "usage": usage = try JSONRead.int(value, key)
                case "limit": limit = try JSONRead.int(value, key)
                default: break
                }
            }
        }
    }
}
