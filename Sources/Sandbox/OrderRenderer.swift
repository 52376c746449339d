import Foundation
import WaldurClient

/// Renders stored orders in the recorded wire shapes: list/retrieve, and the create (201) shape.
struct OrderRenderer {
    let catalog: Catalog
    let access: Access
    /// `http://host:port`, taken from the request's Host header like Django's build_absolute_uri.
    let origin: String
    /// Only these keys when non-empty (`field=`).
    let fields: Set<String>
    /// Members that depend only on the offering, plan or project, built once per request.
    let offeringBlocks: [[(String, JSONValue)]]
    let planBlocks: [[[(String, JSONValue)]]]
    let projectBlocks: [[(String, JSONValue)]]

    init(catalog: Catalog, access: Access, origin: String, fields: Set<String>) {
        self.catalog = catalog
        self.access = access
        self.origin = origin
        self.fields = fields
        offeringBlocks = catalog.offerings.map { off in
            let provider = catalog.customers[off.provider]
            return [
                ("offering", .string("\(origin)/api/marketplace-public-offerings/\(off.uuid.hex)/")),
                ("offering_name", .string(off.name)),
                ("offering_uuid", .string(off.uuid.hex)),
                ("offering_description", .string(off.description)),
                ("offering_image", .null),
                ("offering_thumbnail", .null),
                ("offering_type", .string(off.type)),
                ("offering_terms_of_service", .string("")),
                ("offering_shared", .bool(true)),
                ("offering_billable", .bool(true)),
                ("offering_plugin_options", .object([])),
                ("provider_name", .string(provider.name)),
                ("provider_uuid", .string(provider.uuid.hex)),
                ("provider_slug", .string(provider.slug)),
                ("category_title", .string(off.categoryTitle)),
                ("category_uuid", .string(off.categoryUUID.hex)),
                ("category_icon", .null),
            ]
        }
        planBlocks = catalog.offerings.map { off in
            off.plans.map { plan in
                [
                    ("plan", .string("\(origin)/api/marketplace-public-offerings/\(off.uuid.hex)/plans/\(plan.uuid.hex)/")),
                    ("plan_unit", .string(plan.unit)),
                    ("plan_name", .string(plan.name)),
                    ("plan_uuid", .string(plan.uuid.hex)),
                    ("plan_description", .string(plan.description)),
                ]
            }
        }
        projectBlocks = catalog.projects.map { project in
            let customer = catalog.customers[project.customer]
            return [
                ("customer_name", .string(customer.name)),
                ("customer_uuid", .string(customer.uuid.hex)),
                ("customer_slug", .string(customer.slug)),
                ("project_name", .string(project.name)),
                ("project_uuid", .string(project.uuid.hex)),
                ("project_description", .string(project.description)),
                ("project_slug", .string(project.slug)),
            ]
        }
    }

    func offeringURL(_ o: Int) -> String { "\(origin)/api/marketplace-public-offerings/\(catalog.offerings[o].uuid.hex)/" }
    func planURL(_ o: Int, _ p: Int) -> String {
        "\(origin)/api/marketplace-public-offerings/\(catalog.offerings[o].uuid.hex)/plans/\(catalog.offerings[o].plans[p].uuid.hex)/"
    }
    func projectURL(_ p: Int) -> String { "\(origin)/api/projects/\(catalog.projects[p].uuid.hex)/" }
    func userURL(_ u: Int) -> String { "\(origin)/api/users/\(catalog.people[u].uuid.hex)/" }
    func orderURL(_ o: StoredOrder) -> String { "\(origin)/api/marketplace-orders/\(o.key.hex)/" }
    func attachmentURL(_ name: String) -> String { "\(origin)/media/marketplace_order_attachments/\(name)" }

    static func stamp(_ v: Int64?) -> JSONValue { v.map { .string(Timestamp.format($0)) } ?? .null }
    static func str(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }

