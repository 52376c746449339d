import WaldurClient

/// A big list asked as one query per project and/or offering ("cell"), each without the fields that follow from
/// them: those are copied from an order of the same project or offering in a sample page. The cells are known to
/// cover the list because, for each key, the counts of the values seen in the sample add up to the list's count.
/// On the real Waldur this leaves one related object per order (the resource or the creator) of the four the
/// screen's columns need (offering, project, customer and one of those).
public struct KeyPartition: Sendable {
    /// Lists smaller than this are asked as they are: the sample and the counts would cost more than they save.
    public static let minimumOrders = 1_000
    /// At most this many cells per query (each is at least one request).
    public static let maximumCells = 32
    /// The orders of the sample page.
    public static let sampleSize = 100

    /// One of the queries a list is asked as, and where the fields it leaves out come from.
    public struct Cell: Sendable {
        /// The list's query narrowed to one project and/or offering, without their fields.
        public var query: OrderListQuery
        /// The fields to copy into each order the cell lists, and the sample order they come from.
        public var copies: [(fields: [String], from: Order)]

        /// Sets the left-out fields on every order of `page`.
        public func fill(_ page: inout OrderPage) {
            for i in page.orders.indices {
                for copy in copies { Order.fields.copy(copy.fields, from: copy.from, to: &page.orders[i]) }
            }
        }
    }

    /// For each key the list is split by, an order of the sample for each of its values.
    public let keys: [RelatedKey: [WaldurUUID: Order]]

    /// The keys worth splitting `query` by: those whose fields it asks for (none for a query of whole orders).
    public static func candidates(_ query: OrderListQuery) -> [RelatedKey] {
        guard !query.fields.isEmpty else { return [] }
        return RelatedKey.allCases.filter { key in key.fields.contains(where: query.fields.contains) }
    }

    /// The sample: `query`'s first page, with the uuids of the candidate keys.
    public static func sampleQuery(_ query: OrderListQuery) -> OrderListQuery {
        var q = query
        for key in candidates(query) where !q.fields.contains(key.uuidField) { q.fields.append(key.uuidField) }
        q.page = 1
        q.pageSize = sampleSize
        return q
    }

    /// The values of `key` in `sample`, each with its first order; nil when an order lacks it or there are too many.
    public static func values(of key: RelatedKey, in sample: [Order]) -> [WaldurUUID: Order]? {
        var out: [WaldurUUID: Order] = [:]
        for order in sample {
            guard let uuid = key.uuid(of: order) else { return nil }
            if out[uuid] == nil { out[uuid] = order }
            if out.count > maximumCells { return nil }
        }
        return out.isEmpty ? nil : out
    }

    /// A partition by the covering keys: both when their cells are few enough, else the one that saves the most
    /// (the project: its customer is a second object); nil when no key covers the list.
    public init?(covering: [RelatedKey: [WaldurUUID: Order]]) {
        if let p = covering[.project], let o = covering[.offering], p.count * o.count <= Self.maximumCells {
            keys = covering
        } else if let p = covering[.project] {
            keys = [.project: p]
        } else if let o = covering[.offering] {
            keys = [.offering: o]
        } else {
            return nil
        }
    }

    /// The cells `part` (the list's query or one of its parts) is asked as.
    public func cells(_ part: OrderListQuery) -> [Cell] {
        let used = RelatedKey.allCases.filter { keys[$0] != nil }
        let left = Set(used.flatMap(\.fields))
        var base = part
        base.fields = part.fields.filter { !left.contains($0) }
        var cells = [Cell(query: base, copies: [])]
        for key in used {
            let fields = key.fields.filter(part.fields.contains)
            let values = (keys[key] ?? [:]).sorted { $0.key.hex < $1.key.hex }
            cells = cells.flatMap { cell in
                values.map { uuid, order in
                    Cell(query: key.narrow(cell.query, to: uuid), copies: cell.copies + [(fields, order)])
                }
            }
        }
        return cells
    }
}
