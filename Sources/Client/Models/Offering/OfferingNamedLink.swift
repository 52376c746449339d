extension Offering {
    /// An access endpoint of an offering (`endpoints[]`).
    public typealias Endpoint = NamedLink
    /// A role defined by an offering (`roles[]`).
    public typealias Role = NamedLink

    /// An object of an offering known by uuid, name and url (the items of `endpoints` and `roles`).
    public struct NamedLink: Sendable, Hashable {
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

        /// Reads one item; `expected` names it in errors ("an endpoint", "a role").
        public init(json: JSONValue, expected: String) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: expected) {
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
