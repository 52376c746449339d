extension Offering {
    /// A SLURM partition of an offering (`partitions[]`). Memory in MB, times in minutes unless noted.
    public struct Partition: Sendable, Hashable, JSONModel {
        /// `uuid`
        public var uuid: WaldurUUID?
        /// `partition_name`
        public var partitionName: String?
        /// `cpu_bind`: the default task binding policy.
        public var cpuBind: Int?
        /// `def_cpu_per_gpu`
        public var defCPUPerGPU: Int?
        /// `max_cpus_per_node`
        public var maxCPUsPerNode: Int?
        /// `max_cpus_per_socket`
        public var maxCPUsPerSocket: Int?
        /// `def_mem_per_cpu` (MB)
        public var defMemPerCPU: Int?
        /// `def_mem_per_gpu` (MB)
        public var defMemPerGPU: Int?
        /// `def_mem_per_node` (MB)
        public var defMemPerNode: Int?
        /// `max_mem_per_cpu` (MB)
        public var maxMemPerCPU: Int?
        /// `max_mem_per_node` (MB)
        public var maxMemPerNode: Int?
        /// `default_time` (minutes)
        public var defaultTime: Int?
        /// `max_time` (minutes)
        public var maxTime: Int?
        /// `grace_time` (seconds)
        public var graceTime: Int?
        /// `max_nodes`
        public var maxNodes: Int?
        /// `min_nodes`
        public var minNodes: Int?
        /// `exclusive_topo`
        public var exclusiveTopo: Bool?
        /// `exclusive_user`
        public var exclusiveUser: Bool?
        /// `priority_tier`
        public var priorityTier: Int?
        /// `qos`
        public var qos: String?
        /// `req_resv`
        public var reqResv: Bool?

        public init() {}

        /// Every member, in the order written: the one place that ties a wire key to its property.
        public static let fields = FieldTable<Partition>([
            .uuid("uuid", \.uuid),
            .string("partition_name", \.partitionName),
            .int("cpu_bind", \.cpuBind),
            .int("def_cpu_per_gpu", \.defCPUPerGPU),
            .int("max_cpus_per_node", \.maxCPUsPerNode),
            .int("max_cpus_per_socket", \.maxCPUsPerSocket),
            .int("def_mem_per_cpu", \.defMemPerCPU),
            .int("def_mem_per_gpu", \.defMemPerGPU),
            .int("def_mem_per_node", \.defMemPerNode),
            .int("max_mem_per_cpu", \.maxMemPerCPU),
            .int("max_mem_per_node", \.maxMemPerNode),
            .int("default_time", \.defaultTime),
            .int("max_time", \.maxTime),
            .int("grace_time", \.graceTime),
            .int("max_nodes", \.maxNodes),
            .int("min_nodes", \.minNodes),
            .bool("exclusive_topo", \.exclusiveTopo),
            .bool("exclusive_user", \.exclusiveUser),
            .int("priority_tier", \.priorityTier),
            .string("qos", \.qos),
            .bool("req_resv", \.reqResv),
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
