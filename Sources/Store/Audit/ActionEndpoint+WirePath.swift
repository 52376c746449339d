extension ActionEndpoint {
    /// The endpoint's last path segment in the API (`delete` is the DELETE of the order itself).
    public var wirePath: String {
        switch self {
        case .approveByConsumer: return "approve_by_consumer"
        case .approveByProvider: return "approve_by_provider"
        case .rejectByConsumer: return "reject_by_consumer"
        case .rejectByProvider: return "reject_by_provider"
        case .cancel: return "cancel"
        case .setStateExecuting: return "set_state_executing"
        case .setStateDone: return "set_state_done"
        case .setStateErred: return "set_state_erred"
        case .setBackendID: return "set_backend_id"
        case .unlink: return "unlink"
        case .delete: return "delete"
        }
    }
}
