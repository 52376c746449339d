extension Offering {
    /// An access endpoint of an offering (`endpoints[]`).
    public typealias Endpoint = NamedLink
    /// A role defined by an offering (`roles[]`).
    public typealias Role = NamedLink

    /// An object of an offering known by uuid, name and url (the items of `endpoints` and `roles`).
    public struct NamedLink: Sendable, Hashable, JSONModel {
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

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<NamedLink>([
            .uuid("uuid", \.uuid),
            .string("name", \.name),
            .string("url", \.url),
        ])

        /// Reads one item; `expected` names it in errors ("an endpoint", "a role").
        public init(json: JSONValue, expected: String) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: expected), into: &self)
        }

        /// Reads one item of no particular role (errors call it "a link").
        public init(json: JSONValue) throws(JSONDecodingError) {
            try self.init(json: json, expected: "a link")
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }
    }
}