    func attributes(_ o: StoredOrder) -> JSONValue {
        if let a = o.attributesOverride { return a }
        var m: [(String, JSONValue)] = []
        if let old = o.oldLimits { m.append(("old_limits", limitsObject(o.offering, old))) }
        if o.type == .create {
            m.append(("name", .string(o.resourceName)))
            if let d = o.attributeDescription { m.append(("description", .string(d))) }
        }
        return .object(m)
    }

    func limitsObject(_ offering: Int, _ values: [Int]) -> JSONValue {
        let off = catalog.offerings[offering]
        return .object(zip(off.limitComponents, values).map { (off.components[$0.0].type, .number(String($0.1))) })
    }

    /// Whether the caller could cancel the order now (what `can_terminate` means).
    func canTerminate(_ o: StoredOrder) -> Bool {
        let a = SandboxAction.cancel
        guard a.permitted(access, o), a.validStates?.contains(o.state) ?? true else { return false }
        return a.offeringTypes?.contains(catalog.offerings[o.offering].type) ?? true
    }

    /// The list/retrieve shape: unset related fields left out, `error_traceback` for staff only.
    func render(_ o: StoredOrder) -> JSONValue {
        var m: [(String, JSONValue)] = []
        m.reserveCapacity(72)
        let trim = !fields.isEmpty
        func add(_ key: String, _ value: @autoclosure () -> JSONValue) {
            if !trim || fields.contains(key) { m.append((key, value())) }
        }
        func addBlock(_ block: [(String, JSONValue)]) {
            if trim { m += block.filter { fields.contains($0.0) } } else { m += block }
        }
        let off = catalog.offerings[o.offering]
        addBlock(offeringBlocks[o.offering])
        if let p = o.plan { addBlock(planBlocks[o.offering][p]) } else { add("plan", .null) }
        add("attributes", attributes(o))
        add("limits", o.limitsOverride ?? limitsObject(o.offering, o.limits))
        add("uuid", .string(o.key.hex))
        add("created", .string(Timestamp.format(o.created)))
        add("modified", .string(Timestamp.format(o.modified)))
        add("type", .string(o.type.wire))
        let hasPluginResource = off.resourceType != nil && [.executing, .done, .erred].contains(o.state)
        add("resource_uuid", hasPluginResource ? .string(o.pluginResourceKey.hex) : .null)
        add("resource_type", hasPluginResource ? Self.str(off.resourceType) : .null)
        add("resource_name", .string(o.resourceName))
        add("cost", o.cost.map { .string(MoneyText.tenPlaces($0)) } ?? .null)
        add("state", .string(o.state.wire))
        add("output", .string(""))
        add("marketplace_resource_uuid", .string(o.resourceKey.hex))
        add("error_message", .string(o.errorMessage))
        if access.isStaff { add("error_traceback", .string(o.errorTraceback)) }
        add("callback_url", Self.str(o.callbackURL))
        add("completed_at", Self.stamp(o.completedAt))
        add("request_comment", Self.str(o.requestComment))
        add("attachment", o.attachment.map { .string(attachmentURL($0)) } ?? .null)
        add("start_date", Self.str(o.startDate))
        if let r = o.consumerReviewer {
            add("consumer_reviewed_by", .string(catalog.people[r].username))
            add("consumer_reviewed_by_full_name", .string(catalog.people[r].fullName))
            add("consumer_reviewed_by_username", .string(catalog.people[r].username))
        }
        add("consumer_reviewed_at", Self.stamp(o.consumerReviewedAt))
        if let r = o.providerReviewer {
            add("provider_reviewed_by", .string(catalog.people[r].username))
            add("provider_reviewed_by_full_name", .string(catalog.people[r].fullName))
            add("provider_reviewed_by_username", .string(catalog.people[r].username))
        }
        add("provider_reviewed_at", Self.stamp(o.providerReviewedAt))
        add("created_by_username", .string(catalog.people[o.createdBy].username))
        add("created_by_full_name", .string(catalog.people[o.createdBy].fullName))
        add("created_by_civil_number", .null)
        addBlock(projectBlocks[o.project])
        if let p = o.oldPlan {
            add("old_plan_name", .string(off.plans[p].name))
        }
        if let p = o.plan { add("new_plan_name", .string(off.plans[p].name)) }
        if let p = o.oldPlan { add("old_plan_uuid", .string(off.plans[p].uuid.hex)) }
        if let p = o.plan { add("new_plan_uuid", .string(off.plans[p].uuid.hex)) }
        add("old_cost_estimate", o.oldCost.map { .number(MoneyText.floatLiteral($0)) } ?? .null)
        add("new_cost_estimate", o.newCost.map { .number(MoneyText.floatLiteral($0)) } ?? .null)
        add("can_terminate", .bool(canTerminate(o)))
        add("fixed_price", .number(MoneyText.priceLiteral(o.plan.map { off.fixedPrice(plan: $0) } ?? 0)))
        add("activation_price", .number(MoneyText.priceLiteral(o.plan.map { off.activationPrice(plan: $0) } ?? 0)))
        add("termination_comment", Self.str(o.terminationComment))
        add("backend_id", .string(o.backendID))
        add("issue", .null)
        if let overrides = o.wireOverrides {
            for (k, v) in overrides {
                if let at = m.firstIndex(where: { $0.0 == k }) { m[at].1 = v }
            }
        }
        return .object(m)
    }

