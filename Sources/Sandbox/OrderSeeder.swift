import Foundation
import WaldurClient

/// Generates the seeded order queue: deterministic for a seed, covering every state, type and role.
struct OrderSeeder {
    let catalog: Catalog
    var rng: SeededRandom

    let ownersByCustomer: [[Int]]
    let membersByProject: [[Int]]

    init(catalog: Catalog, seed: UInt64) {
        self.catalog = catalog
        self.rng = SeededRandom(seed: seed ^ 0x0DDB_A11C_AFE0_0001)
        ownersByCustomer = catalog.customers.indices.map { c in catalog.people.indices.filter { catalog.people[$0].ownedCustomers.contains(c) } }
        membersByProject = catalog.projects.indices.map { p in catalog.people.indices.filter { catalog.people[$0].memberProjects.contains(p) } }
    }

    /// A showcase prefix guarantees every state and type in every count; the rest is random.
    static let showcase: [(OrderState, Int, Int, OrderType)] = [
        (.pendingConsumer, 0, 0, .create), (.pendingConsumer, 1, 1, .create), (.pendingConsumer, 2, 0, .create),
        (.pendingConsumer, 3, 3, .create), (.pendingConsumer, 5, 0, .create), (.pendingConsumer, 0, 1, .update),
        (.pendingProvider, 0, 0, .create), (.pendingProvider, 1, 1, .create), (.pendingProvider, 2, 1, .create),
        (.pendingProvider, 0, 4, .update), (.pendingProvider, 6, 5, .create), (.pendingProvider, 1, 0, .terminate),
        (.pendingProject, 0, 2, .create), (.pendingProject, 4, 2, .create),
        (.pendingStartDate, 3, 1, .create), (.pendingStartDate, 0, 0, .create),
        (.executing, 0, 0, .create), (.executing, 2, 1, .create), (.executing, 3, 4, .create), (.executing, 5, 1, .create),
        (.executing, 4, 5, .update), (.executing, 2, 0, .terminate),
        (.done, 0, 0, .create), (.done, 0, 1, .update), (.done, 1, 3, .terminate), (.done, 4, 6, .create),
        (.erred, 2, 1, .create), (.erred, 6, 4, .create), (.erred, 0, 0, .create), (.erred, 3, 3, .update),
        (.canceled, 0, 0, .create), (.canceled, 5, 1, .create),
        (.rejected, 1, 0, .create), (.rejected, 2, 3, .create), (.rejected, 4, 5, .terminate),
    ]

    static let errors: [(String, String)] = [
        ("Slurm backend unreachable",
         "Traceback (most recent call last):\n  File \"/usr/src/waldur/src/waldur_mastermind/marketplace_slurm_remote/processors.py\", line 88, in process_order\n    client.create_allocation(order.resource)\n  File \"/usr/src/waldur/src/waldur_slurm/client.py\", line 141, in create_allocation\n    self._execute(\"sacctmgr\", \"-i\", \"add\", \"account\", name)\nConnectionError: slurmctld at hpc-login-1.example.org:6817 refused the connection"),
        ("Quota exceeded for project: cores limit 64, requested 128",
         "Traceback (most recent call last):\n  File \"/usr/src/waldur/src/waldur_openstack/backend.py\", line 512, in create_tenant\n    quotas.validate(request)\nwaldur_core.quotas.exceptions.QuotaValidationError: cores: 128 > 64"),
        ("OpenStack API error: 409 Conflict — Quota exceeded for resources: ['ram']",
         "Traceback (most recent call last):\n  File \"/usr/src/waldur/src/waldur_openstack/backend.py\", line 733, in pull_tenant\n    nova.servers.create(**kwargs)\nnovaclient.exceptions.Conflict: Quota exceeded for resources: ['ram'] (HTTP 409) (Request-ID: req-7c1e0b2a-9f3d-4f0e-8d61-2b9f5a4c1e77)"),
        ("Timed out waiting for the allocation to reach the OK state after 600 seconds",
         "Traceback (most recent call last):\n  File \"/usr/src/waldur/src/waldur_core/core/tasks.py\", line 290, in execute\n    self.wait_for_state(instance, 'OK', timeout=600)\nwaldur_core.core.exceptions.RuntimeStateException: timeout after 600 s"),
        ("Учётная запись заблокирована: обратитесь к администратору",
         "Traceback (most recent call last):\n  File \"/usr/src/waldur/src/waldur_mastermind/marketplace_remote/processors.py\", line 57, in process_order\n    raise RemoteError(response.text)\nRemoteError: 403 {\"detail\": \"Учётная запись заблокирована\"}"),
        ("", ""),
    ]

