import WaldurClient

/// The server calls the store makes (`WaldurClient` conforms; tests use a scripted fake).
public protocol OrderService: Sendable {
    /// Every page of a list as it arrives; each page carries the total the server announced.
    func listOrders(_ query: OrderListQuery, concurrency: Int) -> AsyncThrowingStream<OrderPage, any Error>
    /// How many orders a list holds (its first page's total); nil when the server does not say.
    func count(_ query: OrderListQuery) async throws(WaldurError) -> Int?
    /// The first page of a list (`query.page`, `query.pageSize`), alone.
    func firstPage(_ query: OrderListQuery) async throws(WaldurError) -> OrderPage
    /// One order, optionally trimmed.
    func retrieve(_ uuid: WaldurUUID, fields: [String]) async throws(WaldurError) -> Order
    /// One state-changing call on an order (never retried).
    func perform(_ operation: OrderOperation, _ uuid: WaldurUUID, body: JSONValue?) async throws(WaldurError) -> ActionResult
}

extension OrderService {
    /// Runs one action call: the endpoint's operation with the body the action table builds from the typed texts.
    public func perform(_ call: ActionCall) async throws(WaldurError) -> ActionResult {
        let row = ActionTable.row(call.endpoint)
        return try await perform(row.operation, call.uuid, body: row.body(call))
    }
}