    /// The 201 shape of create: hyperlinks for creator, reviewer and project; no slugs or estimates.
    func renderCreated(_ o: StoredOrder) -> JSONValue {
        let project = catalog.projects[o.project]
        let customer = catalog.customers[project.customer]
        // The offering and plan members of the list shape, less the provider's slug.
        var m = offeringBlocks[o.offering].filter { $0.0 != "provider_slug" }
        if let p = o.plan {
            m += planBlocks[o.offering][p]
        } else {
            m.append(("plan", .null))
        }
        m += [
            ("attributes", attributes(o)),
            ("limits", o.limitsOverride ?? limitsObject(o.offering, o.limits)),
            ("uuid", .string(o.key.hex)),
            ("created", .string(Timestamp.format(o.created))),
            ("modified", .string(Timestamp.format(o.modified))),
            ("type", .string(o.type.wire)),
            ("resource_uuid", .null),
            ("resource_type", .null),
            ("resource_name", .string(o.resourceName)),
            ("cost", o.cost.map { .string(MoneyText.tenPlaces($0)) } ?? .null),
            ("state", .string(o.state.wire)),
            ("output", .string("")),
            ("marketplace_resource_uuid", .string(o.resourceKey.hex)),
            ("error_message", .string("")),
            ("callback_url", Self.str(o.callbackURL)),
            ("request_comment", Self.str(o.requestComment)),
            ("start_date", Self.str(o.startDate)),
            ("url", .string(orderURL(o))),
            ("created_by", .string(userURL(o.createdBy))),
            ("created_by_username", .string(catalog.people[o.createdBy].username)),
            ("created_by_full_name", .string(catalog.people[o.createdBy].fullName)),
            ("consumer_reviewed_by", o.consumerReviewer.map { .string(userURL($0)) } ?? .null),
            ("consumer_reviewed_at", Self.stamp(o.consumerReviewedAt)),
        ]
        if let r = o.consumerReviewer {
            m += [("consumer_reviewed_by_username", .string(catalog.people[r].username)),
                  ("consumer_reviewed_by_full_name", .string(catalog.people[r].fullName))]
        }
        m += [
            ("project", .string(projectURL(o.project))),
            ("project_uuid", .string(project.uuid.hex)),
            ("project_name", .string(project.name)),
            ("project_description", .string(project.description)),
            ("customer_name", .string(customer.name)),
            ("customer_uuid", .string(customer.uuid.hex)),
        ]
        return .object(m)
    }
}
