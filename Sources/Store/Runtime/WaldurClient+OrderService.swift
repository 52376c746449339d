import WaldurClient

/// The real client is the store's service: every requirement is one of its endpoints.
extension WaldurClient: OrderService {
    /// One page of one uuid: its `X-Result-Count` (the server counts without serialising the list).
    public func count(_ query: OrderListQuery) async throws(WaldurError) -> Int? {
        var q = query
        q.fields = ["uuid"]
        q.pageSize = 1
        q.page = nil
        q.ordering = []
        return try await listPage(q).totalCount
    }

    /// One page, as `listPage(_:)`.
    public func firstPage(_ query: OrderListQuery) async throws(WaldurError) -> OrderPage { try await listPage(query) }
}
