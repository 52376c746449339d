import Foundation
import WaldurClient

/// Whether an action can be run on one order, and if so through which endpoint and to which state; if not, why.
public struct ActionAvailability: Sendable, Equatable {
    public var action: OrderAction
    /// The call to make, when available.
    public var endpoint: ActionEndpoint?
    /// Why not, when unavailable ("only pending-consumer or pending-provider orders can be approved; this one is executing").
    public var reason: String?
    /// The state the server is expected to move the order to ("executing"), when known.
    public var resultingState: String?

    public var isAvailable: Bool { endpoint != nil }

    static func available(_ action: OrderAction, _ endpoint: ActionEndpoint, to state: String?) -> ActionAvailability {
        ActionAvailability(action: action, endpoint: endpoint, reason: nil, resultingState: state)
    }

    static func unavailable(_ action: OrderAction, _ reason: String) -> ActionAvailability {
        ActionAvailability(action: action, endpoint: nil, reason: reason, resultingState: nil)
    }
}

/// One line of the action menu for the selected or marked orders.
public struct ActionMenuItem: Sendable, Equatable {
    public var action: OrderAction
    /// Orders the action applies to.
    public var availableCount: Int
    /// Orders targeted (the marked ones, or the selected one).
    public var targetCount: Int
    /// When no target allows it: the reason (of the first target).
    public var reason: String?

    public var isAvailable: Bool { availableCount > 0 }
}

/// A marked order an action skips, and why.
public struct SkippedOrder: Sendable, Equatable {
    public var uuid: WaldurUUID
    public var reason: String
}

/// The per-order result of the last action run, for the result view.
public struct ActionResultLine: Sendable, Equatable {
    public var uuid: WaldurUUID
    public var endpoint: ActionEndpoint
    /// Nil while running.
    public var outcome: ActionOutcome?
    /// "approved; now executing" or the server's message.
    public var text: String
}
