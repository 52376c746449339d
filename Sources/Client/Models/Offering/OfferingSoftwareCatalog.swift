extension Offering {
    /// A software catalog enabled on an offering (`software_catalogs[]`).
    public struct SoftwareCatalog: Sendable, Hashable, JSONModel {
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `catalog`
        public var catalog: Catalog?
        /// `enabled_cpu_family`: free-form, e.g. `["x86_64", "aarch64"]`.
        public var enabledCPUFamily: JSONValue?
        /// `enabled_cpu_microarchitectures`: free-form, e.g. `["generic", "zen3"]`.
        public var enabledCPUMicroarchitectures: JSONValue?
        /// `package_count`
        public var packageCount: Int?
        /// `partition`
        public var partition: PartitionRef?

        public init() {}

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<SoftwareCatalog>([
            .uuid("uuid", \.uuid),
            .object("catalog", \.catalog),
            .json("enabled_cpu_family", \.enabledCPUFamily),
            .json("enabled_cpu_microarchitectures", \.enabledCPUMicroarchitectures),
            .int("package_count", \.packageCount),
            .object("partition", \.partition),
        ])

        /// Reads the object; the error names the failing member.
        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            try Self.fields.decode(JSONRead.members(json, expected: "a software catalog"), into: &self)
        }

        /// The object in the table's order, unset fields left out.
        public var json: JSONValue { .object(Self.fields.encode(self)) }

        /// The catalog itself (`software_catalogs[].catalog`).
        public struct Catalog: Sendable, Hashable, JSONModel {
            /// `uuid`
            public var uuid: WaldurUUID?
            /// `name`
            public var name: String?
            /// `version`
            public var version: String?
            /// `description`
            public var description: String?

            public init() {}

            /// Every member, in the order written: the one place that ties a wire key to its property.
            public static let fields = FieldTable<Catalog>([
                .uuid("uuid", \.uuid),
                .string("name", \.name),
                .string("version", \.version),
                .string("description", \.description),
            ])

            /// Reads the object; the error names the failing member.
            public init(json: JSONValue) throws(JSONDecodingError) {
                self.init()
                try Self.fields.decode(JSONRead.members(json, expected: "a catalog"), into: &self)
            }

            /// The object in the table's order, unset fields left out.
            public var json: JSONValue { .object(Self.fields.encode(self)) }
        }

        /// The partition a catalog is bound to (`software_catalogs[].partition`).
        public struct PartitionRef: Sendable, Hashable, JSONModel {
            /// `uuid`
            public var uuid: WaldurUUID?
            /// `partition_name`
            public var partitionName: String?
            /// `priority_tier`
            public var priorityTier: Int?
            /// `qos`
            public var qos: String?

            public init() {}

            /// Every member, in the order written: the one place that ties a wire key to its property.
            public static let fields = FieldTable<PartitionRef>([
                .uuid("uuid", \.uuid),
                .string("partition_name", \.partitionName),
                .int("priority_tier", \.priorityTier),
                .string("qos", \.qos),
            ])

            /// Reads the object; the error names the failing member.
            public init(json: JSONValue) throws(JSONDecodingError) {
                self.init()
                try Self.fields.decode(JSONRead.members(json, expected: "a partition"), into: &self)
            }

            /// The object in the table's order, unset fields left out.
            public var json: JSONValue { .object(Self.fields.encode(self)) }
        }
    }
}
