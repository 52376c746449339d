import Foundation

extension Offering {
    /// A screenshot of an offering (`screenshots[]`).
    public struct Screenshot: Sendable, Hashable, JSONModel {
        /// `name`
        public var name: String?
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `description`
        public var description: String?
        /// `image`
        public var image: String?
        /// `thumbnail`
        public var thumbnail: String?
        /// `created`
        public var created: Date?

        public init() {}

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<Screenshot>([
            .string("name", \.name),
            .uuid("uuid", \.uuid),
            .string("description", \.description),
            .string("image", \.image),
            .string("thumbnail", \.thumbnail),
            .date("created", \.created),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "a screenshot"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }
    }
}
