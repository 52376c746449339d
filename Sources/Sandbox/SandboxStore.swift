import Foundation
import WaldurClient

/// All sandbox state in one actor, so every request sees and changes it atomically.
actor SandboxStore {
    let catalog: Catalog
    var orders: [StoredOrder]
    var index: [UUIDKey: Int] = [:]
    var rng: SeededRandom
    var faultRNG: SeededRandom
    var faults: SandboxFaults
    var mutationCounts: [String: Int] = [:]
    /// Injected error answers by "status|scope".
    var injectedErrors: [String: Int] = [:]
    /// The last timestamp handed out; changes get strictly increasing `modified` values.
    var lastStamp: Int64
    let pageSizeMax = 300
    /// Per user: orders withdrawn from their view (`RunningSandbox.withdrawVisibility`).
    var hiddenOrders: [Int: Set<UUIDKey>] = [:]
    let pageSizeDefault = 10

    init(options: SandboxOptions, faults: SandboxFaults) {
        var catalog = Catalog.build(seed: options.seed)
        var seeder = OrderSeeder(catalog: catalog, seed: options.seed)
        var orders = seeder.make(count: max(0, options.orderCount))
        if options.hostile {
            var hostile = HostileSeeder(catalog: catalog, seed: options.seed)
            catalog = hostile.catalog
            orders += hostile.make(startSeq: orders.count, after: orders.last?.created ?? catalog.epochEnd)
        }
        self.catalog = catalog
        self.orders = orders
        var idx: [UUIDKey: Int] = [:]
        idx.reserveCapacity(orders.count)
        var last: Int64 = 0
        for (i, o) in orders.enumerated() {
            idx[o.key] = i
            last = max(last, o.modified)
        }
        self.index = idx
        self.lastStamp = last
        self.rng = SeededRandom(seed: options.seed ^ 0xA11C_E5E5_0000_0003)
        self.faultRNG = SeededRandom(seed: options.seed ^ 0xFA17_0000_0000_0007)
        self.faults = faults
    }

    /// A fresh timestamp, later than every earlier one.
    func stamp() -> Int64 {
        let t = max(Timestamp.now(), lastStamp + 1)
        lastStamp = t
        return t
    }

    func setFaults(_ f: SandboxFaults) { faults = f }

    /// Set by `stop()`, so stalled requests give up.
    var stopping = false
    func beginStop() { stopping = true }

    func injectedErrorCount(status: Int?, scope: String?) -> Int {
        injectedErrors.reduce(0) { sum, entry in
            let parts = entry.key.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return sum }
            let statusMatches = status.map { String($0) == parts[0] } ?? true
            let scopeMatches = scope.map { SandboxFaults.matches([$0], parts[1]) } ?? true
            return statusMatches && scopeMatches ? sum + entry.value : sum
        }
    }

    /// Every mutating request that reached the sandbox, over all orders and actions.
    var mutationTotal: Int { mutationCounts.values.reduce(0, +) }

    func mutationCount(order: String, action: String) -> Int {
        guard let k = UUIDKey(parsing: order) else { return mutationCounts["\(order)|\(action)"] ?? 0 }
        return mutationCounts["\(k.hex)|\(action)"] ?? 0
    }

    /// Counts a mutating request and decides its faults.
    func admit(_ route: Route) -> FaultDecision {
        if let m = route.mutation {
            let id = UUIDKey(parsing: m.id).map(\.hex) ?? String(m.id)
            mutationCounts["\(id)|\(m.action)", default: 0] += 1
        }
        var d = FaultDecision()
        let scope = route.scope
        for rule in faults.rules where SandboxFaults.matches(rule.scopes, scope) {
            switch rule.effect {
            case let .latency(ms): d.latencyMilliseconds += ms
            case let .error(p, status):
                if d.errorStatus == nil && faultRNG.chance(p) {
                    d.errorStatus = status
                    injectedErrors["\(status)|\(scope)", default: 0] += 1
                }
            case .stall: d.stall = true
            case .drop: d.drop = true
            case .truncate: d.truncate = true
            case .garbage: d.garbage = true
            }
        }
        return d
    }

    // MARK: Requests

    func handle(_ req: SandboxRequest) -> HTTPAnswer {
        let route = Route(method: req.method, path: req.path)
        if route == .notFound {
            // Django's APPEND_SLASH: a GET without the trailing slash is redirected.
            if (req.method == "GET" || req.method == "HEAD") && !req.path.hasSuffix("/") && Route(method: req.method, path: req.path + "/") != .notFound {
                let location = req.origin + req.path + "/" + (req.query.isEmpty ? "" : "?" + req.query)
                return HTTPAnswer(status: 301, headers: [("Location", location), ("Content-Type", "text/html; charset=utf-8")], body: [])
            }
            return .htmlNotFound(req.path)
        }
        let allow: String
        switch route {
        case .list, .create: allow = HTTPAnswer.collectionAllow
        case .retrieve, .destroy: allow = HTTPAnswer.detailAllow
        case .offering, .me: allow = HTTPAnswer.readAllow
        case .action: allow = HTTPAnswer.actionAllow
        case let .options(a), let .methodNotAllowed(_, a): allow = a
        case .notFound: allow = ""
        }
        let user: Int
        switch authenticate(req.authorization) {
        case let .success(u): user = u
        case let .failure(failure):
            var a = HTTPAnswer.detail(401, failure.message, allow: allow)
            a.headers.append(("WWW-Authenticate", "Token"))
            return a
        }
        var access = Access(catalog: catalog, user: user)
        access.hidden = hiddenOrders[user] ?? []
        switch route {
        case .list: return list(req, access)
        case .create: return create(req, access)
        case let .retrieve(id): return retrieve(id, req, access)
        case let .destroy(id): return perform(.destroy, id: id, req, access)
        case let .action(id, action): return perform(action, id: id, req, access)
        case let .offering(id): return offering(id, req, access)
        case .me:
            let p = access.person
            return .json(200, .object([
                ("url", .string(req.origin + "/api/users/\(p.uuid.hex)/")), ("uuid", .string(p.uuid.hex)),
                ("username", .string(p.username)), ("full_name", .string(p.fullName)),
                ("is_staff", .bool(p.isStaff)), ("is_support", .bool(false)),
            ]), allow: allow)
        case let .options(a): return .empty(200, allow: a)
        case let .methodNotAllowed(m, a): return .methodNotAllowed(m, allow: a)
        case .notFound: return .htmlNotFound(req.path)
        }
    }

    /// DRF's TokenAuthentication, with the recorded texts; `Bearer` is accepted for personal access tokens.
    func authenticate(_ header: String?) -> Result<Int, AuthFailure> {
        guard let header, !header.isEmpty else { return .failure(AuthFailure("Authentication credentials were not provided.")) }
        let parts = header.split(separator: " ", omittingEmptySubsequences: true)
        guard let scheme = parts.first?.lowercased(), scheme == "token" || scheme == "bearer" else {
            return .failure(AuthFailure("Authentication credentials were not provided."))
        }
        if parts.count == 1 { return .failure(AuthFailure("Invalid token header. No credentials provided.")) }
        if parts.count > 2 { return .failure(AuthFailure("Invalid token. Token string should not contain spaces.")) }
        guard let u = catalog.person(token: String(parts[1])), !catalog.people[u].token.isEmpty else {
            return .failure(AuthFailure("Invalid token."))
        }
        return .success(u)
    }

    /// The visible, live order a path id names.
    func lookup(_ id: Substring, _ access: Access) -> Int? {
        guard let key = UUIDKey(parsing: id), let i = index[key], !orders[i].deleted, access.canSee(orders[i]) else { return nil }
        return i
    }

    func renderer(_ req: SandboxRequest, _ access: Access, fields: Set<String> = []) -> OrderRenderer {
        OrderRenderer(catalog: catalog, access: access, origin: req.origin, fields: fields)
    }

    // MARK: Reads

    func retrieve(_ id: Substring, _ req: SandboxRequest, _ access: Access) -> HTTPAnswer {
        guard let i = lookup(id, access) else { return .notFoundOrder(allow: HTTPAnswer.detailAllow) }
        let q = QueryString(parsing: Substring(req.query))
        let fields = Set(q.values("field").flatMap { $0.split(separator: ",").map(String.init) })
        return .json(200, renderer(req, access, fields: fields).render(orders[i]), allow: HTTPAnswer.detailAllow)
    }

    func offering(_ id: Substring, _ req: SandboxRequest, _ access: Access) -> HTTPAnswer {
        guard let i = lookup(id, access) else { return .notFoundOrder(allow: HTTPAnswer.readAllow) }
        let o = orders[i].offering
        let count = orders.reduce(0) { $0 + ($1.offering == o && !$1.deleted ? 1 : 0) }
        return .json(200, OfferingRenderer(catalog: catalog, origin: req.origin, orderCount: count).render(o), allow: HTTPAnswer.readAllow)
    }

    func list(_ req: SandboxRequest, _ access: Access) -> HTTPAnswer {
        let q = QueryString(parsing: Substring(req.query))
        let filter: ListFilter
        switch ListFilter.parse(q) {
        case let .success(f): filter = f
        case let .failure(box): return box.answer
        }
        var matched = matching(filter, access)
        sort(&matched, by: filter.ordering)

        let pageSize: Int = {
            guard let v = q.last("page_size"), let n = Int(v.trimmed), n > 0 else { return pageSizeDefault }
            return min(n, pageSizeMax)
        }()
        let pages = max(1, (matched.count + pageSize - 1) / pageSize)
        let page: Int
        let pageText = q.last("page") ?? ""
        if pageText.isEmpty {
            page = 1
        } else if pageText == "last" {
            page = pages
        } else if let n = Int(pageText), n >= 1, n <= pages {
            page = n
        } else {
            return .detail(404, "Invalid page.", allow: HTTPAnswer.collectionAllow)
        }
        let slice = matched.dropFirst((page - 1) * pageSize).prefix(pageSize)
        let fields = Set(q.values("field").flatMap { $0.split(separator: ",").map(String.init) })
        let r = renderer(req, access, fields: fields)
        var body: [UInt8] = []
        body.reserveCapacity(slice.count * (fields.isEmpty ? 2600 : 80) + 2)
        body.append(91)
        for (n, i) in slice.enumerated() {
            if n > 0 { body.append(44) }
            ByteJSONWriter.write(r.render(orders[i]), into: &body)
        }
        body.append(93)

        // Link like Waldur's LinkHeaderPagination: first, prev, next, last; DRF's sorted query rewriting.
        let base = req.origin + req.path
        func link(_ p: Int?) -> String {
            let query = p.map { q.replacing("page", with: String($0)) } ?? q.replacing("page", with: nil)
            return query.isEmpty ? base : base + "?" + query
        }
        var links = ["<\(link(nil))>; rel=\"first\""]
        if page > 1 { links.append("<\(link(page == 2 ? nil : page - 1))>; rel=\"prev\"") }
        if page < pages { links.append("<\(link(page + 1))>; rel=\"next\"") }
        links.append("<\(link(pages == 1 ? nil : pages))>; rel=\"last\"")
        return HTTPAnswer(status: 200, headers: [
            ("Content-Type", "application/json"),
            ("X-Result-Count", String(matched.count)),
            ("Link", links.joined(separator: ", ")),
            ("Allow", HTTPAnswer.collectionAllow),
        ], body: body)
    }

    /// Indexes of visible orders passing every filter, in creation order.
    func matching(_ f: ListFilter, _ access: Access) -> [Int] {
        let cat = catalog
        var queryKey: UUIDKey?
        var needle: String?
        if let text = f.query {
            if let k = UUIDKey(parsing: text.trimmed), let i = index[k], !orders[i].deleted, access.canSee(orders[i]) {
                queryKey = k
            } else {
                needle = text.lowercased()
            }
        }
        let projectNames = cat.projects.map { $0.name.lowercased() }
        let managerOf: Set<Int>? = f.serviceManager.map { key -> Set<Int> in
            guard let key, let p = cat.people.first(where: { $0.uuid == key }) else { return [] }
            return p.ownedCustomers
        }
        // Per-project and per-offering facts, so the scan touches only a few fields of each order.
        let person = cat.people[access.user]
        let staff = person.isStaff
        let projectVisible = cat.projects.indices.map { person.memberProjects.contains($0) || person.ownedCustomers.contains(cat.projects[$0].customer) }
        let offeringVisible = cat.offerings.map { person.ownedCustomers.contains($0.provider) }
        let projectOK = cat.projects.indices.map { p -> Bool in
            if let k = f.projectUUID, cat.projects[p].uuid != k { return false }
            if let k = f.customerUUID, cat.customers[cat.projects[p].customer].uuid != k { return false }
            return true
        }
        let offeringOK = cat.offerings.map { off -> Bool in
            if !f.offeringUUIDs.isEmpty && !f.offeringUUIDs.contains(off.uuid) { return false }
            if let k = f.categoryUUID, off.categoryUUID != k { return false }
            if let k = f.providerUUID, cat.customers[off.provider].uuid != k { return false }
            if f.parentOfferingUUID != nil { return false }
            if let m = managerOf, !m.contains(off.provider) { return false }
            if let k = f.offeringURLKey, k != off.uuid { return false }
            if !f.offeringSlugs.isEmpty && !f.offeringSlugs.contains(off.slug) { return false }
            if !f.offeringTypes.isEmpty && !f.offeringTypes.contains(off.type) { return false }
            return true
        }
        let consumerApprover = cat.projects.indices.map { staff || person.ownedCustomers.contains(cat.projects[$0].customer) }
        let providerApprover = cat.offerings.map { staff || person.ownedCustomers.contains($0.provider) }
        let states = f.states, types = f.types
        var out: [Int] = []
        out.reserveCapacity(min(orders.count, 4096))
        orders.withUnsafeBufferPointer { buf in
            for i in buf.indices {
                let p = buf[i].project, off = buf[i].offering
                if buf[i].deleted { continue }
                if !access.hidden.isEmpty, access.hidden.contains(buf[i].key) { continue }
                if !staff && !projectVisible[p] && !offeringVisible[off] { continue }
                if !projectOK[p] || !offeringOK[off] { continue }
                if let k = queryKey, buf[i].key != k { continue }
                if let n = needle, !projectNames[p].contains(n), !buf[i].resourceName.lowercased().contains(n) { continue }
                if !states.isEmpty && !states.contains(buf[i].state) { continue }
                if !types.isEmpty && !types.contains(buf[i].type) { continue }
                if let k = f.resourceUUID, buf[i].resourceKey != k { continue }
                if let k = f.resourceURLKey, k != buf[i].resourceKey { continue }
                if let t = f.createdSince, buf[i].created < t { continue }
                if let t = f.modifiedSince, buf[i].modified < t { continue }
                if let v = f.canApproveAsConsumer {
                    if buf[i].state != .pendingConsumer { continue }
                    if v && !consumerApprover[p] { continue }
                }
                if let v = f.canApproveAsProvider {
                    if buf[i].state != .pendingProvider { continue }
                    if v && !providerApprover[off] { continue }
                }
                out.append(i)
            }
        }
        return out
    }

    /// Waldur's numeric state codes, which `o=state` sorts by.
    static func stateCode(_ s: OrderState) -> Int {
        switch s {
        case .pendingConsumer: return 1
        case .executing: return 2
        case .done: return 3
        case .erred: return 4
        case .canceled: return 5
        case .rejected: return 6
        case .pendingProvider: return 7
        case .pendingProject: return 8
        case .pendingStartDate: return 9
        case .unknown: return 99
        }
    }

    /// Sorts by `o` keys (PostgreSQL puts NULLs last ascending, first descending); ties keep creation order.
    func sort(_ idx: inout [Int], by keys: [String]) {
        guard !keys.isEmpty, idx.count > 1 else { return }
        // Extract each key once per order, then sort positions by the extracted columns.
        enum Column { case ints([Int64?]), decimals([Decimal?]) }
        var columns: [(Column, Bool)] = []
        for key in keys {
            let desc = key.hasPrefix("-")
            let name = desc ? String(key.dropFirst()) : key
            switch name {
            case "created": columns.append((.ints(idx.map { orders[$0].created }), desc))
            case "state": columns.append((.ints(idx.map { Int64(Self.stateCode(orders[$0].state)) }), desc))
            case "consumer_reviewed_at": columns.append((.ints(idx.map { orders[$0].consumerReviewedAt }), desc))
            case "cost": columns.append((.decimals(idx.map { orders[$0].cost }), desc))
            default: break
            }
        }
        let seqs = idx.map { orders[$0].seq }
        var positions = Array(idx.indices)
        positions.sort { a, b in
            for (column, desc) in columns {
                let c: Int
                switch column {
                case let .ints(v): c = Self.compareOptional(v[a], v[b], desc: desc)
                case let .decimals(v): c = Self.compareOptional(v[a], v[b], desc: desc)
                }
                if c != 0 { return desc ? c > 0 : c < 0 }
            }
            return seqs[a] < seqs[b]
        }
        idx = positions.map { idx[$0] }
    }

    static func compare<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : a > b ? 1 : 0 }

    /// NULLs compare as larger than any value, so they come last ascending and first descending.
    static func compareOptional<T: Comparable>(_ a: T?, _ b: T?, desc: Bool) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case let (x?, y?): return compare(x, y)
        }
    }
}

/// A 401 text.
struct AuthFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
