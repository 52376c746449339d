import Foundation

/// A person who can act on orders; only the four role users have printed tokens.
struct Person: Sendable {
    let uuid: UUIDKey
    let username: String
    let fullName: String
    let token: String
    /// staff, consumer, provider, member, or "" for seeded creators without a role.
    let role: String
    let isStaff: Bool
    /// Customers (consumer organisations or service providers) this person owns.
    let ownedCustomers: Set<Int>
    /// Projects this person is a plain member of.
    let memberProjects: Set<Int>
}

/// An organisation: a consumer customer or a service provider.
struct Customer: Sendable {
    let uuid: UUIDKey
    let name: String
    let slug: String
}

struct Project: Sendable {
    let uuid: UUIDKey
    let name: String
    let slug: String
    let description: String
    let customer: Int
    /// The project's start date when it starts in the future (pending-project), as `YYYY-MM-DD`.
    let startDate: String?
    let startMicros: Int64?
}

/// A measured unit of an offering.
struct Component: Sendable {
    let uuid: UUIDKey
    let type: String
    let name: String
    let measuredUnit: String
    /// limit, usage, fixed or one.
    let billingType: String
}

struct Plan: Sendable {
    let uuid: UUIDKey
    let name: String
    let description: String
    let unit: String
    /// Price per component, aligned with the offering's components, as literals ("2.5").
    let prices: [String]
    /// The same prices as decimals.
    let priceValues: [Decimal]

    init(uuid: UUIDKey, name: String, description: String, unit: String, prices: [String]) {
        self.uuid = uuid
        self.name = name
        self.description = description
        self.unit = unit
        self.prices = prices
        self.priceValues = prices.map(MoneyText.decimal)
    }
}

struct Offering: Sendable {
    let uuid: UUIDKey
    let name: String
    let slug: String
    let description: String
    let type: String
    /// The service provider (a customer index).
    let provider: Int
    let categoryUUID: UUIDKey
    let categoryTitle: String
    let components: [Component]
    let plans: [Plan]
    let created: Int64
    /// The plugin resource type shown once a resource exists, e.g. `SLURM.Allocation`.
    let resourceType: String?
    /// A short stem for resource names, e.g. `basic-vm`.
    let stem: String

    /// Indexes of components billed by limit, in order: the keys of an order's `limits` (filled in by `Catalog.build`).
    var limitComponents: [Int] = []

    /// Provider review is never skipped for these plugin types.
    var needsProviderReview: Bool { type == "Marketplace.Basic" || type == "Marketplace.Slurm" }

    /// Cost of a plan with the given limits (aligned with `limitComponents`): the sum of price × limit.
    func cost(plan: Int, limits: [Int]) -> Decimal {
        var total = Decimal(0)
        for (k, ci) in limitComponents.enumerated() where k < limits.count {
            total += plans[plan].priceValues[ci] * Decimal(limits[k])
        }
        return total
    }

    /// The plan's fixed price (sum of fixed components).
    func fixedPrice(plan: Int) -> Decimal {
        var total = Decimal(0)
        for (ci, c) in components.enumerated() where c.billingType == "fixed" { total += plans[plan].priceValues[ci] }
        return total
    }

    /// The plan's one-time activation price.
    func activationPrice(plan: Int) -> Decimal {
        var total = Decimal(0)
        for (ci, c) in components.enumerated() where c.billingType == "one" { total += plans[plan].priceValues[ci] }
        return total
    }
}

/// Everything but the orders: users, organisations, projects, offerings. Fixed for a seed.
struct Catalog: Sendable {
    var people: [Person] = []
    var customers: [Customer] = []
    var projects: [Project] = []
    var offerings: [Offering] = []
    /// Base of seeded timestamps: orders are created in the 120 days before this instant.
    let epochEnd: Int64 = Timestamp.day(2026, 11, 20)

    func person(token: String) -> Int? { people.firstIndex { $0.token == token } }
    func person(role: String) -> Int? { people.firstIndex { $0.role == role } }

