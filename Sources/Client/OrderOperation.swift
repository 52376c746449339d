/// Every state-changing call on one existing order: the one place where the API's action names and methods are
/// spelled. `WaldurClient.perform(_:_:body:)` sends any of them; the named methods are typed shorthands.
public enum OrderOperation: String, Sendable, CaseIterable, Hashable {
    case approveByConsumer = "approve_by_consumer"
    case approveByProvider = "approve_by_provider"
    case rejectByConsumer = "reject_by_consumer"
    case rejectByProvider = "reject_by_provider"
    case cancel
    case setStateExecuting = "set_state_executing"
    case setStateDone = "set_state_done"
    case setStateErred = "set_state_erred"
    case setBackendID = "set_backend_id"
    case unlink
    case deleteAttachment = "delete_attachment"
    /// The DELETE of the order itself.
    case delete

    /// The name used in paths, the audit log and messages (`delete` for the DELETE of the order).
    public var wireName: String { rawValue }

    /// The HTTP method.
    public var method: String { self == .delete ? "DELETE" : "POST" }

    /// The path segment after `marketplace-orders/UUID/` (nil: the order itself).
    public var pathSegment: String? { self == .delete ? nil : rawValue }
}
