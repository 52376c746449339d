extension Offering {
    /// A software catalog enabled on an offering (`software_catalogs[]`).
    public struct SoftwareCatalog: Sendable, Hashable {
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

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a software catalog") {
                switch key {
                case "uuid": uuid = try JSONRead.uuid(value, key)
                case "catalog":
                    if !value.isNull {
                        do { catalog = try Catalog(json: value) } catch { throw error.under(key) }
                    }
                case "enabled_cpu_family": enabledCPUFamily = JSONRead.value(value)
                case "enabled_cpu_microarchitectures": enabledCPUMicroarchitectures = JSONRead.value(value)
                case "package_count": packageCount = try JSONRead.int(value, key)
                case "partition":
                    if !value.isNull {
                        do { partition = try PartitionRef(json: value) } catch { throw error.under(key) }
                    }
                default: break
                }
            }
        }

        /// The catalog itself (`software_catalogs[].catalog`).
        public struct Catalog: Sendable, Hashable {
            /// `uuid`
            public var uuid: WaldurUUID?
            /// `name`
            public var name: String?
            /// `version`
            public var version: String?
            /// `description`
            public var description: String?

            public init() {}

            public init(json: JSONValue) throws(JSONDecodingError) {
                self.init()
                for (key, value) in try JSONRead.members(json, expected: "a catalog") {
                    switch key {
                    case "uuid": uuid = try JSONRead.uuid(value, key)
                    case "name": name = try JSONRead.string(value, key)
                    case "version": version = try JSONRead.string(value, key)
                    case "description": description = try JSONRead.string(value, key)
                    default: break
                    }
                }
            }
        }

        /// The partition a catalog is bound to (`software_catalogs[].partition`).
        public struct PartitionRef: Sendable, Hashable {
            /// `uuid`
            public var uuid: WaldurUUID?
            /// `partition_name`
            public var partitionName: String?
            /// `priority_tier`
            public var priorityTier: Int?
            /// `qos`
            public var qos: String?

            public init() {}

            public init(json: JSONValue) throws(JSONDecodingError) {
                self.init()
                for (key, value) in try JSONRead.members(json, expected: "a partition") {
                    switch key {
                    case "uuid": uuid = try JSONRead.uuid(value, key)
                    case "partition_name": partitionName = try JSONRead.string(value, key)
                    case "priority_tier": priorityTier = try JSONRead.int(value, key)
                    case "qos": qos = try JSONRead.string(value, key)
                    default: break
                    }
                }
            }
        }
    }
}
