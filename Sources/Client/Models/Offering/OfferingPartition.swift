extension Offering {
    /// A SLURM partition of an offering (`partitions[]`). Memory in MB, times in minutes unless noted.
    public struct Partition: Sendable, Hashable {
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

        public init(json: JSONValue) throws(JSONDecodingError) {
            self.init()
            for (key, value) in try JSONRead.members(json, expected: "a partition") {
                switch key {
                case "uuid": uuid = try JSONRead.uuid(value, key)
                case "partition_name": partitionName = try JSONRead.string(value, key)
                case "cpu_bind": cpuBind = try JSONRead.int(value, key)
                case "def_cpu_per_gpu": defCPUPerGPU = try JSONRead.int(value, key)
                case "max_cpus_per_node": maxCPUsPerNode = try JSONRead.int(value, key)
                case "max_cpus_per_socket": maxCPUsPerSocket = try JSONRead.int(value, key)
                case "def_mem_per_cpu": defMemPerCPU = try JSONRead.int(value, key)
                case "def_mem_per_gpu": defMemPerGPU = try JSONRead.int(value, key)
                case "def_mem_per_node": defMemPerNode = try JSONRead.int(value, key)
                case "max_mem_per_cpu": maxMemPerCPU = try JSONRead.int(value, key)
                case "max_mem_per_node": maxMemPerNode = try JSONRead.int(value, key)
                case "default_time": defaultTime = try JSONRead.int(value, key)
                case "max_time": maxTime = try JSONRead.int(value, key)
                case "grace_time": graceTime = try JSONRead.int(value, key)
                case "max_nodes": maxNodes = try JSONRead.int(value, key)
                case "min_nodes": minNodes = try JSONRead.int(value, key)
                case "exclusive_topo": exclusiveTopo = try JSONRead.bool(value, key)
                case "exclusive_user": exclusiveUser = try JSONRead.bool(value, key)
                case "priority_tier": priorityTier = try JSONRead.int(value, key)
                case "qos": qos = try JSONRead.string(value, key)
                case "req_resv": reqResv = try JSONRead.bool(value, key)
                default: break
                }
            }
        }
    }
}
