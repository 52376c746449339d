import WaldurClient

/// The server calls the store needs, mirroring `WaldurClient` (which conforms). Tests use a scripted fake.
public protocol OrderService: Sendable {
    /// Every page of a list as it arrives; each page carries the total the server announced.
    func listOrders(_ query: OrderListQuery, concurrency: Int) -> AsyncThrowingStream<OrderPage, any Error>
    /// One order, optionally trimmed.
    func retrieve(_ uuid: WaldurUUID, fields: [String]) async throws(WaldurError) -> Order
    /// The offering of an order.
    func offering(of uuid: WaldurUUID) async throws(WaldurError) -> Offering
    func approveByConsumer(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult
    func approveByProvider(_ uuid: WaldurUUID, attributes: JSONValue?) async throws(WaldurError) -> ActionResult
    func rejectByConsumer(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult
    func rejectByProvider(_ uuid: WaldurUUID, comment: String?) async throws(WaldurError) -> ActionResult
    func cancel(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult
    func setStateExecuting(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult
    func setStateDone(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult
    func setStateErred(_ uuid: WaldurUUID, errorMessage: String, errorTraceback: String) async throws(WaldurError) -> ActionResult
    func setBackendID(_ uuid: WaldurUUID, backendID: String) async throws(WaldurError) -> ActionResult
    func unlink(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult
    func delete(_ uuid: WaldurUUID) async throws(WaldurError) -> ActionResult
}

extension OrderService {
    /// Runs one action call through the matching endpoint.
    public func perform(_ call: ActionCall) async throws(WaldurError) -> ActionResult {
        let u = call.uuid
        switch call.endpoint {
        case .approveByConsumer: return try await approveByConsumer(u)
        case .approveByProvider: return try await approveByProvider(u, attributes: nil)
        case .rejectByConsumer: return try await rejectByConsumer(u)
        case .rejectByProvider: return try await rejectByProvider(u, comment: call.text)
        case .cancel: return try await cancel(u)
        case .setStateExecuting: return try await setStateExecuting(u)
        case .setStateDone: return try await setStateDone(u)
        case .setStateErred: return try await setStateErred(u, errorMessage: call.text ?? "", errorTraceback: call.traceback ?? "")
        case .setBackendID: return try await setBackendID(u, backendID: call.text ?? "")
        case .unlink: return try await unlink(u)
        case .delete: return try await delete(u)
        }
    }
}
