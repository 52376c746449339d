extension Offering {
    /// An access endpoint of an offering (`endpoints[]`).
    public struct Endpoint: Sendable, Hashable {
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `name`
        public var name: String?
        /// `url`
        public var url: String?

        public init(uuid: WaldurUUID? = nil, name: String? = nil, url: String? = nil) {
            self.uuid = uuid
            self.name = name
            self.url = url
        }

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "an endpoint") {
                switch key {
                case "uuid": uuid = try JSONRead.uuid(value, key)
                case "name": name = try JSONRead.string(value, key)
                case "url": url = try JSONRead.string(value, key)
                default: break
                }
            }
        }
    }
}
