import WaldurClient

/// The fields the order list asks the server for (`field=`): only what its columns, filter, sort, queue rules and
/// actions need, cheapest first. Costs are those measured on a real Waldur (Benchmarks/RealServer/FieldCosts.md):
/// the order's own columns cost no query; every related object (offering, project, customer, provider, plan,
/// resource, creator, reviewers) costs one SQL query per order, because the server's order list loads them one by one.
public enum ListFields {
    /// Every field a list row can hold, cheapest first (the order's own columns, then one related object each).
    public static let names: [String] = [
        "uuid", "state", "type", "cost", "created", "modified", "consumer_reviewed_at", "provider_reviewed_at",
        "error_message", "backend_id",
        "offering_type", "offering_name", "offering_uuid",
        "project_name", "project_uuid", "customer_name", "customer_uuid",
        "resource_name", "created_by_username", "created_by_full_name",
        "provider_name", "provider_uuid", "plan_name",
        "consumer_reviewed_by", "consumer_reviewed_by_username", "consumer_reviewed_by_full_name",
        "provider_reviewed_by", "provider_reviewed_by_username", "provider_reviewed_by_full_name",
    ]

    /// Always loaded: identity, the queue rules (state), the actions' facts (type, offering type), the bulk cost sum
    /// and the default sort and refresh (created, modified). All but `offering_type` cost the server no query.
    public static let base: [String] = ["uuid", "state", "type", "cost", "created", "modified", "offering_type"]

    /// Added for users who are not staff: the creator rule (a creator may reject their own pending-consumer order).
    public static let creator: [String] = ["created_by_username"]

    /// What a free word searches, by name, with the fields that hold it; free words search those that are loaded and
    /// never widen the load.
    public static let freeWordFields: [(name: String, fields: [String])] = [
        ("offering", ["offering_name"]), ("plan", ["plan_name"]), ("project", ["project_name"]), ("customer", ["customer_name"]),
        ("provider", ["provider_name"]), ("resource", ["resource_name"]),
        ("creator", ["created_by_username", "created_by_full_name"]),
        ("reviewers", ["consumer_reviewed_by", "consumer_reviewed_by_username", "consumer_reviewed_by_full_name",
                       "provider_reviewed_by", "provider_reviewed_by_username", "provider_reviewed_by_full_name"]),
    ]

    /// The fields a `key:value` filter term reads (its name and, for a full uuid, its uuid).
    public static func fields(for field: FilterField) -> [String] {
        switch field {
        case .offering: return ["offering_name", "offering_uuid"]
        case .plan: return ["plan_name"]
        case .project: return ["project_name", "project_uuid"]
        case .customer: return ["customer_name", "customer_uuid"]
        case .provider: return ["provider_name", "provider_uuid"]
        case .resource: return ["resource_name"]
        case .by: return ["created_by_username", "created_by_full_name"]
        }
    }

    /// The fields the terms of a filter read, free words excepted (they search what is loaded).
    public static func fields(for filter: FilterExpression) -> [String] {
        var out: [String] = []
        for term in filter.terms {
            switch term.predicate {
            case let .field(field, _): out += fields(for: field)
            case .text, .state, .type, .cost, .created, .modified: break
            }
        }
        return out
    }

    /// The fields sorting by `key` (or showing its column) reads.
    public static func fields(for key: SortKey) -> [String] {
        switch key {
        case .created: return ["created"]
        case .modified: return ["modified"]
        case .state: return ["state"]
        case .type: return ["type"]
        case .cost: return ["cost"]
        case .uuid: return ["uuid"]
        case .consumerReviewedAt: return ["consumer_reviewed_at"]
        case .offering: return ["offering_name"]
        case .plan: return ["plan_name"]
        case .project: return ["project_name"]
        case .customer: return ["customer_name"]
        case .provider: return ["provider_name"]
        case .resource: return ["resource_name"]
        case .createdBy: return ["created_by_username", "created_by_full_name"]
        }
    }

    /// The field set of a list load: the base, what the columns need (nil: every field), the sort, the filter and the
    /// queues' rules; in the order of `names` (cheapest first), each once.
    public static func listLoad(columns: [String]?, filter: FilterExpression, sort: SortKey, queues: [Queue], isStaff: Bool) -> [String] {
        guard let columns else { return names }
        return ordered(Set(columns).union(rules(filter: filter, sort: sort, queues: queues, isStaff: isStaff)))
    }

    /// What every loaded order needs whatever its state: the base, the sort, the filter, the queues' rules and (for
    /// users who are not staff) the creator rule.
    public static func rules(filter: FilterExpression, sort: SortKey, queues: [Queue], isStaff: Bool) -> Set<String> {
        var wanted = Set(base + fields(for: sort) + fields(for: filter))
        if !isStaff { wanted.formUnion(creator) }
        for queue in queues { if case let .custom(expression) = queue.kind { wanted.formUnion(fields(for: expression)) } }
        return wanted
    }

    /// `fields` in the order of `names` (unknown names last, sorted), each once.
    public static func ordered<S: Sequence>(_ fields: S) -> [String] where S.Element == String {
        let set = Set(fields)
        return names.filter { set.contains($0) } + set.subtracting(names).sorted()
    }

    /// What a free word cannot find in a load of `loaded` fields (names from `freeWordFields`).
    public static func unsearched(loaded: [String]) -> [String] {
        let set = Set(loaded)
        return freeWordFields.filter { !$0.fields.contains(where: set.contains) }.map(\.name)
    }
}
