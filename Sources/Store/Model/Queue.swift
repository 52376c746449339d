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