    static let specialNames = [
        "vm-café-über-naïve", "計算ノード-東京-3", "🔥hot-path-cache", "données-génomiques-Åsa",
        "a-very-long-resource-name-that-keeps-going-and-going-to-test-truncation-in-narrow-terminals-and-wide-ones-alike-because-operators-love-descriptive-names-like-this-one-number-0001",
        "Ωmega-Δ-Σ", "👩‍🔬-lab-🧪", "x",
    ]

    static let comments = ["", "Please process before Friday.", "Für das Projekt Ümlaut — dringend!", "至急お願いします。", "✅ approved by PI\nsecond line of the comment"]

    /// Orders for `count`, in creation order.
    mutating func make(count: Int) -> [StoredOrder] {
        var out: [StoredOrder] = []
        out.reserveCapacity(count)
        let span: Int64 = 120 * 86_400_000_000
        var clock = catalog.epochEnd - span
        let step = max(Int64(1), span / Int64(max(count, 1)))

        for i in 0..<count {
            clock += 1 + Int64(rng.below(Int(step * 2)))
            let spec: (OrderState, Int, Int, OrderType)
            if i < Self.showcase.count {
                spec = Self.showcase[i]
            } else {
                var state = weightedState()
                var project = rng.below(catalog.projects.count)
                if project == 2 { state = .pendingProject }
                if state == .pendingProject { project = 2 }
                if state == .pendingConsumer && project == 2 { project = 0 }
                let roll = rng.below(100)
                let type: OrderType = roll < 70 ? .create : roll < 88 ? .update : .terminate
                spec = (state, rng.below(catalog.offerings.count), project, type)
            }
            out.append(order(seq: i, state: spec.0, offering: spec.1, project: spec.2, type: spec.3, created: clock))
        }
        return out
    }

    mutating func weightedState() -> OrderState {
        switch rng.below(100) {
        case 0..<10: return .pendingConsumer
        case 10..<22: return .pendingProvider
        case 22..<24: return .pendingProject
        case 24..<27: return .pendingStartDate
        case 27..<37: return .executing
        case 37..<72: return .done
        case 72..<80: return .erred
        case 80..<88: return .canceled
        default: return .rejected
        }
    }

    func owners(ofCustomer c: Int) -> [Int] { ownersByCustomer[c] }
    func members(ofProject p: Int) -> [Int] { membersByProject[p] }

