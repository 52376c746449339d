import WaldurClient

/// The facts about one order that decide which actions apply (mirrors order-lifecycle.md).
public struct OrderFacts: Sendable, Equatable {
    public var state: OrderState
    public var type: OrderType?
    public var offeringType: String
    /// The order is in this user's `can_approve_as_consumer=true` list.
    public var canApproveAsConsumer: Bool
    /// The order is in this user's `can_approve_as_provider=true` list.
    public var canApproveAsProvider: Bool
    /// The user created the order (a creator may reject their own pending-consumer order).
    public var isCreator: Bool

    /// The one rule for "you created it": the order names a creator and it is the signed-in user.
    public static func isCreator(_ creator: String, username: String?) -> Bool {
        username.map { !creator.isEmpty && $0 == creator } ?? false
    }

    public init(state: OrderState, type: OrderType? = nil, offeringType: String, canApproveAsConsumer: Bool = false,
                canApproveAsProvider: Bool = false, isCreator: Bool = false) {
        self.state = state
        self.type = type
        self.offeringType = offeringType
        self.canApproveAsConsumer = canApproveAsConsumer
        self.canApproveAsProvider = canApproveAsProvider
        self.isCreator = isCreator
    }
}

/// Which actions an order allows, with the reason for each refusal. The server still decides; this avoids
/// offering what will surely fail.
///
/// Decisions where the reference is loose:
/// - "remote-SLURM offerings" (set_state_executing, set_state_erred) are `Marketplace.Slurm` and `Marketplace.Remote`.
/// - cancel is for "basic/support offerings": `Marketplace.Basic` and `Support.OfferingTemplate`.
/// - approve/reject on the consumer side need the `can_approve_as_consumer` knowledge (or staff; a creator may reject
///   their own order), on the provider side `can_approve_as_provider` (or staff).
/// - set_state_* and set_backend_id need provider rights the client cannot see; they are offered and the server's
///   403 is shown if the user lacks them.
public enum ActionRules {
    public static let remoteOfferingTypes: Set<String> = ["Marketplace.Slurm", "Marketplace.Remote"]
    public static let cancellableOfferingTypes: Set<String> = ["Marketplace.Basic", "Support.OfferingTemplate"]
    /// Offerings whose consumer approval always waits for the provider.
    public static let providerReviewedOfferingTypes: Set<String> = ["Marketplace.Basic", "Marketplace.Slurm"]

    /// The availability of `action` for an order with `facts`.
    public static func availability(of action: OrderAction, for facts: OrderFacts, configuration: StoreConfiguration) -> ActionAvailability {
        if configuration.readOnly {
            return .unavailable(action, "read-only mode: \(action.title) is disabled")
        }
        let state = facts.state
        let staff = configuration.isStaff
        if case let .unknown(wire) = state {
            return .unavailable(action, "this order's state “\(wire.isEmpty ? "?" : TextFolding.displayLine(wire))” is unknown to this client")
        }
        switch action {
        case .approve:
            switch state {
            case .pendingConsumer:
                guard staff || facts.canApproveAsConsumer else {
                    return .unavailable(action, "you cannot approve this order as consumer: it is not in your can_approve_as_consumer list")
                }
                let next = providerReviewedOfferingTypes.contains(facts.offeringType) ? "pending-provider" : "executing"
                return .available(action, .approveByConsumer, to: next)
            case .pendingProvider:
                guard staff || facts.canApproveAsProvider else {
                    return .unavailable(action, "only the offering's service provider can approve a pending-provider order; it is not in your can_approve_as_provider list")
                }
                return .available(action, .approveByProvider, to: "executing")
            default:
                return .unavailable(action, "only pending-consumer or pending-provider orders can be approved; this one is \(state.wire)")
            }
        case .reject:
            switch state {
            case .pendingConsumer:
                guard staff || facts.canApproveAsConsumer || facts.isCreator else {
                    return .unavailable(action, "you cannot reject this order as consumer: it is not in your can_approve_as_consumer list and you did not create it")
                }
                return .available(action, .rejectByConsumer, to: "rejected")
            case .pendingProvider:
                guard staff || facts.canApproveAsProvider else {
                    return .unavailable(action, "only the offering's service provider can reject a pending-provider order; it is not in your can_approve_as_provider list")
                }
                return .available(action, .rejectByProvider, to: "rejected")
            default:
                return .unavailable(action, "only pending-consumer or pending-provider orders can be rejected; this one is \(state.wire)")
            }
        case .cancel:
            guard cancellableOfferingTypes.contains(facts.offeringType) else {
                return .unavailable(action, "only orders of basic or support offerings can be canceled; this one is \(offeringLabel(facts))")
            }
            guard state == .pendingConsumer || state == .pendingProvider || state == .executing else {
                return .unavailable(action, "only pending-consumer, pending-provider or executing orders can be canceled; this one is \(state.wire)")
            }
            return .available(action, .cancel, to: "canceled")
        case .setStateExecuting:
            guard remoteOfferingTypes.contains(facts.offeringType) else {
                return .unavailable(action, "only remote or SLURM offerings can be set executing; this one is \(offeringLabel(facts))")
            }
            guard state == .pendingConsumer || state == .pendingProvider || state == .erred else {
                return .unavailable(action, "only pending-consumer, pending-provider or erred orders can be set executing; this one is \(state.wire)")
            }
            return .available(action, .setStateExecuting, to: "executing")
        case .setStateDone:
            guard state == .executing else {
                return .unavailable(action, "only executing orders can be set done; this one is \(state.wire)")
            }
            return .available(action, .setStateDone, to: "done")
        case .setStateErred:
            guard remoteOfferingTypes.contains(facts.offeringType) else {
                return .unavailable(action, "only remote or SLURM offerings can be set erred; this one is \(offeringLabel(facts))")
            }
            // The server moves only an executing order to erred; on other states it replaces the texts and keeps the state.
            return .available(action, .setStateErred, to: state == .executing ? "erred" : "\(state.wire) (texts replaced)")
        case .setBackendID:
            return .available(action, .setBackendID, to: nil)
        case .unlink:
            guard staff else { return .unavailable(action, "only staff can unlink orders") }
            return .available(action, .unlink, to: "removed")
        case .delete:
            guard state == .pendingConsumer || state == .pendingProvider else {
                return .unavailable(action, "only pending-consumer or pending-provider orders can be deleted; this one is \(state.wire)")
            }
            return .available(action, .delete, to: "removed")
        }
    }

    static func offeringLabel(_ facts: OrderFacts) -> String {
        facts.offeringType.isEmpty ? "of an unknown offering type" : TextFolding.displayLine(facts.offeringType)
    }
}
