import WaldurClient

/// A tab of the list: a named subset of the loaded orders, counted live.
public struct Queue: Sendable, Hashable, Identifiable {
    /// What puts an order into the queue.
    public enum Kind: Sendable, Hashable {
        /// pending-consumer orders the user can approve as consumer plus pending-provider ones approvable as provider
        /// (from the `can_approve_as_*` server filters).
        case needsMe
        /// Every pending-* state.
        case pending
        case executing
        case erred
        case done
        /// rejected and canceled.
        case closed
        case all
        /// A user queue from the configuration file.
        case custom(FilterExpression)
    }

    public var name: String
    public var kind: Kind
    public var id: String { name }

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// What puts an order in a queue, declared once: the states of a state queue, the "Needs me" flags, every order,
    /// or a filter. Counting and filtering are computed from this (through `Membership`), never from positions.
    public enum Rule: Sendable, Equatable {
        case states(Set<OrderState>)
        case needsMe
        case all
        case filter(FilterExpression)
    }

    /// The rule of a queue kind.
    public static func rule(of kind: Kind) -> Rule {
        switch kind {
        case .needsMe: return .needsMe
        case .pending: return .states([.pendingConsumer, .pendingProvider, .pendingProject, .pendingStartDate])
        case .executing: return .states([.executing])
        case .erred: return .states([.erred])
        case .done: return .states([.done])
        case .closed: return .states([.rejected, .canceled])
        case .all: return .all
        case let .custom(expression): return .filter(expression)
        }
    }

    /// The rule of this queue.
    public var rule: Rule { Queue.rule(of: kind) }

    /// The built-in tabs, in display order.
    public static let builtIn: [Queue] = [
        Queue(name: "Needs me", kind: .needsMe),
        Queue(name: "Pending", kind: .pending),
        Queue(name: "Executing", kind: .executing),
        Queue(name: "Erred", kind: .erred),
        Queue(name: "Done", kind: .done),
        Queue(name: "Closed", kind: .closed),
        Queue(name: "All", kind: .all),
    ]
}
