import Foundation
import WaldurClient

extension SandboxStore {
    /// The path segments after `/api/` of a hyperlink.
    static func segments(_ url: String) -> [Substring] {
        let path = url.split(separator: "?").first ?? ""
        guard let api = path.range(of: "/api/") else { return [] }
        return path[api.upperBound...].split(separator: "/")
    }

    /// `POST /marketplace-orders/`: validates like the serializer, field by field, then creates in the state the creator's rights give.
    func create(_ req: SandboxRequest, _ access: Access) -> HTTPAnswer {
        let allow = HTTPAnswer.collectionAllow
        let members: [(String, JSONValue)]
        switch bodyMembers(req, allow) {
        case let .failure(box): return box.answer
        case let .success(m): members = m
        }
        var errors: [(String, JSONValue)] = []
        func fail(_ key: String, _ text: String) { errors.append((key, .array([.string(text)]))) }

        func hyperlink(_ key: String, required: Bool, incorrect: (String) -> Bool = { _ in false }, resolve: (String) -> Int??) -> Int? {
            guard let v = members.value(key) else {
                if required { fail(key, "This field is required.") }
                return nil
            }
            guard case let .string(s) = v else {
                if v.isNull {
                    if required { fail(key, "This field may not be null.") }
                } else {
                    fail(key, "Incorrect type. Expected URL string, received \(FormData.pythonType(v)).")
                }
                return nil
            }
            if incorrect(s) {
                fail(key, "Invalid hyperlink - Incorrect URL match.")
                return nil
            }
            switch resolve(s) {
            case nil: fail(key, "Invalid hyperlink - No URL match.")
            case .some(nil): fail(key, "Invalid hyperlink - Object does not exist.")
            case let .some(i?): return i
            }
            return nil
        }
        let offering = hyperlink("offering", required: true) { url -> Int?? in
            let s = Self.segments(url)
            guard s.count == 2, ["marketplace-public-offerings", "marketplace-provider-offerings", "marketplace-offerings"].contains(s[0]),
                  let k = UUIDKey(parsing: s[1]) else { return nil }
            return .some(self.catalog.offerings.firstIndex { $0.uuid == k })
        }
        var planOffering: Int?
        // As the real server (2024-10): a plan is linked under its public offering; a `marketplace-plans/UUID/` link
        // resolves to another view and is refused as an incorrect match.
        let plan = hyperlink("plan", required: false, incorrect: { url in
            let s = Self.segments(url)
            return s.count == 2 && s[0] == "marketplace-plans"
        }) { url -> Int?? in
            let s = Self.segments(url)
            guard s.count == 4, s[0] == "marketplace-public-offerings", s[2] == "plans", let k = UUIDKey(parsing: s[3]) else { return nil }
            for (oi, off) in self.catalog.offerings.enumerated() {
                if let pi = off.plans.firstIndex(where: { $0.uuid == k }) {
                    planOffering = oi
                    return .some(pi)
                }
            }
            return .some(nil)
        }
        var attributes: JSONValue?
        if let a = members.value("attributes"), !a.isNull {
            if case .object = a { attributes = a } else { fail("attributes", "Expected a dictionary of items but got type \"\(FormData.pythonType(a))\".") }
        }
        var limits: [(String, Int)] = []
        if let l = members.value("limits"), !l.isNull {
            if case let .object(m) = l {
                var nested: [(String, JSONValue)] = []
                for (k, v) in m {
                    switch v {
                    case let .number(n) where Int(n) != nil: limits.append((k, Int(n) ?? 0))
                    case let .string(s) where Int(s.trimmed) != nil: limits.append((k, Int(s.trimmed) ?? 0))
                    default: nested.append((k, .array([.string("A valid integer is required.")])))
                    }
                }
                if !nested.isEmpty { errors.append(("limits", .object(nested))) }
            } else {
                fail("limits", "Expected a dictionary of items but got type \"\(FormData.pythonType(l))\".")
            }
        }
        if let t = members.value("accepting_terms_of_service"), !t.isNull, t.boolValue == nil { fail("accepting_terms_of_service", "Must be a valid boolean.") }
        var callback: String?
        if let c = members.value("callback_url"), !c.isNull {
            if let s = c.stringValue, s.hasPrefix("http://") || s.hasPrefix("https://"), s.count > 8 { callback = s } else { fail("callback_url", "Enter a valid URL.") }
        }
        var comment: String?
        if let c = members.value("request_comment"), !c.isNull {
            if let s = c.stringValue { comment = s } else { fail("request_comment", "Not a valid string.") }
        }
        var type: OrderType = .create
        if let t = members.value("type"), !t.isNull {
            let text = t.stringValue ?? t.displayText
            let parsed = OrderType(wire: text)
            if case .unknown = parsed { fail("type", "\"\(text)\" is not a valid choice.") } else { type = parsed }
        }
        var startDate: String?
        var startMicros: Int64?
        if let d = members.value("start_date"), !d.isNull {
            let text = d.stringValue ?? ""
            let parts = text.split(separator: "-")
            if text.count == 10, parts.count == 3, Int(parts[0]) != nil, let m = Int(parts[1]), let dd = Int(parts[2]),
               (1...12).contains(m), (1...31).contains(dd), let t = Timestamp.parse(text) {
                startDate = text
                startMicros = t
            } else {
                fail("start_date", "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.")
            }
        }
        let project = hyperlink("project", required: true) { url -> Int?? in
            let s = Self.segments(url)
            guard s.count == 2, s[0] == "projects", let k = UUIDKey(parsing: s[1]) else { return nil }
            guard let p = self.catalog.projects.firstIndex(where: { $0.uuid == k }), access.canOrder(inProject: p) else { return .some(nil) }
            return .some(p)
        }
        if !errors.isEmpty { return .json(400, .object(errors), allow: allow) }
        guard let offering, let project else { return .fields([("non_field_errors", "Invalid data.")], allow: allow) }
        if plan != nil, planOffering != offering { return .fields([("plan", "This plan is not available for selected offering.")], allow: allow) }
        let off = catalog.offerings[offering]
        if plan == nil && !off.plans.isEmpty && type == .create {
            return .fields([("plan", "This field is required.")], allow: allow)
        }

        let now = stamp()
        let aligned = off.limitComponents.map { ci in limits.last { $0.0 == off.components[ci].type }?.1 ?? 0 }
        let name = attributes?["name"]?.stringValue ?? ""
        var order = StoredOrder(
            key: rng.uuidPair(), seq: (orders.last?.seq ?? 0) + 1, offering: offering, plan: plan, oldPlan: nil, project: project,
            type: type, state: .pendingConsumer, created: now, modified: now, createdBy: access.user, limits: aligned,
            resourceName: name, resourceKey: rng.uuidPair(), pluginResourceKey: rng.uuidPair())
        order.attributesOverride = attributes ?? .object([])
        order.limitsOverride = .object(limits.map { ($0.0, .number(String($0.1))) })
        order.requestComment = comment
        order.callbackURL = callback
        order.startDate = startDate
        order.startMicros = startMicros
        if let plan {
            let cost = off.cost(plan: plan, limits: aligned)
            order.cost = cost
            order.oldCost = cost
            order.newCost = cost
        }
        // Consumer review is skipped when the creator could approve anyway.
        if access.canApproveAsConsumer(project: project) {
            order.consumerReviewer = access.user
            order.consumerReviewedAt = now
            if let start = catalog.projects[project].startMicros, start > now {
                order.state = .pendingProject
            } else if off.needsProviderReview {
                order.state = .pendingProvider
            } else {
                order.state = (startMicros ?? 0) > now ? .pendingStartDate : .executing
            }
        }
        orders.append(order)
        index[order.key] = orders.count - 1
        let r = OrderRenderer(catalog: catalog, access: access, origin: req.origin, fields: [])
        var answer = HTTPAnswer.json(201, r.renderCreated(order), allow: allow)
        answer.headers.append(("Location", r.orderURL(order)))
        return answer
    }
}
