extension Offering {
    /// A usage quota of an offering (`quotas[]`).
    public struct Quota: Sendable, Hashable, JSONModel {
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

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<Quota>([
            .string("name", \.name),
            .int("usage", \.usage),
            .int("limit", \.limit),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "a quota"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }
    }
}
