import WaldurClient

/// A related object whose list fields are the same on every order that has it: the server renders `offering_*` and
/// `provider_*` from the order's offering, `project_*` and `customer_*` from its project (`source="project.customer.name"`).
/// Each costs the server one SQL query per order listed; asked once per object instead, they cost it nothing.
public enum RelatedKey: Sendable, Hashable, CaseIterable {
    case project, offering

    /// The list fields that follow from the object (its uuid included).
    public var fields: [String] {
        switch self {
        case .project: return ListFields.fields(for: FilterField.project) + ListFields.fields(for: FilterField.customer)
        case .offering: return ["offering_type"] + ListFields.fields(for: FilterField.offering) + ListFields.fields(for: FilterField.provider)
        }
    }

    /// The field that names the object.
    public var uuidField: String { self == .project ? "project_uuid" : "offering_uuid" }

    /// The object's uuid on `order`.
    public func uuid(of order: Order) -> WaldurUUID? { self == .project ? order.projectUUID : order.offeringUUID }

    /// `query` narrowed to the orders of the object `uuid` (the server's `project_uuid` / `offering_uuid` filter).
    public func narrow(_ query: OrderListQuery, to uuid: WaldurUUID) -> OrderListQuery {
        var q = query
        if self == .project { q.projectUUID = uuid } else { q.offeringUUID = uuid }
        return q
    }
}
