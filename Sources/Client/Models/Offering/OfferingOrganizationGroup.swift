extension Offering {
    /// An organization group an offering or plan is restricted to (`organization_groups[]`).
    public struct OrganizationGroup: Sendable, Hashable, JSONModel {
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

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<OrganizationGroup>([
            .uuid("uuid", \.uuid),
            .string("url", \.url),
            .string("name", \.name),
            .uuid("parent_uuid", \.parentUUID),
            .string("parent_name", \.parentName),
            .string("parent", \.parent),
            .int("customers_count", \.customersCount),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "an organization group"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }
    }
}