    /// Builds the seeded world.
    static func build(seed: UInt64) -> Catalog {
        var rng = SeededRandom(seed: seed ^ 0xC0FF_EE00_D15E_A5E5)
        var c = Catalog()

        // Organisations: 0..3 consumers, 4..5 service providers.
        let customerNames: [(String, String)] = [
            ("Consumer Org A", "consumer-org-a"),
            ("Ångström Research AB", "angstrom-research"),
            ("東京大学 計算科学センター", "utokyo-ccs"),
            ("🚀 Rocket Labs Ltd", "rocket-labs"),
            ("Provider Org", "provider-org"),
            ("Nordic HPC Centre — Tromsø", "nordic-hpc"),
        ]
        c.customers = customerNames.map { Customer(uuid: rng.uuidPair(), name: $0.0, slug: $0.1) }

        let future = Timestamp.day(2031, 1, 1)
        let projectSpecs: [(String, String, Int, Bool)] = [
            ("Project A1", "First project of org A", 0, false),
            ("Project A2", "Second project of org A", 0, false),
            ("Project Future", "starts in the future", 0, true),
            ("Genomics pipeline — Ångström / Åsa", "", 1, false),
            ("気候シミュレーション 2026", "大気海洋結合モデルの高解像度実験", 2, false),
            ("Rocket 🚀 telemetry & ground-station data processing for the Kármán line programme, phase II (extended)", "A very long project name on purpose.", 3, false),
            ("Zoë's sandbox", "", 1, false),
        ]
        c.projects = projectSpecs.enumerated().map { i, p in
            Project(uuid: rng.uuidPair(), name: p.0, slug: "project-\(i + 1)", description: p.1, customer: p.2,
                    startDate: p.3 ? Timestamp.formatDay(future) : nil, startMicros: p.3 ? future : nil)
        }

        // People: the four role users first, then seeded creators.
        func token() -> String { rng.hex(40) }
        c.people = [
            Person(uuid: rng.uuidPair(), username: "staff", fullName: "Stella Staff", token: token(), role: "staff", isStaff: true,
                   ownedCustomers: [], memberProjects: []),
            Person(uuid: rng.uuidPair(), username: "consumer", fullName: "Carol Consumer", token: token(), role: "consumer", isStaff: false,
                   ownedCustomers: [0, 3], memberProjects: []),
            Person(uuid: rng.uuidPair(), username: "provider", fullName: "Peter Provider", token: token(), role: "provider", isStaff: false,
                   ownedCustomers: [4, 5], memberProjects: []),
            Person(uuid: rng.uuidPair(), username: "member", fullName: "Mia Møller-Ødegård", token: token(), role: "member", isStaff: false,
                   ownedCustomers: [], memberProjects: [0, 1, 3]),
            Person(uuid: rng.uuidPair(), username: "bjorn", fullName: "Björn Ångström", token: token(), role: "", isStaff: false,
                   ownedCustomers: [1], memberProjects: []),
            Person(uuid: rng.uuidPair(), username: "tanaka", fullName: "田中 太郎", token: token(), role: "", isStaff: false,
                   ownedCustomers: [2], memberProjects: []),
            Person(uuid: rng.uuidPair(), username: "zoe", fullName: "Zoë Ça Ñúñez 👩‍🔬", token: token(), role: "", isStaff: false,
                   ownedCustomers: [], memberProjects: [4, 5, 6]),
        ]

        let compute = rng.uuidPair(), storage = rng.uuidPair(), hpc = rng.uuidPair(), consulting = rng.uuidPair()
        func comp(_ type: String, _ name: String, _ unit: String, _ billing: String) -> Component {
            Component(uuid: rng.uuidPair(), type: type, name: name, measuredUnit: unit, billingType: billing)
        }
        func plan(_ name: String, _ prices: [String], unit: String = "month") -> Plan {
            Plan(uuid: rng.uuidPair(), name: name, description: "\(name) plan", unit: unit, prices: prices)
        }
        let created = c.epochEnd - 200 * 86_400_000_000
        c.offerings = [
            Offering(uuid: rng.uuidPair(), name: "Basic VM", slug: "basic-vm-1", description: "Basic VM (eval)", type: "Marketplace.Basic",
                     provider: 4, categoryUUID: compute, categoryTitle: "Compute",
                     components: [comp("cpu", "CPU", "cores", "limit"), comp("ram", "RAM", "GB", "limit"), comp("storage", "Storage", "GB", "usage")],
                     plans: [plan("Small", ["2.5", "1.0", "0.1"]), plan("Large", ["2.0", "0.8", "0.08"])],
                     created: created, resourceType: nil, stem: "basic-vm"),
            Offering(uuid: rng.uuidPair(), name: "Object Storage", slug: "object-storage-1", description: "Object Storage (eval)", type: "Marketplace.Basic",
                     provider: 4, categoryUUID: storage, categoryTitle: "Storage",
                     components: [comp("storage", "Storage", "TB", "limit"), comp("base", "Base fee", "month", "fixed")],
                     plans: [plan("Bronze", ["0", "10.0"]), plan("Silver", ["4.5", "25.0"])],
                     created: created + 1_000_000, resourceType: nil, stem: "object-storage"),
            Offering(uuid: rng.uuidPair(), name: "HPC Allocation", slug: "hpc-allo-1", description: "HPC Allocation (eval)", type: "Marketplace.Slurm",
                     provider: 5, categoryUUID: hpc, categoryTitle: "HPC",
                     components: [comp("cpu", "CPU hours", "hours", "limit"), comp("gpu", "GPU hours", "hours", "limit"), comp("ram", "RAM GB-hours", "GB-hours", "limit")],
                     plans: [plan("Default", ["0.01", "0.5", "0.001"])],
                     created: created + 2_000_000, resourceType: "SLURM.Allocation", stem: "hpc-allocation"),
            Offering(uuid: rng.uuidPair(), name: "Remote VPC (Waldur Å)", slug: "remote-vpc-1", description: "Waldur-to-Waldur VPC", type: "Marketplace.Remote",
                     provider: 5, categoryUUID: compute, categoryTitle: "Compute",
                     components: [comp("cores", "Cores", "cores", "limit"), comp("ram", "RAM", "GB", "limit")],
                     plans: [plan("Standard", ["1.2", "0.4"]), plan("Premium", ["2.4", "0.8"])],
                     created: created + 3_000_000, resourceType: "Marketplace.Resource", stem: "remote-vpc"),
            Offering(uuid: rng.uuidPair(), name: "OpenStack Tenant", slug: "openstack-tenant-1", description: "Private cloud tenant", type: "OpenStack.Tenant",
                     provider: 4, categoryUUID: compute, categoryTitle: "Compute",
                     components: [comp("cores", "Cores", "cores", "limit"), comp("ram", "RAM", "GB", "limit"), comp("storage", "Storage", "GB", "limit"),
                                  comp("setup", "Setup fee", "once", "one")],
                     plans: [plan("Tenant S", ["1.0", "0.25", "0.01", "50.0"]), plan("Tenant L", ["0.9", "0.2", "0.008", "50.0"])],
                     created: created + 4_000_000, resourceType: "OpenStack.Tenant", stem: "tenant"),
            Offering(uuid: rng.uuidPair(), name: "Consulting hours", slug: "consulting-1", description: "Expert help, billed monthly", type: "Support.OfferingTemplate",
                     provider: 4, categoryUUID: consulting, categoryTitle: "Consulting",
                     components: [comp("hours", "Hours", "h", "limit")],
                     plans: [plan("Hourly", ["95.0"])],
                     created: created + 5_000_000, resourceType: "Support.Issue", stem: "consulting-hours"),
            Offering(uuid: rng.uuidPair(), name: "GPU partition Ξ (A100)", slug: "gpu-xi-1", description: "", type: "Marketplace.Slurm",
                     provider: 5, categoryUUID: hpc, categoryTitle: "HPC",
                     components: [comp("gpu", "GPU hours", "hours", "limit"), comp("cpu", "CPU hours", "hours", "limit")],
                     plans: [plan("Research", ["0.75", "0.01"]), plan("Industry", ["1.5", "0.02"])],
                     created: created + 6_000_000, resourceType: "SLURM.Allocation", stem: "gpu-xi"),
        ]
        for i in c.offerings.indices {
            c.offerings[i].limitComponents = c.offerings[i].components.indices.filter { c.offerings[i].components[$0].billingType == "limit" }
        }
        return c
    }
}
