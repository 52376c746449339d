import Foundation

extension Offering {
    /// A document attached to an offering (`files[]`).
    public struct File: Sendable, Hashable, JSONModel {
        /// `name`
        public var name: String?
        /// `created`
        public var created: Date?
        /// `file`: the download URL.
        public var file: String?

        public init(name: String? = nil, created: Date? = nil, file: String? = nil) {
            self.name = name
            self.created = created
            self.file = file
        }

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<File>([
            .string("name", \.name),
            .date("created", \.created),
            .string("file", \.file),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "a file"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }
    }
}
