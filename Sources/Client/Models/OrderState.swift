/// The state of an order; values this client does not know are kept, not rejected.
public enum OrderState: Sendable, Hashable, CustomStringConvertible {
    case pendingConsumer, pendingProvider, pendingProject, pendingStartDate
    case executing, done, erred, canceled, rejected
    case unknown(String)

    /// Every state the reference names, in lifecycle order.
    public static let known: [OrderState] = [
        .pendingConsumer, .pendingProvider, .pendingProject, .pendingStartDate,
        .executing, .done, .erred, .canceled, .rejected,
    ]

    public init(wire: String) {
        switch wire {
        case "pending-consumer": self = .pendingConsumer
        case "pending-provider": self = .pendingProvider
        case "pending-project": self = .pendingProject
        case "pending-start-date": self = .pendingStartDate
        case "executing": self = .executing
        case "done": self = .done
        case "erred": self = .erred
        case "canceled": self = .canceled
        case "rejected": self = .rejected
        default: self = .unknown(wire)
        }
    }

    /// The value as the API spells it.
    public var wire: String {
        switch self {
        case .pendingConsumer: return "pending-consumer"
        case .pendingProvider: return "pending-provider"
        case .pendingProject: return "pending-project"
        case .pendingStartDate: return "pending-start-date"
        case .executing: return "executing"
        case .done: return "done"
        case .erred: return "erred"
        case .canceled: return "canceled"
        case .rejected: return "rejected"
        case let .unknown(s): return s
        }
    }

    public var description: String { wire }

    /// One of the pending-* states.
    public var isPending: Bool {
        switch self {
        case .pendingConsumer, .pendingProvider, .pendingProject, .pendingStartDate: return true
        default: return false
        }
    }

    /// done, erred, canceled or rejected.
    public var isTerminal: Bool {
        switch self {
        case .done, .erred, .canceled, .rejected: return true
        default: return false
        }
    }
}