    mutating func order(seq: Int, state: OrderState, offering o: Int, project p: Int, type: OrderType, created: Int64) -> StoredOrder {
        let offering = catalog.offerings[o]
        let project = catalog.projects[p]
        let owners = owners(ofCustomer: project.customer)
        let members = members(ofProject: p)
        let staff = 0
        let providerOwners = self.owners(ofCustomer: offering.provider)
        // Orders waiting for the consumer were made by members without approval rights.
        let creator: Int
        if state == .pendingConsumer || (!members.isEmpty && rng.chance(0.3)) {
            creator = members.isEmpty ? (owners.first ?? staff) : rng.pick(members)
        } else {
            creator = owners.isEmpty ? staff : rng.pick(owners)
        }
        let limitCount = offering.limitComponents.count
        let plan = rng.below(offering.plans.count)
        var limits = (0..<limitCount).map { _ in [1, 2, 4, 8, 16, 100, 1000][rng.below(7)] }
        var order = StoredOrder(
            key: rng.uuidPair(), seq: seq, offering: o, plan: plan, oldPlan: nil, project: p, type: type, state: state,
            created: created, modified: created, createdBy: creator, limits: limits,
            resourceName: "", resourceKey: rng.uuidPair(), pluginResourceKey: rng.uuidPair())
        let n = seq + 1
        order.resourceName = rng.chance(0.06) ? rng.pick(Self.specialNames) : "\(offering.stem)-\(n)"
        if rng.chance(0.8) {
            order.attributeDescription = "order #\(n) by \(catalog.people[creator].username)"
        }
        if rng.chance(0.25) { order.requestComment = rng.pick(Self.comments) }
        let cost = offering.cost(plan: plan, limits: limits)
        switch type {
        case .update:
            if offering.plans.count > 1 && rng.chance(0.5) {
                var old = rng.below(offering.plans.count)
                if old == plan { old = (plan + 1) % offering.plans.count }
                order.oldPlan = old
                order.oldCost = offering.cost(plan: old, limits: limits)
            } else {
                let old = limits.map { max(1, $0 / 2) }
                if old == limits { limits = limits.map { $0 * 2 } }
                order.limits = limits
                order.oldLimits = old
                order.oldCost = offering.cost(plan: plan, limits: old)
            }
            order.cost = offering.cost(plan: plan, limits: order.limits)
            order.newCost = order.cost
        case .terminate:
            order.plan = nil
            order.limits = []
            order.oldCost = cost
            order.cost = nil
            order.newCost = nil
            if rng.chance(0.5) { order.terminationComment = rng.pick(["No longer needed", "Projekt beendet — danke!", "予算終了"]) }
        default:
            order.cost = cost
            order.oldCost = cost
            order.newCost = cost
        }

        // Reviews and timing, as the real lifecycle would have left them.
        var t = created + 20_000 + Int64(rng.below(2_000_000))
        func tick() -> Int64 { t += 1_000_000 + Int64(rng.below(3_600_000_000)); return t }
        let consumerReviewer = owners.contains(creator) ? creator : (owners.isEmpty ? staff : (rng.chance(0.85) ? rng.pick(owners) : staff))
        let providerReviewer = rng.chance(0.85) ? (providerOwners.first ?? staff) : staff
        func consumerReview() { order.consumerReviewer = consumerReviewer; order.consumerReviewedAt = owners.contains(creator) ? created + 40_000 : tick() }
        func providerReview() { order.providerReviewer = providerReviewer; order.providerReviewedAt = tick() }
        switch state {
        case .pendingConsumer:
            break
        case .pendingProvider:
            consumerReview()
        case .pendingProject:
            consumerReview()
        case .pendingStartDate:
            consumerReview()
            if offering.needsProviderReview { providerReview() }
            let start = catalog.epochEnd + Int64(30 + rng.below(300)) * 86_400_000_000
            order.startMicros = start
            order.startDate = Timestamp.formatDay(start)
        case .executing:
            consumerReview()
            if offering.needsProviderReview { providerReview() }
            if offering.resourceType == nil { order.backendID = rng.chance(0.3) ? "ext-\(rng.hex(8))" : "" }
        case .done:
            consumerReview()
            if offering.needsProviderReview { providerReview() }
            order.completedAt = tick()
            if rng.chance(0.5) { order.backendID = "vm-\(rng.hex(6))" }
        case .erred:
            consumerReview()
            if offering.needsProviderReview { providerReview() }
            let e = rng.pick(Self.errors)
            order.errorMessage = e.0
            order.errorTraceback = e.1
            _ = tick()
        case .canceled:
            if rng.chance(0.6) { consumerReview() }
        case .rejected:
            if offering.needsProviderReview && rng.chance(0.5) {
                consumerReview()
                providerReview()
            } else {
                order.consumerReviewer = owners.contains(creator) ? creator : (rng.chance(0.5) ? creator : consumerReviewer)
                order.consumerReviewedAt = tick()
            }
        case .unknown:
            break
        }
        order.modified = max(t, created + 50_000)
        return order
    }
}
