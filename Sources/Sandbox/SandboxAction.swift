import WaldurClient

/// A state action on one order, with the checks the real server makes in this order: permission, state, offering type.
enum SandboxAction: String, CaseIterable, Sendable {
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
    case updateAttachment = "update_attachment"
    case deleteAttachment = "delete_attachment"
    case retry
    /// `DELETE /marketplace-orders/{uuid}/`.
    case destroy = "delete"

    /// States the action is allowed from; nil for any.
    var validStates: [OrderState]? {
        switch self {
        case .approveByConsumer, .rejectByConsumer: return [.pendingConsumer]
        case .approveByProvider, .rejectByProvider: return [.pendingProvider]
        case .cancel: return [.pendingConsumer, .pendingProvider, .executing]
        case .setStateExecuting: return [.pendingConsumer, .pendingProvider, .erred]
        case .setStateDone: return [.executing]
        case .destroy, .updateAttachment, .deleteAttachment: return [.pendingConsumer, .pendingProvider]
        case .retry: return [.erred]
        case .setStateErred, .setBackendID, .unlink: return nil
        }
    }

    /// Offering types that support the action; nil for all.
    var offeringTypes: [String]? {
        switch self {
        case .cancel: return ["Marketplace.Basic", "Support.OfferingTemplate"]
        case .setStateExecuting, .setStateErred: return ["Marketplace.Slurm"]
        case .setStateDone: return ["Marketplace.Slurm", "Marketplace.Basic", "Support.OfferingTemplate"]
        default: return nil
        }
    }

    func permitted(_ a: Access, _ o: StoredOrder) -> Bool {
        switch self {
        case .approveByConsumer, .cancel, .destroy: return a.consumerApprover(o)
        case .rejectByConsumer: return a.consumerRejecter(o)
        case .approveByProvider, .rejectByProvider, .setStateExecuting, .setStateDone, .setStateErred, .setBackendID:
            return a.providerApprover(o)
        case .unlink: return a.isStaff
        case .updateAttachment, .deleteAttachment: return a.consumerSide(o)
        case .retry: return a.consumerApprover(o) || a.providerApprover(o)
        }
    }

    /// The 409 text: `Valid states for operation: pending-consumer.`
    var stateMessage: String {
        "Valid states for operation: " + (validStates ?? []).map(\.wire).joined(separator: ", ") + "."
    }

    /// Whether the action changes anything (counted by `mutationCount`).
    static func named(_ s: Substring) -> SandboxAction? { SandboxAction(rawValue: String(s)) }
}
