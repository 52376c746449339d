/// A list column that can be sorted.
public enum SortKey: String, CaseIterable, Sendable, Hashable {
    case created, modified, state, type, cost, offering, plan, project, customer, provider, resource, createdBy, consumerReviewedAt, uuid

    /// The server's `o` key for this column, where the API allows ordering by it.
    public var serverOrdering: String? {
        switch self {
        case .created: return "created"
        case .consumerReviewedAt: return "consumer_reviewed_at"
        case .cost: return "cost"
        case .state: return "state"
        default: return nil
        }
    }

    /// A column header.
    public var title: String {
        switch self {
        case .created: return "Created"
        case .modified: return "Modified"
        case .state: return "State"
        case .type: return "Type"
        case .cost: return "Cost"
        case .offering: return "Offering"
        case .plan: return "Plan"
        case .project: return "Project"
        case .customer: return "Customer"
        case .provider: return "Provider"
        case .resource: return "Resource"
        case .createdBy: return "Created by"
        case .consumerReviewedAt: return "Approved at"
        case .uuid: return "UUID"
        }
    }
}

/// A column and a direction.
public struct OrderSort: Sendable, Hashable {
    public var key: SortKey
    public var ascending: Bool

    public init(key: SortKey, ascending: Bool) {
        self.key = key
        self.ascending = ascending
    }

    /// Newest first, like the Waldur web UI.
    public static let `default` = OrderSort(key: .created, ascending: false)

    /// The `o=` value, or nil when the server cannot order by this column.
    public var serverOrdering: String? { key.serverOrdering.map { ascending ? $0 : "-" + $0 } }
}
